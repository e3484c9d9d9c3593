from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "fazhi.decisions"
    label = "decisions"
    verbose_name = _("重大行政决策")
    figures = "fazhi.decisions.figures.figures"
    demo_loader = "fazhi.decisions.demo.load"
    fazhi_module = {"label": "重大行政决策", "url_name": "decisions:index", "order": 31,
                    "portal_url_name": "decisions_portal:index", "portal_label": "重大行政决策目录"}
