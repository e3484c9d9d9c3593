"""Who may see and do what in the study module, built on the core tenancy scoper."""

from fazhi.core.tenancy import get_for_user_or_404, visible_to

from .models import Attendance, Course, CourseCompletion, ExamResult, Official, StudyPlan, StudySession
from .services import WRITE_ROLES


def can_record(user) -> bool:
    if not (user and user.is_authenticated):
        return False
    return user.is_superuser or (bool(user.town_id) and user.has_role(*WRITE_ROLES))


def officials_visible_to(user):
    return visible_to(user, Official).select_related("town", "unit")


def sessions_visible_to(user):
    return visible_to(user, StudySession).select_related("town")


def attendance_visible_to(user):
    return visible_to(user, Attendance).select_related("official", "session")


def plans_visible_to(user):
    return visible_to(user, StudyPlan)


def courses_visible_to(user):
    return visible_to(user, Course).select_related("town")


def completions_visible_to(user):
    return visible_to(user, CourseCompletion).select_related("town", "course", "official")


def exams_visible_to(user):
    return visible_to(user, ExamResult).select_related("official")


def get_session_for_user_or_404(user, pk):
    return get_for_user_or_404(user, sessions_visible_to(user), pk=pk)
