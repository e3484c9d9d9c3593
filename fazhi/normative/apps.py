from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NormativeConfig(AppConfig):
    name = "fazhi.normative"
    label = "normative"
    verbose_name = _("行政规范性文件")
    figures = "fazhi.normative.figures.figures"
    demo_loader = "fazhi.normative.demo.load"
    fazhi_module = {"label": "规范性文件", "url_name": "normative:index", "order": 30,
                    "portal_url_name": "normative_portal:index", "portal_label": "现行有效的规范性文件"}
