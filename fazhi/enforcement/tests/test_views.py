"""Staff pages, the portal (masked), the ledger, and figures."""

import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from fazhi.core.figures import providers
from fazhi.enforcement import services
from fazhi.enforcement.figures import figures
from fazhi.enforcement.models import PartyType, PenaltyType

from .conftest import ID_NUMBER, D


@pytest.fixture
def published(notified_case, officer_user):
    services.case_decide(actor=officer_user, case=notified_case, date=D("2023-04-03"))
    services.case_publish(actor=officer_user, case=notified_case, date=D("2023-04-04"))
    notified_case.refresh_from_db()
    return notified_case


def test_case_page_shows_clocks_records_and_actions(client_as, notified_case):
    r = client_as("fengsheng_officer").get(f"/enforcement/{notified_case.pk}/")
    html = r.content.decode()
    assert r.status_code == 200
    assert "作出行政处罚决定" in html and "2023-06-05" in html
    assert 'data-action="decide"' in html and 'data-action="legal-review"' not in html
    assert "全过程记录" in html


def test_case_page_of_another_town_is_404(client_as, notified_case):
    assert client_as("mudong_officer").get(f"/enforcement/{notified_case.pk}/").status_code == 404


def test_html_action_posts_call_the_service(client_as, notified_case):
    client = client_as("fengsheng_officer")
    r = client.post(f"/enforcement/{notified_case.pk}/act/decide/", {"date": "2023-04-03", "party_present": "true"})
    assert r.status_code == 302
    notified_case.refresh_from_db()
    assert notified_case.status == "served"
    # A refusal comes back as a message and changes nothing.
    r = client.post(f"/enforcement/{notified_case.pk}/act/close/", {"date": "2023-04-04"}, follow=True)
    assert "罚款尚未缴纳" in r.content.decode()
    notified_case.refresh_from_db()
    assert notified_case.status == "served"


def test_new_case_form_creates_a_case(client_as, officers, unit):
    client = client_as("fengsheng_officer")
    assert client.get("/enforcement/new/").status_code == 200
    r = client.post("/enforcement/new/", {
        "procedure": "general", "unit": unit.pk, "party_type": "natural_person", "party_name": "张三丰",
        "id_number": ID_NUMBER, "violation": "占道", "occurred_date": "2023-03-01", "filed_date": "2023-03-06",
        "officers": [officers[0].pk]})
    assert "不得少于两人" in r.content.decode()
    r = client.post("/enforcement/new/", {
        "procedure": "general", "unit": unit.pk, "party_type": "natural_person", "party_name": "张三丰",
        "id_number": ID_NUMBER, "violation": "占道", "occurred_date": "2023-03-01", "filed_date": "2023-03-06",
        "officers": [officers[0].pk, officers[1].pk]})
    assert r.status_code == 302


def test_portal_shows_the_decision_masked(client, published, world):
    r = client.get(f"/portal/{world.fengsheng.slug}/enforcement/")
    html = r.content.decode()
    assert r.status_code == 200
    assert "张*丰" in html and "张三丰" not in html and ID_NUMBER not in html
    assert "渝执500113001" in html  # officers and their certificates are public (事前公开)
    r = client.get(f"/portal/{world.fengsheng.slug}/enforcement/decisions/{published.pk}/")
    html = r.content.decode()
    assert "张*丰" in html and "110105********002X" in html and ID_NUMBER not in html
    # Another town's portal does not know it.
    assert client.get(f"/portal/{world.mudong.slug}/enforcement/decisions/{published.pk}/").status_code == 404


def test_withdrawn_decision_shows_the_reason(client, published, officer_user, world):
    services.case_revoke_decision(actor=officer_user, case=published, date=D("2023-05-04"), kind="revoked",
                                  reason="复议撤销")
    services.case_withdraw_publication(actor=officer_user, case=published, date=D("2023-05-05"),
                                       reason="原决定已被依法撤销")
    html = client.get(f"/portal/{world.fengsheng.slug}/enforcement/").content.decode()
    assert "已撤回" in html and "原决定已被依法撤销" in html


def test_unpublished_decision_is_not_on_the_portal(client, notified_case, world):
    assert client.get(f"/portal/{world.fengsheng.slug}/enforcement/decisions/{notified_case.pk}/").status_code == 404


