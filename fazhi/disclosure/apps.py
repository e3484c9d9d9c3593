from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    name = "fazhi.disclosure"
    label = "disclosure"
    verbose_name = _("政府信息公开")
    figures = "fazhi.disclosure.figures.figures"
    demo_loader = "fazhi.disclosure.demo.load"
    fazhi_module = {"label": "政府信息公开", "url_name": "disclosure:index", "order": 30,
                    "portal_url_name": "disclosure_portal:index", "portal_label": "政府信息公开"}
