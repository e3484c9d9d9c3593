from .accounts import Level, LoginThrottle, Role, User, UserRole
from .attachments import Attachment
from .audit import AuditEvent, AuditHead
from .calendar import CalendarDay, CalendarYear
from .clocks import Clock, PeriodUnit
from .locks import YearLock
from .org import District, Grid, LinkageBody, Town, Unit, Village

__all__ = [
    "Attachment",
    "AuditEvent",
    "AuditHead",
    "CalendarDay",
    "CalendarYear",
    "Clock",
    "District",
    "Grid",
    "Level",
    "PeriodUnit",
    "LinkageBody",
    "LoginThrottle",
    "Role",
    "Town",
    "Unit",
    "User",
    "UserRole",
    "Village",
    "YearLock",
]
