from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "fazhi.reports"
    label = "reports"
    verbose_name = _("年度报告")
    fazhi_module = {"label": "年度报告", "url_name": "reports:index", "order": 90,
                    "portal_url_name": "reports_portal:index", "portal_label": "法治政府建设年度报告"}
    demo_loader = "fazhi.reports.demo.load"
