from django.core.management.base import BaseCommand, CommandError

from fazhi.core import audit


class Command(BaseCommand):
    help = "校验审计日志哈希链;链条完整时退出码为0,否则指出第一个校验不通过的事件。"

    def handle(self, *args, **options):
        whole, bad_id, checked, reason = audit.verify()
        if not whole:
            raise CommandError(f"审计链在事件 #{bad_id} 处断裂:{reason}(此前已校验 {checked} 个事件)。")
        self.stdout.write(self.style.SUCCESS(f"审计链完整,共校验 {checked} 个事件。"))
