from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SafetyConfig(AppConfig):
    name = "fazhi.safety"
    label = "safety"
    verbose_name = _("平安建设")
    figures = "fazhi.safety.figures.figures"
    demo_loader = "fazhi.safety.demo.load"
    fazhi_module = {"label": "平安建设", "url_name": "safety:index", "order": 62}
