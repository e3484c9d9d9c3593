import datetime

import pytest

from fazhi.disclosure import services

D = datetime.date.fromisoformat

# Valid numbers (GB 11643 / GB 32100 check characters).
ID_NUMBER = "11010519491231002X"
CREDIT_CODE = "91350100M000100Y43"


def person(**extra):
    data = {"applicant_type": "natural_person", "applicant_name": "张三丰", "id_number": ID_NUMBER,
            "phone": "13812345678", "channel": "in_person", "received_date": "2025-09-28",
            "content": "2025年丰盛镇道路修缮项目的预算文件"}
    data.update(extra)
    return data


def company(**extra):
    data = {"applicant_type": "legal_person", "org_kind": "commercial", "applicant_name": "重庆某某建材有限公司",
            "credit_code": CREDIT_CODE, "phone": "023-12345678", "channel": "post", "arrived_date": "2025-03-03",
            "received_date": "2025-03-04", "content": "采石场行政许可文件"}
    data.update(extra)
    return data


@pytest.fixture
def clerk(users):
    return users["fengsheng_clerk"]


@pytest.fixture
def leader(users):
    return users["fengsheng_leader"]


@pytest.fixture
def reviewer(users):
    return users["fengsheng_reviewer"]


@pytest.fixture
def make_request(world, clerk):
    def make(town=None, **extra):
        return services.request_register(actor=clerk, town=town or world.fengsheng, data=person(**extra))
    return make
