import datetime

import pytest

from fazhi.core import orgs
from fazhi.core.models import Grid, Village
from fazhi.disputes.permissions import disputes_visible_to

from .conftest import other_grid

D = datetime.date


@pytest.fixture
def spread(make_dispute, users, world, grid):
    """One dispute in the grid worker's grid, one in another village of the same town, one in 木洞镇."""
    mine = make_dispute(grid=grid)
    other_village_grid = Grid.objects.filter(town=world.fengsheng).exclude(village=grid.village).first()
    elsewhere = make_dispute(grid=other_village_grid)
    same_village_other_grid = Grid.objects.filter(village=grid.village).exclude(pk=grid.pk).first()
    neighbour = make_dispute(grid=same_village_other_grid)
    mudong = make_dispute(actor="mudong_clerk", grid=other_grid(world.mudong))
    return mine, neighbour, elsewhere, mudong


def test_grid_worker_sees_only_their_grid(spread, users):
    mine, neighbour, elsewhere, mudong = spread
    assert set(disputes_visible_to(users["fengsheng_grid"])) == {mine}


def test_village_mediator_sees_only_their_village(spread, village_mediator):
    mine, neighbour, elsewhere, mudong = spread
    assert set(disputes_visible_to(village_mediator)) == {mine, neighbour}


def test_town_sees_town_and_district_sees_all(spread, users):
    mine, neighbour, elsewhere, mudong = spread
    assert set(disputes_visible_to(users["fengsheng_clerk"])) == {mine, neighbour, elsewhere}
    assert set(disputes_visible_to(users["banan_supervisor"])) == set(spread)


def test_other_town_answers_404_on_page_and_api(spread, client_as, api_as):
    mine, neighbour, elsewhere, mudong = spread
    assert client_as("mudong_clerk").get(f"/disputes/{mine.pk}/").status_code == 404
    assert api_as("mudong_clerk").get(f"/api/v1/disputes/{mine.pk}/").status_code == 404
    assert api_as("mudong_clerk").post(f"/api/v1/disputes/{mine.pk}/accept/", {}, format="json").status_code == 404
    assert api_as("fengsheng_grid").get(f"/api/v1/disputes/{elsewhere.pk}/").status_code == 404
    assert client_as("fengsheng_grid").get(f"/disputes/{elsewhere.pk}/agreement.docx").status_code == 404


def test_wrong_role_is_refused(spread, api_as):
    mine = spread[0]
    r = api_as("fengsheng_grid").post(f"/api/v1/disputes/{mine.pk}/accept/", {}, format="json")
    assert r.status_code == 409 and r.json()["code"] == "forbidden_role"
    r = api_as("fengsheng_officer").post(f"/api/v1/disputes/{mine.pk}/accept/", {}, format="json")
    assert r.status_code == 409


def test_village_mediator_cannot_reach_another_village(make_dispute, world, users):
    other = Village.objects.get(town=world.fengsheng, slug="baihe")
    vm = orgs.user_create(username="vm_baihe", password="Fazhi@2023xx", roles=["mediator"], village=other)
    d = make_dispute()
    assert not disputes_visible_to(vm).filter(pk=d.pk).exists()
