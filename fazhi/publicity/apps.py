from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicityConfig(AppConfig):
    name = "fazhi.publicity"
    label = "publicity"
    verbose_name = _("普法责任")
    default_auto_field = "django.db.models.BigAutoField"
    figures = "fazhi.publicity.figures.figures"
    demo_loader = "fazhi.publicity.demo.load"
    fazhi_module = {"label": "谁执法谁普法", "url_name": "publicity:index", "order": 55,
                    "portal_url_name": "publicity_portal:index", "portal_label": "普法活动"}
