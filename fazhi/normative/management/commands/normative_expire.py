"""Mark every normative document past its validity as expired (RULES.md §5 [NF-VAL]); run daily.

    manage.py normative_expire [--date YYYY-MM-DD]
"""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from fazhi.normative.services import expire_due

ACTOR = "规范性文件到期失效(manage.py normative_expire)"


class Command(BaseCommand):
    help = "将有效期已届满的行政规范性文件标记为已失效。"

    def add_arguments(self, parser):
        parser.add_argument("--date", help="以该日为准(默认今天),格式YYYY-MM-DD")

    def handle(self, *args, date=None, **options):
        try:
            on = datetime.date.fromisoformat(date) if date else timezone.localdate()
        except ValueError:
            raise CommandError("日期格式应为YYYY-MM-DD。") from None
        count = expire_due(actor=ACTOR, on=on)
        self.stdout.write(self.style.SUCCESS(f"已将{count}件到期文件标记为已失效。"))
