"""Who may see and change annual reports. Town staff see their town's reports; clerks and
leaders edit a draft; the leader approves, publishes and submits (services.TRANSITIONS); a
district supervisor reads the reports their towns have submitted."""

from django.shortcuts import get_object_or_404

from fazhi.core.models import Level, Role
from fazhi.core.tenancy import visible_to

from .models import AnnualReport, ReportStatus
from .services import EDITOR_ROLES


def reports_visible_to(user):
    qs = visible_to(user, AnnualReport.objects.select_related("town__district"))
    if user.is_authenticated and not user.is_superuser and user.level == Level.DISTRICT:
        # The district reads what a town has submitted or published, not its drafts.
        qs = qs.filter(submitted_on__isnull=False) | qs.filter(status=ReportStatus.PUBLISHED)
    return qs


def get_report_for_user_or_404(user, pk):
    return get_object_or_404(reports_visible_to(user), pk=pk)


def can_create_report(user, town) -> bool:
    return user.is_superuser or (user.town_id == town.pk and user.has_role(*EDITOR_ROLES))


def can_edit_report(user, report) -> bool:
    if report.status != ReportStatus.DRAFT:
        return False
    return user.is_superuser or (user.town_id == report.town_id and user.has_role(*EDITOR_ROLES))


def is_supervisor(user) -> bool:
    return user.is_superuser or (user.level == Level.DISTRICT and user.has_role(Role.SUPERVISOR))
