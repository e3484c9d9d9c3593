import json
import os

from django.core.management.base import BaseCommand, CommandError

from fazhi.core.models import Town
from fazhi.reports import checker, selectors


class Command(BaseCommand):
    help = ("检查法治政府建设年度报告稿（DOCX或纯文本）：必备部分、标题序号、署名和成文日期、报送期限、年度；"
            "给出镇街和年度时还核对数据与平台记录是否一致、是否与上一年度报告雷同。有无问题均以状态0退出。")

    def add_arguments(self, parser):
        parser.add_argument("path", help="报告稿文件（.docx 或 .txt）")
        parser.add_argument("--town", help="镇街简称，如 fengsheng")
        parser.add_argument("--year", type=int, help="报告年度，如 2023")
        parser.add_argument("--previous", help="上一年度报告文件（可选，用于检查内容雷同）")
        parser.add_argument("--format", choices=["json", "text"], default="text")

    def handle(self, *args, **options):
        path = options["path"]
        if not os.path.exists(path):
            raise CommandError(f"文件“{path}”不存在。")
        try:
            lines = checker.read_lines(path)
        except Exception as exc:  # noqa: BLE001 - a file that is neither text nor DOCX
            raise CommandError(f"无法读取文件“{path}”：{exc}") from None
        town = None
        if options["town"]:
            town = Town.objects.filter(slug=options["town"]).first()
            if town is None:
                raise CommandError(f"镇街“{options['town']}”不存在。")
            if not options["year"]:
                raise CommandError("给出 --town 时还需给出 --year。")
        findings = selectors.check_document_lines(lines, town=town, year=options["year"])
        if options["previous"]:
            previous = checker.body_paragraphs(checker.read_lines(options["previous"]))
            parsed_year = options["year"]
            extra = checker.check_lines(lines, year=parsed_year, previous_paragraphs=previous)
            findings += [f for f in extra if f.code == "copied" and f not in findings]
            findings.sort(key=lambda f: (f.line, f.code))
        if options["format"] == "json":
            self.stdout.write(json.dumps({"findings": [f.as_dict() for f in findings]}, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(checker.format_text(findings))
