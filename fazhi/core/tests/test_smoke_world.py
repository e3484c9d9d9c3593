def test_world_builds_both_towns_and_every_persona(world):
    from fazhi.core.demo import demo_usernames
    from fazhi.core.models import Grid, Village

    assert set(world.towns) == {"fengsheng", "mudong"}
    assert set(demo_usernames()) <= set(world.users)
    assert Village.objects.filter(town=world.fengsheng).count() == 4
    assert not Grid.objects.filter(village__town=world.fengsheng).exclude(town=world.fengsheng).exists()
    grid_user = world.users["fengsheng_grid"]
    assert grid_user.grid and grid_user.village == grid_user.grid.village and grid_user.town == world.fengsheng
