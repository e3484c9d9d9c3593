"""Accounts: the password rule, and login with lockout and per-address throttling."""

import datetime

from django.conf import settings
from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import audit
from .errors import DomainError
from .models import LoginThrottle, User


class CharacterClassValidator:
    """At least three of: lower-case letters, upper-case letters, digits, other characters."""

    def validate(self, password, user=None):
        classes = [
            any(c.islower() for c in password),
            any(c.isupper() for c in password),
            any(c.isdigit() for c in password),
            any(not c.isalnum() for c in password),
        ]
        if sum(classes) < 3:
            raise ValidationError(
                _("密码须包含小写字母、大写字母、数字、其他符号中的至少三类。"), code="password_classes"
            )

    def get_help_text(self):
        return _("密码须包含小写字母、大写字母、数字、其他符号中的至少三类。")


class LoginRefused(DomainError):
    pass


def client_address(request) -> str:
    # Behind a reverse proxy, have it pass the client's address in REMOTE_ADDR; X-Forwarded-For
    # is not read here because any client can forge it.
    return request.META.get("REMOTE_ADDR") or "0.0.0.0"


def _local_hm(moment) -> str:
    return timezone.localtime(moment).strftime("%H:%M")


def _check_locks(address: str, username: str, now) -> LoginRefused | None:
    """Refuse (and record) an attempt while the address or the account is locked."""
    with transaction.atomic():
        throttle, _created = LoginThrottle.objects.select_for_update().get_or_create(address=address)
        user = User.objects.filter(username=username).first()
        if throttle.locked_until and throttle.locked_until > now:
            audit.record(actor=None, action="login.throttled", object_type="core.user",
                         object_id=user.pk if user else "", object_repr=username[:150],
                         town_id=user.town_id if user else None,
                         note=f"来自 {address} 的登录失败过多,暂停受理")
            return LoginRefused(f"登录失败次数过多,请于{_local_hm(throttle.locked_until)}后再试。", code="throttled")
        if user and user.locked_until and user.locked_until > now:
            audit.record(actor=None, action="login.locked", obj=user, note=f"账号锁定期间尝试登录,来自 {address}")
            return LoginRefused(f"该账号因连续登录失败已被锁定,请于{_local_hm(user.locked_until)}后再试。", code="locked")
    return None


def _record_result(address: str, username: str, authenticated, now):
    limit = settings.FAZHI_LOGIN_MAX_FAILURES
    minutes = settings.FAZHI_LOGIN_LOCK_MINUTES
    until = now + datetime.timedelta(minutes=minutes)
    with transaction.atomic():
        throttle = LoginThrottle.objects.select_for_update().get(address=address)
        user = User.objects.select_for_update().filter(username=username).first()
        if authenticated is not None:
            user.failed_logins = 0
            user.locked_until = None
            user.save(update_fields=["failed_logins", "locked_until"])
            throttle.failures = 0
            throttle.locked_until = None
            throttle.save(update_fields=["failures", "locked_until", "updated_at"])
            audit.record(actor=user, action="login.success", obj=user, note=f"来自 {address}")
            return
        throttle.failures += 1
        if throttle.failures >= limit:
            throttle.locked_until = until
            throttle.failures = 0
        throttle.save(update_fields=["failures", "locked_until", "updated_at"])
        if user is None:
            audit.record(actor=None, action="login.failure", object_type="core.user", object_id="",
                         object_repr=username[:150], note=f"用户名不存在,来自 {address}")
            return
        user.failed_logins += 1
        locked = user.failed_logins >= limit
        if locked:
            user.locked_until = until
            user.failed_logins = 0
        user.save(update_fields=["failed_logins", "locked_until"])
        audit.record(actor=None, action="login.failure", obj=user, note=f"密码错误,来自 {address}")
        if locked:
            audit.record(actor=None, action="login.lockout", obj=user, note=f"连续{limit}次登录失败,锁定{minutes}分钟")


def login_attempt(request, *, username: str, password: str) -> User:
    """Check a login. Five failures in a row lock the account, and likewise the client
    address, for 15 minutes; every success, failure and lockout is an audit event."""
    now = timezone.now()
    address = client_address(request)
    username = (username or "").strip()
    refusal = _check_locks(address, username, now)
    if refusal is not None:
        raise refusal
    authenticated = authenticate(request, username=username, password=password)
    _record_result(address, username, authenticated, now)
    if authenticated is None:
        raise LoginRefused("用户名或密码不正确。", code="bad_credentials")
    return authenticated
