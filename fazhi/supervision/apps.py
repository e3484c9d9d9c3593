from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    name = "fazhi.supervision"
    label = "supervision"
    verbose_name = _("区级督察")
    fazhi_module = {"label": "区级督察", "url_name": "supervision:index", "order": 95,
                    "visible": "fazhi.supervision.permissions.can_supervise"}
