from decimal import Decimal

import pytest

from indicators.demo import demo_load
from indicators.models import Actual, Component, Framework, Indicator, Target


@pytest.fixture
def demo(db):
    """The demo data of the 2023 report."""
    demo_load()


def make_framework(code="SPF3", **fields) -> Framework:
    defaults = {
        "name_lo": f"ກອບ {code}",
        "name_en": f"Framework {code}",
        "short_name_lo": code,
        "short_name_en": code,
        "start_year": 2021,
        "end_year": 2030,
    }
    return Framework.objects.create(code=code, **(defaults | fields))


def make_indicator(code="area-cleared", **fields) -> Indicator:
    defaults = {
        "name_lo": f"ຕົວຊີ້ວັດ {code}",
        "name_en": f"Indicator {code}",
        "unit": Indicator.Unit.HECTARES,
        "direction": Indicator.Direction.HIGHER,
    }
    return Indicator.objects.create(code=code, **(defaults | fields))


def make_component(indicator, code="agricultural", **fields) -> Component:
    defaults = {"name_lo": f"ສ່ວນ {code}", "name_en": f"part {code}"}
    return Component.objects.create(indicator=indicator, code=code, **(defaults | fields))


def make_target(framework, indicator, **fields) -> Target:
    defaults = {
        "kind": Target.Kind.ANNUAL,
        "comparator": Target.Comparator.GE,
        "value": Decimal(10000),
        "start_year": 2021,
        "end_year": 2030,
    }
    return Target.objects.create(framework=framework, indicator=indicator, **(defaults | fields))


def make_actual(indicator, year=2023, value=5815, **fields) -> Actual:
    defaults = {"source": "test"}
    return Actual.objects.create(
        indicator=indicator, year=year, value=Decimal(str(value)), **(defaults | fields)
    )


def make_user(username="someone", roles=(), **fields):
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(username=username, password="pw-for-tests-1", **fields)
    for role in roles:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    return user


@pytest.fixture
def data_officer_client(client, db):
    client.force_login(make_user("data", roles=["data_officer"]))
    return client


@pytest.fixture
def chair_client(client, db):
    client.force_login(make_user("chair", roles=["chair"]))
    return client


@pytest.fixture(autouse=True)
def _fresh_cache_and_plain_static_files(settings):
    """Each test starts with an empty page cache in memory, static files are found
    without a collectstatic manifest, and passwords hash fast."""
    from django.core.cache import cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # Hashing test passwords with the production hasher costs half a second per user.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = settings.STORAGES | {
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    }
    cache.clear()


@pytest.fixture
def report_demo(demo):
    """The demo report of 2023 (a draft) with its template."""
    from reporting.demo import report_demo_load
    from reporting.models import Report

    report_demo_load()
    return Report.objects.get(year=2023)


def make_member(username, role, swg_code="uxo"):
    """A user holding `role` in the SWG (the group, and membership of the SWG)."""
    from reporting.models import Membership, SectorWorkingGroup

    user = make_user(username, roles=[role] if role else [])
    swg, _ = SectorWorkingGroup.objects.get_or_create(
        code=swg_code, defaults={"name_lo": swg_code, "name_en": swg_code}
    )
    Membership.objects.create(user=user, swg=swg)
    return user
