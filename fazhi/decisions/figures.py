"""Named figures of major administrative decisions (seed 一(四)), counted from records."""

from .models import Catalogue, Decision, Incident


def figures(town, year: int) -> dict:
    decided = Decision.objects.filter(town=town, decided_on__year=year)
    major = decided.count()
    with_counsel = decided.filter(counsel_on__isnull=False).count()
    with_review = decided.filter(review_result=Decision.Result.PASS).count()
    both = decided.filter(counsel_on__isnull=False, review_result=Decision.Result.PASS).count()
    incidents = Incident.objects.filter(town=town, occurred_on__year=year)
    catalogue = Catalogue.objects.filter(town=town, year=year).first()
    return {
        "decisions.major": major,
        "decisions.with_counsel_opinion": with_counsel,
        "decisions.with_legality_review": with_review,
        # 0–100: decisions with both the counsel's opinion and the 司法所's review; 0 when none were made.
        "decisions.reviewed_rate": round(100 * both / major) if major else 0,
        "decisions.with_collective_discussion": decided.filter(discussion_result=Decision.Result.PASS).count(),
        "decisions.with_public_participation": decided.filter(consultation_start__isnull=False).count(),
        "decisions.with_expert_opinion": decided.exclude(expert_opinion="").count(),
        "decisions.with_risk_assessment": decided.exclude(risk_opinion="").count(),
        "decisions.published": Decision.objects.filter(town=town, published_on__year=year).count(),
        "decisions.catalogue_items": catalogue.decisions.count() if catalogue else 0,
        "decisions.catalogue_published": 1 if catalogue and catalogue.published_on else 0,
        "decisions.incidents": incidents.count(),
        "decisions.major_incidents": incidents.filter(major=True).count(),
    }
