from django.apps import apps
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string

from fazhi.core.demo import DEMO_PASSWORD, build_org, build_users, demo_usernames


class Command(BaseCommand):
    help = "载入演示数据:巴南区、丰盛镇和木洞镇的组织机构、各角色演示用户,以及各模块的演示记录(可重复运行)。"

    def handle(self, *args, **options):
        world = build_org()
        build_users(world)
        # Each module app adds its own demo records through its services (AppConfig.demo_loader).
        for config in apps.get_app_configs():
            loader = getattr(config, "demo_loader", None)
            if loader:
                import_string(loader)(world)
                self.stdout.write(f"已载入 {config.verbose_name} 的演示记录")
        self.stdout.write(self.style.SUCCESS("演示数据已就绪。演示用户(仅用于演示,密码相同):"))
        for name in demo_usernames():
            self.stdout.write(f"  {name:<22} 密码 {DEMO_PASSWORD}")
