"""Passwords, lockout after five failures, address throttling, idle timeout, login audit."""

import datetime

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import timezone

from fazhi.core import orgs
from fazhi.core.accounts import LoginRefused, login_attempt
from fazhi.core.demo import DEMO_PASSWORD
from fazhi.core.errors import InvalidInput
from fazhi.core.models import AuditEvent, LoginThrottle


def _request(address="10.0.0.1"):
    return RequestFactory().post("/login/", REMOTE_ADDR=address)


@pytest.mark.parametrize("password", ["short1A", "alllowercase", "lowerand123", "ALLUPPER123"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


@pytest.mark.parametrize("password", ["Xq7mPzr2", "qz7mpzr!k", "QZ7MPZR!k"])
def test_passwords_with_three_classes_and_eight_characters_pass(password):
    validate_password(password)


def test_user_create_refuses_a_weak_password_in_chinese(world):
    with pytest.raises(InvalidInput, match="至少三类"):
        orgs.user_create(username="weak", password="abcdefgh", town=world.fengsheng)


def test_successful_login_is_audited(users):
    user = login_attempt(_request(), username="fengsheng_clerk", password=DEMO_PASSWORD)
    assert user == users["fengsheng_clerk"]
    assert AuditEvent.objects.filter(action="login.success", object_id=str(user.pk)).exists()


def test_account_locks_after_five_failures_in_a_row(users):
    for i in range(5):
        with pytest.raises(LoginRefused, match="不正确"):
            login_attempt(_request(f"10.0.0.{i + 1}"), username="fengsheng_clerk", password="wrong")
    with pytest.raises(LoginRefused, match="锁定"):
        login_attempt(_request("10.0.1.1"), username="fengsheng_clerk", password=DEMO_PASSWORD)
    assert AuditEvent.objects.filter(action="login.failure").count() == 5
    assert AuditEvent.objects.filter(action="login.lockout").count() == 1
    assert AuditEvent.objects.filter(action="login.locked").count() == 1


def test_a_success_resets_the_failure_count(users):
    for _ in range(4):
        with pytest.raises(LoginRefused):
            login_attempt(_request(), username="fengsheng_clerk", password="wrong")
    login_attempt(_request(), username="fengsheng_clerk", password=DEMO_PASSWORD)
    with pytest.raises(LoginRefused, match="不正确"):
        login_attempt(_request(), username="fengsheng_clerk", password="wrong")
    users["fengsheng_clerk"].refresh_from_db()
    assert users["fengsheng_clerk"].locked_until is None


def test_lock_ends_after_fifteen_minutes(users):
    user = users["fengsheng_clerk"]
    user.locked_until = timezone.now() - datetime.timedelta(seconds=1)
    user.save(update_fields=["locked_until"])
    assert login_attempt(_request(), username="fengsheng_clerk", password=DEMO_PASSWORD) == user


def test_lock_lasts_fifteen_minutes(users):
    for _ in range(5):
        with pytest.raises(LoginRefused):
            login_attempt(_request(), username="mudong_clerk", password="wrong")
    users["mudong_clerk"].refresh_from_db()
    remaining = users["mudong_clerk"].locked_until - timezone.now()
    assert datetime.timedelta(minutes=14) < remaining <= datetime.timedelta(minutes=15)


def test_an_address_guessing_across_accounts_is_throttled(users):
    for name in ["a", "b", "c", "d", "e"]:
        with pytest.raises(LoginRefused):
            login_attempt(_request("10.9.9.9"), username=f"nobody_{name}", password="x")
    with pytest.raises(LoginRefused, match="次数过多"):
        login_attempt(_request("10.9.9.9"), username="fengsheng_clerk", password=DEMO_PASSWORD)
    assert LoginThrottle.objects.get(address="10.9.9.9").locked_until is not None
    # Another address is not affected.
    assert login_attempt(_request("10.9.9.10"), username="fengsheng_clerk", password=DEMO_PASSWORD)


def test_idle_sessions_end_after_thirty_minutes(settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_login_page_logs_in_and_redirects_to_workbench(client, users):
    response = client.post("/login/", {"username": "fengsheng_clerk", "password": DEMO_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/workbench/"


def test_login_page_shows_the_chinese_refusal(client, users):
    response = client.post("/login/", {"username": "fengsheng_clerk", "password": "bad"})
    assert response.status_code == 200
    assert "用户名或密码不正确" in response.content.decode()


def test_login_does_not_redirect_off_site(client, users):
    response = client.post("/login/", {"username": "fengsheng_clerk", "password": DEMO_PASSWORD,
                                       "next": "https://evil.example/"})
    assert response["Location"] == "/workbench/"


def test_admin_login_goes_through_the_same_login(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
