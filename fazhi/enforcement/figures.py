"""The three-systems figures (三项制度) of a town's year, counted from the case records."""

from django.db.models import Count, Exists, OuterRef, Q

from . import rules
from .models import Case, CaseRecord, Inspection, Officer, Outcome, Procedure


def records_complete_q():
    """A case file is complete (全过程记录, 第四十七条) when its investigation has at least one
    evidence file or audio/video record, or it was decided on the spot (simple procedure)."""
    evidence = CaseRecord.objects.filter(case=OuterRef("pk"), stage=CaseRecord.Stage.INVESTIGATION,
                                         attachment__isnull=False)
    return Q(procedure=Procedure.SIMPLE) | Q(Exists(evidence))


def figures(town, year: int) -> dict:
    import datetime

    from django.contrib.contenttypes.models import ContentType

    from fazhi.core.models import Clock

    filed = Case.objects.filter(town=town).filed_in(year)
    decided = Case.objects.filter(town=town).decided_in(year)
    penalties = decided.filter(outcome=Outcome.PENALTY)
    by_procedure = dict(filed.values_list("procedure").annotate(n=Count("id")).order_by())
    by_outcome = dict(decided.values_list("outcome").annotate(n=Count("id")).order_by())
    case_type = ContentType.objects.get_for_model(Case)
    publicity_clocks = Clock.objects.filter(town=town, rule=rules.PUBLICITY.code,
                                            content_type=case_type,
                                            object_id__in=penalties.values("pk"))
    review_required = decided.filter(review_required=True)
    case_type = ContentType.objects.get_for_model(Case)
    # Every statutory period of the year's cases that was missed (第六十条、第六十一条、第六十七条、118号).
    breached = Clock.objects.filter(town=town, content_type=case_type, object_id__in=filed.values("pk"),
                                    state=Clock.State.BREACHED).count()
    year_end = datetime.date(year, 12, 31)
    out = {
        "enforcement.cases": filed.count(),
        "enforcement.cases_general": by_procedure.get(Procedure.GENERAL.value, 0),
        "enforcement.cases_simple": by_procedure.get(Procedure.SIMPLE.value, 0),
        "enforcement.decisions": decided.count(),
        "enforcement.penalty_decisions": penalties.count(),
        "enforcement.fines_total": float(sum(p.fine_amount or 0 for p in penalties.only("fine_amount"))),
        "enforcement.coercive_measures": 0,  # 行政强制 is not modelled here
        "enforcement.license_decisions": 0,  # licensing is not modelled here
        "enforcement.published": penalties.filter(published_date__isnull=False).count(),
        "enforcement.published_on_time": publicity_clocks.filter(state=Clock.State.MET).count(),
        "enforcement.publicity_overdue": publicity_clocks.filter(state=Clock.State.BREACHED).count(),
        "enforcement.clocks_breached": breached,
        "enforcement.withdrawn": Case.objects.filter(town=town, withdrawn_date__year=year).count(),
        "enforcement.records_complete": filed.filter(records_complete_q()).count(),
        "enforcement.legal_review_required": review_required.count(),
        "enforcement.legal_review_done": review_required.filter(review_passed=True).count(),
        "enforcement.collective_discussions": decided.filter(discussed_date__isnull=False).count(),
        "enforcement.hearings": Case.objects.filter(town=town, hearing_date__year=year, hearing_waived=False).count(),
        "enforcement.outside_benchmark": decided.filter(outside_benchmark=True).count(),
        "enforcement.beyond_powers_risk": filed.filter(beyond_powers_risk=True).count(),
        "enforcement.certified_officers": Officer.objects.filter(
            town=town, active=True, valid_from__lte=year_end, valid_until__gte=datetime.date(year, 1, 1)).count(),
        "enforcement.inspections": Inspection.objects.filter(town=town, inspected_date__year=year).count(),
        "enforcement.inspections_to_case": Inspection.objects.filter(
            town=town, inspected_date__year=year, result=Inspection.Result.CASE).count(),
    }
    for value in Outcome.values:
        out[f"enforcement.outcome_{value}"] = by_outcome.get(value, 0)
    return out
