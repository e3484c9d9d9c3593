from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnforcementConfig(AppConfig):
    name = "fazhi.enforcement"
    label = "enforcement"
    verbose_name = _("行政执法")
    default_auto_field = "django.db.models.BigAutoField"
    figures = "fazhi.enforcement.figures.figures"
    demo_loader = "fazhi.enforcement.demo.load"
    fazhi_module = {"label": "行政执法", "url_name": "enforcement:index", "order": 50,
                    "portal_url_name": "enforcement_portal:index", "portal_label": "行政执法公示"}