def test_case_list_page_query_count_is_the_same_for_3_and_30(client_as, make_case):
    client = client_as("fengsheng_officer")
    counts = []
    for total in (3, 30):
        for i in range(total - (3 if counts else 0)):
            make_case(violation=f"违法{total}-{i}")
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/enforcement/").status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts


def test_ledger_export_masks_personal_data(client_as, published):
    r = client_as("fengsheng_officer").get("/enforcement/ledger.xlsx")
    assert r.status_code == 200
    ws = load_workbook(io.BytesIO(r.content)).active
    values = [c.value for row in ws.iter_rows() for c in row]
    assert "张*丰" in values and "110105********002X" in values
    assert "张三丰" not in values and ID_NUMBER not in values


def test_other_pages_render(client_as, published):
    client = client_as("fengsheng_officer")
    assert client.get("/enforcement/officers/").status_code == 200
    assert client.get("/enforcement/inspections/").status_code == 200


def test_figures_count_the_records(published, officer_user, unit, officers, world):
    services.case_create_simple(
        actor=officer_user, unit=unit, violation="乱扔垃圾", party_type=PartyType.NATURAL_PERSON, party_name="李四",
        occurred_date=D("2023-05-10"), decided_date=D("2023-05-10"), officers=officers[:2],
        penalty_type=PenaltyType.FINE, fine_amount=Decimal("50"))
    f = figures(world.fengsheng, 2023)
    assert f["enforcement.cases"] == 2
    assert f["enforcement.cases_general"] == 1 and f["enforcement.cases_simple"] == 1
    assert f["enforcement.penalty_decisions"] == 2
    assert f["enforcement.published_on_time"] == 1
    assert f["enforcement.records_complete"] == 1  # the simple case; the general one has no evidence file
    assert f["enforcement.legal_review_done"] == 0 and f["enforcement.outside_benchmark"] == 0
    assert f["enforcement.certified_officers"] == 3
    assert f["enforcement.clocks_breached"] == 0
    assert f["enforcement.coercive_measures"] == 0 and f["enforcement.license_decisions"] == 0
    assert figures(world.fengsheng, 2022)["enforcement.cases"] == 0
    assert figures(world.mudong, 2023)["enforcement.cases"] == 0
    # Registered for the reports (core.figures.collect reads it through the AppConfig).
    assert dict(providers())["enforcement"](world.fengsheng, 2023)["enforcement.cases"] == 2


def test_officer_form_for_leader(client_as, unit):
    client = client_as("fengsheng_leader")
    r = client.post("/enforcement/officers/", {"unit": unit.pk, "name": "新队员", "certificate_number": "渝执Z9",
                                               "valid_from": "2024-01-01", "valid_until": "2028-12-31"})
    assert r.status_code == 302
    assert "渝执Z9" in client.get("/enforcement/officers/").content.decode()
    assert 'name="certificate_number"' not in client_as("fengsheng_officer").get(
        "/enforcement/officers/").content.decode()


def test_inspection_forms_plan_and_open_a_case(client_as, unit, officers):
    from fazhi.enforcement.models import Inspection

    client = client_as("fengsheng_officer")
    r = client.post("/enforcement/inspections/", {"unit": unit.pk, "kind": "planned", "subject_name": "某砖厂",
                                                  "planned_date": "2023-10-10",
                                                  "officers": [officers[0].pk, officers[1].pk]})
    assert r.status_code == 302
    inspection = Inspection.objects.get()
    r = client.post(f"/enforcement/inspections/{inspection.pk}/result/", {
        "date": "2023-10-10", "findings": "未设置警示标志", "result": "case", "violation": "未设置警示标志",
        "party_type": "legal_person", "party_name": "某砖厂", "occurred_date": "2023-10-10"})
    inspection.refresh_from_db()
    assert inspection.result == "case" and r.status_code == 302 and inspection.cases.count() == 1
    assert client_as("mudong_officer").post(f"/enforcement/inspections/{inspection.pk}/result/", {}).status_code == 404


def test_evidence_upload_on_the_case_page(client_as, notified_case):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = client_as("fengsheng_officer")
    r = client.post(f"/enforcement/{notified_case.pk}/evidence/", {
        "file": SimpleUploadedFile("询问笔录.txt", "询问笔录内容".encode()), "title": "询问笔录",
        "stage": "investigation", "kind": "document"})
    assert r.status_code == 302
    html = client.get(f"/enforcement/{notified_case.pk}/").content.decode()
    assert "询问笔录" in html and "SHA-256" in html
