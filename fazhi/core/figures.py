"""Reports and dashboards read modules only through their ``figures(town, year)``.

A module app registers its function by the AppConfig attribute ``figures`` (a dotted path);
``collect()`` merges every module's figures into one flat dict of named figures such as
``{"disputes.mediated": 396, ...}``. A figure is counted from records, never typed in."""

from django.apps import apps
from django.utils.module_loading import import_string


def providers():
    for config in apps.get_app_configs():
        path = getattr(config, "figures", None)
        if path:
            yield config.label, import_string(path)


def collect(town, year: int) -> dict:
    merged: dict = {}
    for label, fn in providers():
        for name, value in fn(town, year).items():
            if not name.startswith(f"{label}."):
                raise ValueError(f"figure {name!r} of app {label!r} must be named '{label}.…'")
            merged[name] = value
    return merged
