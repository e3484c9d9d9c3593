import pytest

from fazhi.core import figures as core_figures

# The seed's 2023 facts (丰盛镇): what the modules' figures() return for the demo records.
SEED_2023 = {
    "study.completion_rate": 100,
    "normative.issued": 0,
    "decisions.major": 4,
    "decisions.reviewed_rate": 100,
    "enforcement.cases": 12,
    "judicial.interference_records": 0,
    "judicial.litigation_cases": 0,
    "judicial.reconsideration_cases": 0,
    "judicial.adjudication_cases": 0,
    "judicial.arbitration_cases": 0,
    "disputes.mediated": 396,
    "safety.major_accidents": 0,
    "grid.coverage_rate": 100,
}


@pytest.fixture
def seed_figures(monkeypatch):
    """Fake figure providers, one per module, with the seed's facts; returns the dict so that a
    test may change a figure."""
    values = dict(SEED_2023)

    def fake_providers():
        labels = sorted({k.split(".")[0] for k in values})
        for label in labels:
            def provider(town, year, label=label):
                if year != 2023:
                    return {}
                return {k: v for k, v in values.items() if k.startswith(f"{label}.")}
            yield label, provider

    monkeypatch.setattr(core_figures, "providers", fake_providers)
    return values


@pytest.fixture
def no_figures(monkeypatch):
    monkeypatch.setattr(core_figures, "providers", lambda: iter(()))


SEED_PATH = "/work/shared/seed/000_cfc91b1fc11f746f.txt"
