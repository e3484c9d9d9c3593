"""The modules installed, as the navigation and the portal show them.

An app joins by giving its AppConfig a ``fazhi_module`` dict: ``label`` (Chinese), ``url_name``
(its staff landing page), optionally ``portal_url_name`` (its public page, taking the town slug),
``visible`` (dotted path of a predicate ``f(user) -> bool`` for a module only some users have)
and ``order``. Nothing else needs to know which modules exist."""

from django.apps import apps
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string


def installed():
    found = []
    for config in apps.get_app_configs():
        spec = getattr(config, "fazhi_module", None)
        if spec:
            found.append({"app": config.label, **spec})
    return sorted(found, key=lambda m: (m.get("order", 100), m["label"]))


def nav_items(user=None):
    items = []
    for module in installed():
        visible = module.get("visible")
        if visible and user is not None and not import_string(visible)(user):
            continue
        try:
            items.append({"label": module["label"], "url": reverse(module["url_name"]), "app": module["app"]})
        except NoReverseMatch:
            continue
    return items


def portal_items(town_slug: str):
    items = []
    for module in installed():
        name = module.get("portal_url_name")
        if not name:
            continue
        try:
            items.append({"label": module.get("portal_label", module["label"]),
                          "url": reverse(name, kwargs={"town": town_slug})})
        except NoReverseMatch:
            continue
    return items
