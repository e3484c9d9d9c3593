import pytest

from fazhi.judicial.tests.conftest import today  # noqa: F401


@pytest.fixture
def clerk(users):
    return users["fengsheng_clerk"]


@pytest.fixture
def town(world):
    return world.fengsheng
