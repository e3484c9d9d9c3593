from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StudyConfig(AppConfig):
    name = "fazhi.study"
    label = "study"
    verbose_name = _("学法用法")
    figures = "fazhi.study.figures.figures"
    demo_loader = "fazhi.study.demo.load"
    fazhi_module = {"label": "学法用法", "url_name": "study:index", "order": 10}
