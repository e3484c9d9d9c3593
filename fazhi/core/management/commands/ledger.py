"""Export or import a town's ledger (台账) as an .xlsx file.

    manage.py ledger export core.villages --town fengsheng --output villages.xlsx
    manage.py ledger import core.villages --town fengsheng villages.xlsx

An import that finds any problem prints one line per bad cell (``第N行 「列」: 原因``), writes
nothing and exits with status 1.
"""

import inspect
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from fazhi.core import ledgers
from fazhi.core.errors import DomainError
from fazhi.core.models import Town, User

# Who the audit log names when no --user is given: the process, not a person.
COMMAND_ACTOR = "台账导入命令(manage.py ledger)"


class Command(BaseCommand):
    help = "导出或导入一个镇街的台账(.xlsx)。"

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser("export", help="导出台账")
        export.add_argument("name", help="台账名称,例如 core.villages")
        export.add_argument("--town", required=True, help="镇街简称,例如 fengsheng")
        export.add_argument("--output", required=True, help="输出的 .xlsx 文件路径")
        export.add_argument("--year", type=int, help="年度(按年度登记的台账,缺省为本年)")
        imp = sub.add_parser("import", help="导入台账(有任何错误则不写入)")
        imp.add_argument("name", help="台账名称,例如 core.villages")
        imp.add_argument("--town", required=True, help="镇街简称,例如 fengsheng")
        imp.add_argument("--user", help="以该用户名记入审计日志;缺省时记为本命令")
        imp.add_argument("file", help="要导入的 .xlsx 文件")

    def handle(self, *args, action, name, town, **options):
        try:
            ledger = ledgers.get(name)
        except LookupError:
            raise CommandError(f"没有名为“{name}”的台账。已有:{'、'.join(ledgers.names())}") from None
        town_obj = Town.objects.filter(slug=town).first()
        if town_obj is None:
            raise CommandError(f"没有简称为“{town}”的镇街。")
        if action == "export":
            self._export(ledger, town_obj, Path(options["output"]), options.get("year"))
        else:
            self._import(ledger, town_obj, Path(options["file"]), options.get("user"))

    def _export(self, ledger, town, output: Path, year: int | None):
        if ledger.export_rows is None:
            raise CommandError(f"台账“{ledger.title}”不能按镇街导出。")
        if year is None:
            rows = ledger.export_rows(town)
        elif "year" in inspect.signature(ledger.export_rows).parameters:
            rows = ledger.export_rows(town, year=year)
        else:
            raise CommandError(f"台账“{ledger.title}”不按年度登记,请去掉 --year。")
        output.write_bytes(ledgers.export_xlsx(ledger, rows))
        self.stdout.write(f"已导出{town.name}的{ledger.title}到 {output}")

    def _import(self, ledger, town, path: Path, username: str | None):
        if ledger.import_row is None:
            raise CommandError(f"台账“{ledger.title}”不能导入。")
        actor = COMMAND_ACTOR
        if username:
            actor = User.objects.filter(username=username, is_active=True).first()
            if actor is None:
                raise CommandError(f"没有用户名为“{username}”的有效用户。")
        if not path.is_file():
            raise CommandError(f"找不到文件 {path}")

        def create(row):
            return ledger.import_row(row, town=town, actor=actor)

        try:
            with path.open("rb") as f:
                results = ledgers.import_xlsx(ledger, f, actor=actor, create=create, town=town, filename=path.name)
        except ledgers.LedgerErrors as exc:
            for line in exc.lines():
                self.stderr.write(line)
            raise CommandError(exc.message, returncode=1) from None
        except DomainError as exc:
            raise CommandError(exc.message, returncode=1) from None
        self.stdout.write(f"已导入{town.name}的{ledger.title},共{len(results)}行。")
