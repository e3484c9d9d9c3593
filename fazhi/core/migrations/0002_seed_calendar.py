from django.db import migrations


def seed(apps, schema_editor):
    from fazhi.core.holidays import seed_from_package

    seed_from_package(apps.get_model("core", "CalendarYear"), apps.get_model("core", "CalendarDay"))


def unseed(apps, schema_editor):
    apps.get_model("core", "CalendarYear").objects.filter(source="package").delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
