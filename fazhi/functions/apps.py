from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FunctionsConfig(AppConfig):
    name = "fazhi.functions"
    label = "functions"
    verbose_name = _("机构职能")
    figures = "fazhi.functions.figures.figures"
    demo_loader = "fazhi.functions.demo.load"
    fazhi_module = {"label": "权责清单与办事指南", "url_name": "functions:index", "order": 20,
                    "portal_url_name": "functions_portal:index", "portal_label": "权责清单、公共服务清单和办事指南"}
