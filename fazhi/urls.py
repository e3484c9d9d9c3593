from importlib.util import find_spec

from django.apps import apps
from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

admin.site.site_header = "法治 · 管理后台"
admin.site.site_title = "法治管理后台"
admin.site.index_title = "数据管理"


def module_urls():
    """Each module app brings its own urls: ``urls.py`` (staff pages under /<app>/),
    ``api_urls.py`` (under /api/v1/) and ``portal_urls.py`` (under /portal/<town>/)."""
    pages, api, portal = [], [], []
    for config in apps.get_app_configs():
        if not config.name.startswith("fazhi.") or config.label == "core":
            continue
        if find_spec(f"{config.name}.urls"):
            pages.append(path(f"{config.label}/", include(f"{config.name}.urls")))
        if find_spec(f"{config.name}.api_urls"):
            api.append(path("api/v1/", include(f"{config.name}.api_urls")))
        if find_spec(f"{config.name}.portal_urls"):
            portal.append(path("portal/<slug:town>/", include(f"{config.name}.portal_urls")))
    return pages, api, portal


_pages, _api, _portal = module_urls()

urlpatterns = [
    # One login page for everyone, with lockout and audit; the admin's own form is not used.
    path("admin/login/", RedirectView.as_view(url="/login/", query_string=True)),
    path("admin/", admin.site.urls),
    path("favicon.ico", RedirectView.as_view(url="/static/core/favicon.svg", permanent=True)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
    *_api,
    path("api/v1/", include("fazhi.core.api_urls")),
    *_portal,
    *_pages,
    path("", include("fazhi.core.urls")),
]
