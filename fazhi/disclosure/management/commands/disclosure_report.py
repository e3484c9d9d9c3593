"""manage.py disclosure_report --town SLUG --year YYYY --format json|docx --output PATH

The town's 政府信息公开工作年度报告 (政府信息公开条例 第四十九、五十条; 国办公开办函〔2021〕30号)."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fazhi.core.models import Town
from fazhi.disclosure.report import build_report, render_docx


class Command(BaseCommand):
    help = "生成镇街政府信息公开工作年度报告(JSON或Word)。"

    def add_arguments(self, parser):
        parser.add_argument("--town", required=True, help="镇街简称(slug)")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--format", choices=["json", "docx"], default="json")
        parser.add_argument("--output", required=True, help="输出文件路径;'-' 输出JSON到标准输出")

    def handle(self, *args, town, year, format, output, **options):
        try:
            town_obj = Town.objects.select_related("district").get(slug=town)
        except Town.DoesNotExist:
            raise CommandError(f"没有简称为“{town}”的镇街。") from None
        if not 2000 <= year <= 2100:
            raise CommandError("年度不正确。")
        report = build_report(town_obj, year)
        if format == "json":
            text = json.dumps(report, ensure_ascii=False, indent=2)
            if output == "-":
                self.stdout.write(text)
                return
            Path(output).write_text(text, encoding="utf-8")
        else:
            if output == "-":
                raise CommandError("Word文档须写入文件(--output PATH)。")
            Path(output).write_bytes(render_docx(report))
        if report["checks"]:
            self.stderr.write("表格勾稽关系不一致:" + ";".join(report["checks"]))
        self.stdout.write(f"已生成 {output}")
