from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JudicialConfig(AppConfig):
    name = "fazhi.judicial"
    label = "judicial"
    verbose_name = _("司法与复议诉讼")
    figures = "fazhi.judicial.figures.figures"
    demo_loader = "fazhi.judicial.demo.load"
    fazhi_module = {"label": "司法与复议诉讼", "url_name": "judicial:index", "order": 60}
