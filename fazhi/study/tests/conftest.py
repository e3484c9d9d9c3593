import datetime
import io

import pytest
from openpyxl import Workbook

from fazhi.core.models import Unit
from fazhi.judicial.tests.conftest import today  # noqa: F401
from fazhi.study import services

D = datetime.date


@pytest.fixture
def clerk(users):
    return users["fengsheng_clerk"]


@pytest.fixture
def town(world):
    return world.fengsheng


@pytest.fixture
def unit(town):
    return Unit.objects.get(town=town, slug="dangzhengban")


@pytest.fixture
def official(clerk, town, unit):
    def make(name, joined=None, left=None, required=True):
        return services.official_create(actor=clerk, town=town, name=name, unit=unit, position="干部",
                                        joined_on=joined, left_on=left, required=required)

    return make


@pytest.fixture
def xlsx():
    def make(header, rows):
        wb = Workbook()
        ws = wb.active
        ws.append(header)
        for row in rows:
            ws.append(row)
        out = io.BytesIO()
        wb.save(out)
        out.seek(0)
        out.name = "sheet.xlsx"
        return out

    return make
