"""The demo: 2023 has none of the judicial cases, computed from records of other years, and
loading twice creates nothing new."""

import pytest

from fazhi.core.models import AuditEvent, Clock
from fazhi.judicial import demo as judicial_demo
from fazhi.judicial.figures import figures as judicial_figures
from fazhi.leadership import demo as leadership_demo
from fazhi.leadership.figures import figures as leadership_figures
from fazhi.study import demo as study_demo
from fazhi.study.figures import figures as study_figures

pytestmark = pytest.mark.django_db


def collect(town, year):
    # Only this engineer's modules: another module's work in progress must not decide this test.
    return {**judicial_figures(town, year), **study_figures(town, year), **leadership_figures(town, year)}


def _load(world):
    for loader in (study_demo.load, judicial_demo.load, leadership_demo.load):
        loader(world)


def test_demo_figures_and_idempotence(world):
    _load(world)
    events = AuditEvent.objects.count()
    _load(world)
    assert AuditEvent.objects.count() == events

    f = collect(world.fengsheng, 2023)
    for key in ("judicial.interference_records", "judicial.litigation_cases", "judicial.reconsideration_cases",
                "judicial.adjudication_cases", "judicial.arbitration_cases", "judicial.zero_reports_missing"):
        assert f[key] == 0, key
    assert f["judicial.head_appearance_rate"] is None
    assert f["study.completion_rate"] == 100.0
    assert f["study.required_officials"] == 12
    assert f["study.sessions"] == 6
    assert {"镇党委会议学法", "理论学习中心组学习", "主题党日"} <= set(f["study.session_forms"])
    assert f["leadership.meetings"] == 3
    assert f["leadership.duty_coverage"] == 100.0

    f22 = collect(world.fengsheng, 2022)
    assert f22["judicial.litigation_cases"] == 1 and f22["judicial.interference_records"] == 1
    assert f22["judicial.head_appearance_rate"] == 100.0
    assert f22["judicial.adjudication_cases"] == 1
    assert f22["judicial.disclosure_reconsideration_maintained"] == 1
    f24 = collect(world.fengsheng, 2024)
    assert f24["judicial.litigation_cases"] == 2 and f24["judicial.litigation_lost"] == 1
    assert f24["judicial.head_appearance_rate"] == 0.0
    assert f24["judicial.arbitration_cases"] == 1
    assert f24["judicial.disclosure_litigation_after_reconsideration_pending"] == 1
    assert f24["study.completion_rate"] < 100

    # Open cases of the last weeks: their clocks run and show on the workbench.
    assert Clock.objects.filter(town=world.fengsheng, state=Clock.State.RUNNING).count() == 2
