"""Evidence files on every kind of judicial record: uploaded from its page by the town's staff,
listed there with a link to the core download."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.attachments import attachments_for
from fazhi.core.models import AuditEvent, Unit
from fazhi.judicial import services
from fazhi.judicial.models import InterferenceRecord, ResolutionCase

D = datetime.date
pytestmark = pytest.mark.django_db


def _file(name="答辩状.txt", text="行政答辩状正文"):
    return SimpleUploadedFile(name, text.encode())


@pytest.fixture
def records(make_litigation, make_reconsideration, clerk, town):
    unit = Unit.objects.filter(town=town).order_by("id").first()
    interference = services.interference_record(
        actor=clerk, town=town, unit=unit, occurred_on=D(2024, 5, 6), official_name="某干部", case_reference="某案",
        conduct="打招呼", handling=InterferenceRecord.Handling.RECORDED)
    resolution = services.resolution_create(actor=clerk, town=town, kind=ResolutionCase.Kind.ARBITRATION,
                                            case_number="渝巴劳人仲案〔2024〕1号", body="巴南区劳动人事争议仲裁委员会",
                                            parties="某公司与王某", matter="劳动报酬", received_on=D(2024, 3, 1))
    return {"litigation": make_litigation(), "reconsideration": make_reconsideration(),
            "interference": interference, "resolutions": resolution}


KINDS = ["litigation", "reconsideration", "interference", "resolutions"]


@pytest.mark.parametrize("kind", KINDS)
def test_clerk_uploads_evidence_and_the_page_lists_it(records, client_as, kind):
    obj = records[kind]
    c = client_as("fengsheng_clerk")
    r = c.post(f"/judicial/{kind}/{obj.pk}/attach/", {"title": "证据材料", "file": _file()})
    assert r.status_code == 302 and r.url == obj.get_absolute_url()
    attachment = attachments_for(obj).get()
    assert attachment.town_id == obj.town_id
    assert AuditEvent.objects.filter(action="attachment.add", object_id=str(obj.pk)).exists()
    page = c.get(obj.get_absolute_url()).content.decode()
    assert f'href="/attachments/{attachment.pk}/"' in page and "证据材料" in page
    assert c.get(f"/attachments/{attachment.pk}/").status_code == 200


@pytest.mark.parametrize("kind", KINDS)
def test_other_town_gets_404_and_district_supervisor_403(records, client_as, kind):
    obj = records[kind]
    assert client_as("mudong_clerk").post(f"/judicial/{kind}/{obj.pk}/attach/", {"file": _file()}).status_code == 404
    assert client_as("mudong_clerk").get(obj.get_absolute_url()).status_code == 404
    supervisor = client_as("banan_supervisor")
    assert supervisor.get(obj.get_absolute_url()).status_code == 200  # reads the district's records
    assert supervisor.post(f"/judicial/{kind}/{obj.pk}/attach/", {"file": _file()}).status_code == 403
    assert "上传" not in supervisor.get(obj.get_absolute_url()).content.decode()
    assert not attachments_for(obj).exists()


def test_a_role_that_does_not_keep_these_records_may_not_upload(records, client_as):
    obj = records["litigation"]
    assert client_as("fengsheng_officer").post(f"/judicial/litigation/{obj.pk}/attach/",
                                               {"file": _file()}).status_code == 403
    assert not attachments_for(obj).exists()


def test_a_refused_file_leaves_nothing(records, client_as):
    obj = records["litigation"]
    r = client_as("fengsheng_clerk").post(f"/judicial/litigation/{obj.pk}/attach/",
                                          {"file": SimpleUploadedFile("x.exe", b"MZ\x90\x00" + b"\x00" * 60)})
    assert r.status_code == 302
    assert not attachments_for(obj).exists()
    assert not AuditEvent.objects.filter(action="attachment.add").exists()


def test_unknown_kind_is_404(records, client_as):
    assert client_as("fengsheng_clerk").post(f"/judicial/zeroreports/{records['litigation'].pk}/attach/",
                                             {"file": _file()}).status_code == 404


def test_case_page_queries_do_not_grow_with_its_files(records, client_as):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    obj = records["litigation"]
    c = client_as("fengsheng_clerk")

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert c.get(obj.get_absolute_url()).status_code == 200
        return len(ctx.captured_queries)

    c.post(f"/judicial/litigation/{obj.pk}/attach/", {"file": _file("1.txt", "一")})
    one = count()
    for n in range(2, 6):
        c.post(f"/judicial/litigation/{obj.pk}/attach/", {"file": _file(f"{n}.txt", "二" * n)})
    assert attachments_for(obj).count() == 5
    assert count() == one
