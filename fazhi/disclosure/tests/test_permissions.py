"""Who may do what: roles per action, towns (404), and the deadlines across holidays."""

import pytest

from fazhi.core import clocks
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.disclosure import permissions, services

from .conftest import D, person


@pytest.mark.parametrize("username,action,allowed", [
    ("fengsheng_clerk", "reply", True),
    ("fengsheng_leader", "reply", True),
    ("fengsheng_reviewer", "reply", False),
    ("fengsheng_officer", "reply", False),
    ("fengsheng_clerk", "extend", False),
    ("fengsheng_leader", "extend", True),
    ("fengsheng_reviewer", "review_refusal", True),
    ("fengsheng_clerk", "review_refusal", False),
    ("banan_supervisor", "withdraw", False),
])
def test_role_matrix(users, make_request, username, action, allowed):
    req = make_request()
    assert permissions.can_act_on_request(users[username], req, action) is allowed


def test_wrong_role_is_refused_and_changes_nothing(users, make_request):
    req = make_request()
    with pytest.raises(DomainError, match="角色"):
        services.request_reply(actor=users["fengsheng_officer"], request=req, date="2025-10-20", reply_type="disclosed")
    req.refresh_from_db()
    assert (req.status, req.reply_type) == ("registered", "")


def test_other_towns_rows_are_invisible(users, make_request, world):
    req = make_request()
    other = make_request(town=world.mudong)
    assert list(permissions.requests_visible_to(users["fengsheng_clerk"])) == [req]
    assert list(permissions.requests_visible_to(users["mudong_leader"])) == [other]
    assert set(permissions.requests_visible_to(users["banan_supervisor"])) == {req, other}
    assert not permissions.requests_visible_to(users["fengsheng_grid"]).exists()


def test_only_town_handlers_register(users):
    assert permissions.can_register_request(users["fengsheng_clerk"])
    assert not permissions.can_register_request(users["fengsheng_reviewer"])
    assert not permissions.can_register_request(users["banan_supervisor"])


def test_only_own_town_handlers_see_clear_personal_data(users, make_request):
    req = make_request()
    assert permissions.can_see_personal_data(users["fengsheng_clerk"], req)
    assert not permissions.can_see_personal_data(users["banan_supervisor"], req)
    assert not permissions.can_see_personal_data(users["fengsheng_grid"], req)


# --- deadlines across holidays and make-up days (RULES.md §10.2) ---------------------------------


def test_ogi_33_across_the_2026_spring_festival(make_request):
    # Received 2026-02-11 (Wed): 1=02-12, 2=02-13, 3=02-14(六,调休上班); 02-15…02-23 off; 4…7=02-24…02-27,
    # 8=02-28(六,调休上班); 9…13=03-02…03-06; 14…18=03-09…03-13; 19=03-16, 20=03-17.
    req = make_request(received_date="2026-02-11")
    assert req.due_date == D("2026-03-17")


def test_ogi_30_correction_notice_across_new_year_2026(make_request):
    # Received 2025-12-29 (Mon): 1=12-30, 2=12-31; 2026-01-01…01-03 off; 3=01-04(日,调休上班), 4…7=01-05…01-08.
    req = make_request(received_date="2025-12-29")
    assert clocks.get(req, services.OGI_30).due_date == D("2026-01-08")


def test_ogi_33_extension_across_national_day_2024(make_request, users):
    # Received 2024-09-02 (Mon): 1…4=09-03…09-06, 5…9=09-09…09-13, 10=09-14(六,调休上班); 09-15…09-17 off;
    # 11…13=09-18…09-20, 14…18=09-23…09-27, 19=09-29(日,调休上班), 20=09-30.
    req = make_request(received_date="2024-09-02")
    assert req.due_date == D("2024-09-30")
    # Extension of 20 WD after 09-30: 10-01…10-07 off; 1…4=10-08…10-11, 5=10-12(六,调休上班),
    # 6…10=10-14…10-18, 11…15=10-21…10-25, 16…20=10-28…11-01.
    req = services.request_extend(actor=users["fengsheng_leader"], request=req, date="2024-09-20", workdays=20,
                                  reason="需调取档案")
    assert req.due_date == D("2024-11-01")


def test_extension_workdays_must_be_a_number(make_request, users):
    with pytest.raises(InvalidInput, match="整数"):
        services.request_extend(actor=users["fengsheng_leader"], request=make_request(), date="2025-10-20",
                                workdays="二十", reason="x")


def test_organisation_needs_its_credit_code(world, clerk):
    with pytest.raises(InvalidInput, match="统一社会信用代码") as exc:
        services.request_register(actor=clerk, town=world.fengsheng,
                                  data=person(applicant_type="legal_person", id_number=""))
    assert exc.value.field == "credit_code"
