"""manage.py check_report: the seed's faults, JSON and text output, the records compared, exit 0."""

import json

import pytest
from django.core.management import call_command

from .conftest import SEED_PATH
from .test_checker import well_formed_text

pytestmark = pytest.mark.django_db


def run(*args):
    import io

    out = io.StringIO()
    call_command("check_report", *args, stdout=out)
    return out.getvalue()


def test_the_seed_in_json():
    findings = json.loads(run(SEED_PATH, "--format", "json"))["findings"]
    assert sorted((f["code"], f["line"]) for f in findings) == [
        ("missing-signature", 41), ("missing-signature", 41), ("numbering", 5), ("numbering", 32)]
    assert all(set(f) == {"code", "severity", "line", "message"} for f in findings)


def test_the_seed_in_text():
    out = run(SEED_PATH, "--format", "text")
    assert "第5行 [numbering]" in out and "第32行 [numbering]" in out


def test_with_town_and_year_a_figure_that_differs_is_flagged(world, seed_figures, tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(well_formed_text(), encoding="utf-8")
    assert json.loads(run(str(path), "--town", "fengsheng", "--year", "2023", "--format", "json"))["findings"] == []
    seed_figures["disputes.mediated"] = 400
    findings = json.loads(run(str(path), "--town", "fengsheng", "--year", "2023", "--format", "json"))["findings"]
    assert [(f["code"], f["line"]) for f in findings] == [("figure-mismatch", 26)]
    assert "400" in findings[0]["message"]


def test_copied_paragraphs_from_a_previous_file(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(well_formed_text(), encoding="utf-8")
    findings = json.loads(run(str(path), "--previous", SEED_PATH, "--format", "json"))["findings"]
    assert findings and {f["code"] for f in findings} == {"copied"}


def test_copied_from_the_towns_previous_report_in_the_database(world, users, seed_figures, tmp_path):
    from fazhi.reports import assembly
    from fazhi.reports.services import report_create

    seed_figures_2022 = report_create(actor=users["fengsheng_clerk"], town=world.fengsheng, year=2022)
    text = assembly.document_for(seed_figures_2022).text().replace("2022", "2023").replace("2023年3月1日", "")
    path = tmp_path / "draft.txt"
    path.write_text(text, encoding="utf-8")
    findings = json.loads(run(str(path), "--town", "fengsheng", "--year", "2023", "--format", "json"))["findings"]
    assert "copied" in {f["code"] for f in findings}
