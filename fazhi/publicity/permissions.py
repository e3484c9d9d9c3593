from .selectors import activities_visible_to, responsibilities_visible_to
from .services import MANAGERS


def can_record_activity(user) -> bool:
    return bool(user.is_superuser or (user.town_id and user.has_role(*MANAGERS)))


__all__ = ["activities_visible_to", "can_record_activity", "responsibilities_visible_to"]
