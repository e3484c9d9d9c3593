import pytest

from fazhi.reports import assembly, checker, demo
from fazhi.reports.models import AnnualReport, Revision

from .conftest import SEED_2023, SEED_PATH

pytestmark = pytest.mark.django_db


def test_the_demo_writes_the_seed_facts_and_runs_twice(world, seed_figures):
    demo.load(world)
    demo.load(world)
    assert AnnualReport.objects.count() == 2 and Revision.objects.count() == 4
    report = AnnualReport.objects.get(town=world.fengsheng, year=2023)
    assert report.submitted_on_time
    doc = assembly.document_for(report)
    assert checker.check_lines(doc.lines(), year=2023, figures=dict(SEED_2023)) == []
    # the seed, compared with the demo records, differs in its form only
    findings = checker.check_lines(checker.read_lines(SEED_PATH), year=2023, figures=doc.figures)
    assert sorted({f.code for f in findings}) == ["missing-signature", "numbering"]
