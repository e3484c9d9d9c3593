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
