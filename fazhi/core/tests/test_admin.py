"""The admin works for every model of every app."""

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


@pytest.mark.parametrize("model, model_admin", REGISTERED, ids=[m._meta.label for m, _a in REGISTERED])
def test_every_admin_changelist_and_add_page_opens(client_as, users, model, model_admin):
    client = client_as("admin")
    opts = model._meta
    assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")).status_code == 200
    request = RequestFactory().get("/")
    request.user = users["admin"]
    if model_admin.has_add_permission(request):
        assert client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add")).status_code == 200


def test_town_staff_cannot_open_the_admin(client_as, world):
    response = client_as("fengsheng_clerk").get("/admin/core/town/")
    assert response.status_code == 302
