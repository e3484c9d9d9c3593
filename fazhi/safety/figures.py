"""Figures of 平安建设, counted from records."""

from django.db.models import Count

from .models import MAJOR_GRADES, Accident, Grade, Hazard, Patrol


def figures(town, year: int) -> dict:
    accidents = Accident.objects.filter(town=town, date__year=year)
    by_grade = {str(label): 0 for _v, label in Grade.choices}
    for row in accidents.values("grade").annotate(n=Count("id")):
        by_grade[str(Grade(row["grade"]).label)] = row["n"]
    rectified = Hazard.objects.filter(town=town, rectified_date__year=year)
    return {
        "safety.patrols": Patrol.objects.filter(town=town, date__year=year).count(),
        "safety.patrol_people": sum(Patrol.objects.filter(town=town, date__year=year)
                                    .values_list("people_count", flat=True)),
        "safety.hazards_found": Hazard.objects.filter(town=town, found_date__year=year).count(),
        "safety.hazards_rectified": rectified.count(),
        "safety.hazards_rectified_on_time": rectified.filter(on_time=True).count(),
        "safety.accidents": accidents.count(),
        "safety.accidents_by_grade": by_grade,
        # “全年辖区未发生重大安全生产事故”: grade 重大 or 特别重大.
        "safety.major_accidents": accidents.filter(grade__in=MAJOR_GRADES).count(),
        "safety.deaths": sum(accidents.values_list("deaths", flat=True)),
    }
