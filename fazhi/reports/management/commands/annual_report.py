import json

from django.core.management.base import BaseCommand, CommandError
from django.template.loader import render_to_string

from fazhi.core.models import Town
from fazhi.reports import assembly, docx_export


class Command(BaseCommand):
    help = "生成镇街的法治政府建设年度报告（数据来自各模块记录）：JSON、DOCX（GB/T 9704格式）或HTML。"

    def add_arguments(self, parser):
        parser.add_argument("--town", required=True, help="镇街简称，如 fengsheng")
        parser.add_argument("--year", required=True, type=int, help="报告年度，如 2023")
        parser.add_argument("--format", choices=["json", "docx", "html"], default="json")
        parser.add_argument("--output", required=True, help="输出文件路径（- 表示标准输出，仅限json/html）")

    def handle(self, *args, **options):
        town = Town.objects.select_related("district").filter(slug=options["town"]).first()
        if town is None:
            raise CommandError(f"镇街“{options['town']}”不存在。")
        document = assembly.document_for_town(town, options["year"])
        fmt, output = options["format"], options["output"]
        if fmt == "docx":
            if output == "-":
                raise CommandError("DOCX 需要输出到文件。")
            with open(output, "wb") as fh:
                fh.write(docx_export.to_bytes(document))
        else:
            if fmt == "json":
                content = json.dumps(document.as_json(), ensure_ascii=False, indent=2, default=str) + "\n"
            else:
                content = render_to_string("reports/standalone.html", {"doc": document})
            if output == "-":
                self.stdout.write(content)
            else:
                with open(output, "w", encoding="utf-8") as fh:
                    fh.write(content)
        if output != "-":
            self.stdout.write(self.style.SUCCESS(f"已生成 {output}"))
