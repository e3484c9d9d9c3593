"""Who sees and does what: tenancy from the core scoper, actions from the transition table."""

import pytest

from fazhi.enforcement import permissions
from fazhi.enforcement.models import Case


def test_scope_by_town_and_level(users, make_case, mudong_officers):
    case = make_case()
    assert list(permissions.cases_visible_to(users["fengsheng_clerk"])) == [case]
    assert not permissions.cases_visible_to(users["mudong_officer"]).exists()
    assert list(permissions.cases_visible_to(users["banan_supervisor"])) == [case]
    # A grid worker's place is below the town: town-level enforcement cases are not theirs.
    assert not permissions.cases_visible_to(users["fengsheng_grid"]).exists()


@pytest.mark.parametrize("username,expected", [
    ("fengsheng_officer", {"investigate"}),
    ("fengsheng_leader", {"investigate"}),
    ("fengsheng_reviewer", set()),
    ("fengsheng_clerk", set()),
    ("mudong_officer", set()),
    ("banan_supervisor", set()),
])
def test_actions_offered_by_role(users, make_case, username, expected):
    case = make_case()
    assert {name for name, _label in permissions.case_actions(users[username], case)} == expected


def test_legal_review_is_offered_to_the_reviewer_only(users, notified_case):
    names = {n for n, _l in permissions.case_actions(users["fengsheng_reviewer"], notified_case)}
    assert names == {"legal-review"}
    assert "legal-review" not in {n for n, _l in permissions.case_actions(users["fengsheng_officer"], notified_case)}
    assert "collective-discussion" in {n for n, _l in permissions.case_actions(users["fengsheng_leader"],
                                                                                 notified_case)}


def test_case_creation_page_is_for_enforcers(client_as, world):
    assert client_as("fengsheng_officer").get("/enforcement/new/").status_code == 200
    assert client_as("fengsheng_clerk").get("/enforcement/new/").status_code == 404


def test_api_schema_lists_the_hyphenated_actions(api_as):
    r = api_as("fengsheng_officer").get("/api/schema/", {"format": "json"})
    assert r.status_code == 200
    paths = r.json()["paths"]
    for action in ("request-hearing", "legal-review", "record-payment", "withdraw-publication"):
        assert f"/api/v1/enforcement-cases/{{id}}/{action}/" in paths


def test_admin_pages_open(client, users, notified_case):
    client.force_login(users["admin"])
    for model in ("officer", "matter", "benchmark", "case", "inspection"):
        assert client.get(f"/admin/enforcement/{model}/").status_code == 200
    assert client.get(f"/admin/enforcement/case/{notified_case.pk}/change/").status_code == 200
    assert Case.objects.count() == 1
