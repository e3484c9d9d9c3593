"""One scoper decides what a user sees; another town's row does not exist for them."""

import pytest
from django.http import Http404

from fazhi.core import orgs
from fazhi.core.models import Grid, LinkageBody, Town, Unit, Village
from fazhi.core.tenancy import get_for_user_or_404, visible_to


def test_town_user_sees_only_their_town(users, world):
    clerk = users["fengsheng_clerk"]
    assert list(visible_to(clerk, Town)) == [world.fengsheng]
    assert set(visible_to(clerk, Village).values_list("town__slug", flat=True)) == {"fengsheng"}
    assert set(visible_to(clerk, Unit).values_list("town__slug", flat=True)) == {"fengsheng"}


def test_another_towns_row_answers_404(users, world):
    mudong_village = Village.objects.filter(town=world.mudong).first()
    with pytest.raises(Http404):
        get_for_user_or_404(users["fengsheng_clerk"], Village, pk=mudong_village.pk)


def test_a_nonexistent_id_and_a_forbidden_id_look_the_same(users, world):
    mudong_village = Village.objects.filter(town=world.mudong).first()
    for pk in (mudong_village.pk, 987654321, "not-a-number"):
        with pytest.raises(Http404):
            get_for_user_or_404(users["fengsheng_leader"], Village, pk=pk)


def test_district_supervisor_sees_every_town_of_the_district(users, world):
    assert set(visible_to(users["banan_supervisor"], Town)) == {world.fengsheng, world.mudong}


def test_supervisor_of_another_district_sees_none_of_ours(world):
    other = orgs.district_ensure(slug="jiangbei", name="江北区")
    supervisor = orgs.user_create(username="jiangbei_supervisor", password="Qwer!2345", roles=["supervisor"],
                                  district=other)
    assert not visible_to(supervisor, Town).exists()
    assert not visible_to(supervisor, Grid).exists()


def test_grid_worker_sees_only_their_grid(users, world):
    worker = users["fengsheng_grid"]
    assert list(visible_to(worker, Grid)) == [worker.grid]
    assert list(visible_to(worker, Village)) == []  # a village row is above a grid worker's place


def test_village_user_sees_their_village_and_its_grids_only(world):
    village = Village.objects.filter(town=world.fengsheng).order_by("id")[1]
    mediator = orgs.user_create(username="v_mediator", password="Qwer!2345", roles=["mediator"], village=village)
    assert list(visible_to(mediator, Village)) == [village]
    assert set(visible_to(mediator, Grid)) == set(village.grids.all())
    assert not visible_to(mediator, Unit).exists()  # town units have no village


def test_linkage_bodies_of_the_district_are_shared_by_its_towns(users, world):
    names = set(visible_to(users["mudong_mediator"], LinkageBody).values_list("name", flat=True))
    assert "巴南区人民法院" in names


def test_anonymous_and_inactive_users_see_nothing(users, world):
    from django.contrib.auth.models import AnonymousUser

    assert not visible_to(AnonymousUser(), Town).exists()
    clerk = users["fengsheng_clerk"]
    clerk.is_active = False
    assert not visible_to(clerk, Town).exists()


def test_superuser_sees_everything(users, world):
    assert visible_to(users["admin"], Town).count() == 2


def test_model_without_tenancy_paths_is_refused_loudly(users):
    from fazhi.core.models import CalendarDay

    with pytest.raises(TypeError):
        visible_to(users["fengsheng_clerk"], CalendarDay)


def test_a_clock_on_a_village_is_seen_by_that_village_only(world):
    import datetime

    from fazhi.core import clocks
    from fazhi.core.clocks import ClockRule
    from fazhi.core.models import Clock

    first, second = Village.objects.filter(town=world.fengsheng).order_by("id")[:2]
    clock = clocks.start(subject=first, rule=ClockRule("T-1", "测试", 5, "wd", "测试"), start=datetime.date(2025, 3, 3))
    assert clock.village_id == first.pk
    own = orgs.user_create(username="v1_user", password="Qwer!2345", village=first)
    other = orgs.user_create(username="v2_user", password="Qwer!2345", village=second)
    assert list(visible_to(own, Clock)) == [clock]
    assert not visible_to(other, Clock).exists()
