"""Named figures of normative documents (seed 一(三)), counted from records."""

import datetime

from django.db.models import F, Q

from .models import CleanupDecision, CleanupRound, NormativeDocument, PolicyDocument, Review


def figures(town, year: int) -> dict:
    docs = NormativeDocument.objects.filter(town=town)
    year_end = datetime.date(year, 12, 31)
    issued = docs.filter(published_on__year=year)
    reviewed = Review.objects.filter(town=town, reviewed_on__year=year).values("document").distinct().count()
    filed = docs.filter(filed_on__year=year)
    return {
        "normative.issued": issued.count(),
        "normative.reviewed": reviewed,
        "normative.review_failed": Review.objects.filter(town=town, reviewed_on__year=year,
                                                          result=Review.Result.FAIL).count(),
        "normative.filed": filed.count(),
        "normative.filed_on_time": filed.filter(filing_due__isnull=False, filed_on__lte=F("filing_due")).count(),
        "normative.filed_late": filed.filter(filed_on__gt=F("filing_due")).count(),
        "normative.correction_ordered": docs.filter(filing_result=NormativeDocument.FilingResult.CORRECTION,
                                                    filing_result_on__year=year).count(),
        "normative.corrected": docs.filter(corrected_on__year=year).count(),
        "normative.cleanup_rounds": CleanupRound.objects.filter(town=town, started_on__year=year).count(),
        "normative.cleaned_up": CleanupDecision.objects.filter(town=town, decided_on__year=year)
        .values("document").distinct().count(),
        "normative.repealed_in_year": docs.filter(status=NormativeDocument.Status.REPEALED,
                                                  ended_on__year=year).count(),
        # Lapsed by their validity (RULES.md §5 [NF-VAL]) during the year, swept or not yet.
        "normative.expired_in_year": docs.filter(valid_until__year=year, published_on__isnull=False)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gt=F("valid_until"))).count(),
        "normative.in_force": docs.in_force_on(year_end).count(),
        "normative.policy_documents": PolicyDocument.objects.filter(town=town, issued_on__year=year).count(),
    }

