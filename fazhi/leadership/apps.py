from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeadershipConfig(AppConfig):
    name = "fazhi.leadership"
    label = "leadership"
    verbose_name = _("第一责任人")
    figures = "fazhi.leadership.figures.figures"
    demo_loader = "fazhi.leadership.demo.load"
    fazhi_module = {"label": "第一责任人履职", "url_name": "leadership:index", "order": 5}
