from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisputesConfig(AppConfig):
    name = "fazhi.disputes"
    label = "disputes"
    verbose_name = _("矛盾纠纷调处")
    figures = "fazhi.disputes.figures.figures"
    demo_loader = "fazhi.disputes.demo.load"
    fazhi_module = {"label": "矛盾纠纷调处", "url_name": "disputes:index", "order": 60,
                    "portal_url_name": "disputes_portal:index", "portal_label": "申请人民调解"}
