"""Every transition in every role, and who is refused where."""

import pytest

from indicators.models import FindingNote
from indicators.quality import unexplained_misses
from reporting.models import ReportEvent
from tests.conftest import make_member, make_user


def explain_misses(year=2023):
    for finding in unexplained_misses(year):
        FindingNote.objects.create(
            rule=finding.rule,
            indicator=finding.indicator,
            year=year,
            key=finding.key,
            note="Fewer clearance teams than planned.",
        )


@pytest.fixture
def people(report_demo):
    return {
        "secretariat": make_member("sec", "secretariat"),
        "chair": make_member("chair", "chair"),
        "co_chair": make_member("cochair", "co_chair"),
        "data_officer": make_member("data", "data_officer"),
        "outsider": make_member("other-sec", "secretariat", swg_code="other"),
        "no_role": make_member("norole", None),
    }


def _post(client, user, report, action, comment=""):
    client.force_login(user)
    return client.post(f"/en/reports/{report.pk}/do/{action}/", {"comment": comment})


def _set(report, status):
    report.status = status
    report.save()


ALLOWED = {
    ("submit", "draft"): {"secretariat"},
    ("submit", "returned"): {"secretariat"},
    ("return", "submitted"): {"chair", "co_chair"},
    ("approve", "submitted"): {"chair", "co_chair"},
    ("reopen", "approved"): {"chair"},
}
AFTER = {"submit": "submitted", "return": "returned", "approve": "approved", "reopen": "draft"}
ROLES = ["secretariat", "chair", "co_chair", "data_officer", "outsider", "no_role"]


@pytest.mark.parametrize(("action", "state"), list(ALLOWED))
@pytest.mark.parametrize("role", ROLES)
def test_each_transition_in_each_role(client, people, report_demo, action, state, role):
    explain_misses()
    _set(report_demo, state)
    response = _post(client, people[role], report_demo, action, comment="Please add 2024 plans.")
    report_demo.refresh_from_db()
    if role in ALLOWED[(action, state)]:
        assert response.status_code == 302
        assert report_demo.status == AFTER[action]
        assert (
            report_demo.events.filter(
                action=ReportEvent.Action(AFTER[action] if action != "reopen" else "reopened")
            ).exists()
            or action == "reopen"
        )
    else:
        assert response.status_code == 403
        assert report_demo.status == state


@pytest.mark.parametrize(
    ("action", "state"),
    [
        ("approve", "draft"),
        ("return", "draft"),
        ("submit", "submitted"),
        ("submit", "approved"),
        ("reopen", "submitted"),
        ("approve", "approved"),
    ],
)
def test_a_transition_from_the_wrong_state_is_refused(client, people, report_demo, action, state):
    explain_misses()
    _set(report_demo, state)
    role = "secretariat" if action == "submit" else "chair"
    assert _post(client, people[role], report_demo, action).status_code == 403
    report_demo.refresh_from_db()
    assert report_demo.status == state


def test_submitting_needs_every_missed_target_explained(client, people, report_demo):
    response = _post(client, people["secretariat"], report_demo, "submit")
    report_demo.refresh_from_db()
    assert report_demo.status == "draft"
    page = client.get(response["Location"]).content.decode()
    assert "misses the SPF III target" in page
    explain_misses()
    _post(client, people["secretariat"], report_demo, "submit")
    report_demo.refresh_from_db()
    assert report_demo.status == "submitted"


def test_returning_needs_a_comment_which_the_secretariat_then_sees(client, people, report_demo):
    _set(report_demo, "submitted")
    _post(client, people["chair"], report_demo, "return", comment="")
    report_demo.refresh_from_db()
    assert report_demo.status == "submitted"
    _post(client, people["chair"], report_demo, "return", comment="Add the 2024 priorities.")
    client.force_login(people["secretariat"])
    html = client.get(f"/en/reports/{report_demo.pk}/").content.decode()
    assert "Add the 2024 priorities." in html and 'id="return-comment"' in html


def test_reopening_needs_a_reason_and_is_logged(client, people, report_demo):
    _set(report_demo, "approved")
    _post(client, people["chair"], report_demo, "reopen", comment="")
    report_demo.refresh_from_db()
    assert report_demo.status == "approved"
    _post(
        client, people["chair"], report_demo, "reopen", comment="A figure was corrected by the NRA."
    )
    report_demo.refresh_from_db()
    event = report_demo.events.get(action="reopened")
    assert (report_demo.status, event.user, event.comment) == (
        "draft",
        people["chair"],
        "A figure was corrected by the NRA.",
    )


def test_a_superuser_may_reopen(client, report_demo):
    _set(report_demo, "approved")
    admin = make_user("root", is_superuser=True, is_staff=True)
    _post(client, admin, report_demo, "reopen", comment="Correction.")
    report_demo.refresh_from_db()
    assert report_demo.status == "draft"


def test_an_unknown_action_and_get_are_refused(client, people, report_demo):
    client.force_login(people["chair"])
    assert client.post(f"/en/reports/{report_demo.pk}/do/delete/").status_code == 403
    assert client.get(f"/en/reports/{report_demo.pk}/do/approve/").status_code == 405


def _urls(report):
    section = report.answers.first().section_id
    return {
        "list": "/en/reports/",
        "detail": f"/en/reports/{report.pk}/",
        "section": f"/en/reports/{report.pk}/sections/{section}/",
        "people": f"/en/reports/{report.pk}/people/",
        "history": f"/en/reports/{report.pk}/history/",
    }


READ = {"secretariat", "chair", "co_chair", "data_officer"}
EDIT = {"secretariat"}
EXPECTED_GET = {
    "list": READ | {"outsider"},
    "detail": READ,
    "history": READ,
    "section": EDIT,
    "people": EDIT,
}


@pytest.mark.parametrize("page", list(EXPECTED_GET))
@pytest.mark.parametrize("role", ROLES)
def test_each_page_refuses_the_roles_it_must(client, people, report_demo, page, role):
    client.force_login(people[role])
    status = client.get(_urls(report_demo)[page]).status_code
    assert status == (200 if role in EXPECTED_GET[page] else 403)


@pytest.mark.parametrize("page", ["list", "detail", "section", "people", "history"])
def test_anonymous_visitors_see_nothing_of_the_reports(client, report_demo, page):
    response = client.get(_urls(report_demo)[page])
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_list_shows_only_the_users_own_swg(client, people, report_demo):
    client.force_login(people["outsider"])
    response = client.get("/en/reports/")
    assert response.status_code == 200
    assert list(response.context["reports"]) == []


@pytest.mark.parametrize("state", ["submitted", "approved"])
def test_a_report_that_is_not_a_draft_cannot_be_edited(client, people, report_demo, state):
    _set(report_demo, state)
    urls = _urls(report_demo)
    client.force_login(people["secretariat"])
    assert client.get(urls["section"]).status_code == 403
    assert (
        client.post(
            urls["section"], {"text_lo": "x", "text_en": "y", "base_version": 1}
        ).status_code
        == 403
    )
    assert client.post(urls["people"], {}).status_code == 403


@pytest.mark.parametrize(
    ("role", "links"),
    [
        ("chair", {"Dashboard", "Reports"}),
        ("data_officer", {"Dashboard", "Reports", "Figures"}),
        ("no_role", set()),
    ],
)
def test_the_header_offers_only_pages_the_person_can_open(client, people, role, links):
    client.force_login(people[role])
    html = client.get("/en/indicators/").content.decode()
    shown = {name for name in ("Dashboard", "Reports", "Figures") if f">{name}</a>" in html}
    assert shown == links
