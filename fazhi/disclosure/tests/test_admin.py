"""The admin lists and shows every model of the app; letter templates are editable there."""

import pytest

from fazhi.disclosure import services
from fazhi.disclosure.models import LetterTemplate

from .conftest import person


@pytest.fixture
def admin_client(client, users):
    client.force_login(users["admin"])
    return client


def test_admin_pages_render(admin_client, world, clerk):
    req = services.request_register(actor=clerk, town=world.fengsheng, data=person())
    services.request_reply(actor=clerk, request=req, date="2025-10-20", reply_type="disclosed",
                           released_text="电话13900001111")
    item = services.item_create(actor=clerk, town=world.fengsheng, title="通告", category="other",
                                formed_date="2025-10-09")
    for model in ("disclosurerequest", "proactiveitem", "letter", "lettertemplate", "redaction", "portalsubmission"):
        assert admin_client.get(f"/admin/disclosure/{model}/").status_code == 200, model
    page = admin_client.get(f"/admin/disclosure/disclosurerequest/{req.pk}/change/").content.decode()
    assert "11010519491231002X" not in page
    assert admin_client.get(f"/admin/disclosure/proactiveitem/{item.pk}/change/").status_code == 200


def test_letter_template_is_created_in_the_admin(admin_client, world):
    resp = admin_client.post("/admin/disclosure/lettertemplate/add/", {
        "town": world.fengsheng.pk, "kind": "withheld", "title": "不予公开告知书", "body": "{申请人}:不予公开。"})
    assert resp.status_code == 302
    assert LetterTemplate.objects.get().town == world.fengsheng


def test_in_person_request_defaults_to_today(world, clerk):
    from django.utils import timezone

    req = services.request_register(actor=clerk, town=world.fengsheng, data=person(received_date=None))
    assert req.received_date == timezone.localdate()
