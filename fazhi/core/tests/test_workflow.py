import datetime

import pytest
from django.utils import timezone

from fazhi.core import figures
from fazhi.core.errors import DomainError, InvalidInput
from fazhi.core.workflow import Transition, Transitions, action_date

TABLE = Transitions({
    "approve": Transition("批准", sources=["draft"], target="approved", roles=["leader"]),
    "note": Transition("备注", sources=["draft", "approved"]),
})


class Case:
    def __init__(self, status):
        self.status = status

    def get_status_display(self):
        return {"draft": "草稿", "approved": "已批准"}[self.status]


def test_an_action_from_the_wrong_state_is_refused_naming_the_state(users):
    with pytest.raises(DomainError, match="当前状态为“已批准”,不能执行“批准”"):
        TABLE.check(Case("approved"), "approve", users["fengsheng_leader"])


def test_an_action_for_another_role_is_refused(users):
    with pytest.raises(DomainError, match="您的角色不能执行“批准”"):
        TABLE.check(Case("draft"), "approve", users["fengsheng_clerk"])


def test_available_actions_follow_state_and_role(users):
    assert TABLE.available(Case("draft"), users["fengsheng_leader"]) == [("approve", "批准"), ("note", "备注")]
    assert TABLE.available(Case("draft"), users["fengsheng_clerk"]) == [("note", "备注")]
    assert TABLE.available(Case("approved"), users["fengsheng_leader"]) == [("note", "备注")]
    assert TABLE.available(Case("draft"), users["admin"]) == [("approve", "批准"), ("note", "备注")]


def test_action_date_defaults_to_today_and_refuses_the_future():
    today = timezone.localdate()
    assert action_date(None) == today
    assert action_date("2024-10-12") == datetime.date(2024, 10, 12)
    with pytest.raises(InvalidInput, match="晚于今天"):
        action_date(today + datetime.timedelta(days=1))
    with pytest.raises(InvalidInput, match="格式不正确"):
        action_date("2024/10/12")
    with pytest.raises(InvalidInput, match="不能早于立案日"):
        action_date("2024-10-01", not_before=datetime.date(2024, 10, 8), not_before_label="立案日")


def test_figures_are_collected_from_every_registered_module(monkeypatch, world):
    monkeypatch.setattr(figures, "providers", lambda: iter([
        ("disputes", lambda town, year: {"disputes.mediated": 396}),
        ("grid", lambda town, year: {"grid.coverage_rate": 100}),
    ]))
    assert figures.collect(world.fengsheng, 2023) == {"disputes.mediated": 396, "grid.coverage_rate": 100}


def test_a_figure_named_outside_its_module_is_refused(monkeypatch, world):
    monkeypatch.setattr(figures, "providers", lambda: iter([("grid", lambda town, year: {"disputes.mediated": 1})]))
    with pytest.raises(ValueError):
        figures.collect(world.fengsheng, 2023)


def test_a_named_process_acts_under_the_rule_not_a_role():
    TABLE.check(Case("draft"), "approve", "期限清理程序")
    with pytest.raises(DomainError):
        TABLE.check(Case("approved"), "approve", "期限清理程序")


def test_a_module_only_supervisors_have_is_not_in_a_town_users_menu(client_as, world):
    clerk_html = client_as("fengsheng_clerk").get("/workbench/").content.decode()
    assert "区级督察" not in clerk_html
    sup_html = client_as("banan_supervisor").get("/workbench/").content.decode()
    assert "区级督察" in sup_html
