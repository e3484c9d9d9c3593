from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GridConfig(AppConfig):
    name = "fazhi.grid"
    label = "grid"
    verbose_name = _("网格化治理")
    figures = "fazhi.grid.figures.figures"
    demo_loader = "fazhi.grid.demo.load"
    fazhi_module = {"label": "网格化治理", "url_name": "grid:index", "order": 61}
