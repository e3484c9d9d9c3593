import datetime

import pytest

from fazhi.core import yearlock
from fazhi.core.errors import DomainError
from fazhi.core.models import AuditEvent


def test_a_locked_year_refuses_changes_to_its_records(world, users):
    yearlock.lock_year(actor=users["fengsheng_leader"], town=world.fengsheng, year=2023, reason="2023年度报告已公布")
    with pytest.raises(DomainError, match="2023年度"):
        yearlock.ensure_open(world.fengsheng.pk, datetime.date(2023, 6, 1))
    yearlock.ensure_open(world.fengsheng.pk, datetime.date(2024, 1, 2))  # another year
    yearlock.ensure_open(world.mudong.pk, datetime.date(2023, 6, 1))  # another town
    assert AuditEvent.objects.filter(action="year.lock").count() == 1


def test_locking_twice_is_one_lock(world, users):
    yearlock.lock_year(actor=None, town=world.fengsheng, year=2023, reason="x")
    yearlock.lock_year(actor=None, town=world.fengsheng, year=2023, reason="x")
    assert yearlock.locked_years(world.fengsheng.pk) == {2023}
