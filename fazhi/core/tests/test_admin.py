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


MODULE_ADMINS = [(m, a) for m, a in REGISTERED if m.__module__.startswith("fazhi.") and m._meta.app_label != "core"]


@pytest.mark.parametrize("model, model_admin", MODULE_ADMINS, ids=[m._meta.label for m, _a in MODULE_ADMINS])
def test_every_module_admin_records_its_changes_in_the_audit_chain(model, model_admin):
    from fazhi.core.admin import AuditedMixin

    assert isinstance(model_admin, AuditedMixin)


def test_an_admin_edit_of_a_module_record_is_an_audit_event(users, world):
    from fazhi.core.models import AuditEvent
    from fazhi.enforcement import services
    from fazhi.enforcement.models import Matter

    matter = services.matter_create(actor=users["fengsheng_leader"], unit=world.fengsheng.units.get(slug="shizheng"),
                                    name="对擅自占用城市道路经营的处罚", legal_basis="《城市市容和环境卫生管理条例》第三十六条",
                                    power_list_ref="XZCF-0101")
    request = RequestFactory().post("/")
    request.user = users["admin"]
    matter.legal_basis = "《城市市容和环境卫生管理条例》第三十六条第一款"
    admin.site._registry[Matter].save_model(request, matter, form=None, change=True)
    event = AuditEvent.objects.filter(action="matter.admin_change", object_id=str(matter.pk)).get()
    assert event.after == {"legal_basis": "《城市市容和环境卫生管理条例》第三十六条第一款"}
    assert event.actor_label == users["admin"].label
