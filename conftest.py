"""Shared fixtures: the demo world (巴南区 with 丰盛镇 and 木洞镇 and one persona per role per
town), API clients logged in as a persona, and the browser for the Playwright tests."""

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def world(db):
    from fazhi.core.demo import build_org, build_users

    w = build_org()
    build_users(w)
    return w


@pytest.fixture
def users(world):
    return world.users


@pytest.fixture
def api_as(users):
    """api_as("fengsheng_clerk") → a DRF APIClient authenticated as that persona."""
    from rest_framework.test import APIClient

    def make(username):
        client = APIClient()
        client.force_authenticate(users[username])
        return client

    return make


@pytest.fixture
def client_as(client, users):
    """client_as("fengsheng_clerk") → the Django test client logged in as that persona."""

    def make(username):
        client.force_login(users[username])
        return client

    return make


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never `playwright install`). Without Chromium the
    browser tests are skipped, unless FAZHI_REQUIRE_BROWSER=1 (as in CI), where that fails."""
    if not os.path.exists(CHROMIUM):
        if os.environ.get("FAZHI_REQUIRE_BROWSER") == "1":
            pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def live_world(transactional_db):
    """The demo world in a database the live server shares (a transactional test empties the
    tables afterwards, so the holiday calendar is seeded again here)."""
    from fazhi.core.demo import build_org, build_users
    from fazhi.core.holidays import seed_from_package

    seed_from_package()
    w = build_org()
    build_users(w)
    return w


@pytest.fixture
def page(browser, live_server):
    """A fresh browser context; fails the test on any console error (e.g. a CSP violation)."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN")
    pg = context.new_page()
    errors = []
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.base_url = live_server.url
    yield pg
    context.close()
    assert not errors, f"browser console errors: {errors}"


@pytest.fixture
def login(page):
    def do(username, password=None):
        from fazhi.core.demo import DEMO_PASSWORD

        page.goto(f"{page.base_url}/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password or DEMO_PASSWORD)
        page.click("button[type=submit]")
        return page

    return do
