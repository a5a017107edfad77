"""Answers: bilingual saving, conflicts that lose nothing, expired sessions, history."""

import pytest
from django.test import Client

from reporting.models import Answer, Report, ReportPerson, ReportTemplate
from reporting.services import report_create, template_copy
from tests.conftest import make_member

SEED = "/work/shared/seed/000_25542ce3cd6d642d.txt"


@pytest.fixture
def secretariat(client, report_demo):
    client.force_login(make_member("sec", "secretariat"))
    return client


def _section_url(report, number="1"):
    answer = report.answers.get(section__number=number)
    return f"/en/reports/{report.pk}/sections/{answer.section_id}/", answer


def test_the_secretariat_saves_both_languages(secretariat, report_demo):
    url, answer = _section_url(report_demo, "3.a")
    response = secretariat.post(
        url, {"text_lo": "ບຸລິມະສິດປີ 2024", "text_en": "Priorities for 2024", "base_version": 1}
    )
    assert response.status_code == 302 and response["Location"].endswith("#section-3.a")
    answer.refresh_from_db()
    assert (answer.text_lo, answer.text_en, answer.version) == (
        "ບຸລິມະສິດປີ 2024",
        "Priorities for 2024",
        2,
    )
    assert answer.updated_by.username == "sec"


def test_a_section_answered_in_one_language_is_flagged(secretariat, report_demo):
    url, _answer = _section_url(report_demo, "4")
    secretariat.post(url, {"text_lo": "", "text_en": "Lessons", "base_version": 1})
    html = secretariat.get(f"/en/reports/{report_demo.pk}/").content.decode()
    assert 'data-flag="one-language"' in html
    assert "answered in one language only" in html


def test_the_second_save_from_the_same_version_gets_the_conflict_screen(report_demo):
    url, answer = _section_url(report_demo, "1")
    first, second = Client(), Client()
    first.force_login(make_member("sec1", "secretariat"))
    second.force_login(make_member("sec2", "secretariat"))
    version = answer.version
    first.post(url, {"text_lo": "ລາວ 1", "text_en": "First text", "base_version": version})
    response = second.post(
        url, {"text_lo": "ລາວ 2", "text_en": "Second text", "base_version": version}
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert 'id="conflict"' in html
    assert "First text" in html and "Second text" in html  # both texts, nothing lost
    answer.refresh_from_db()
    assert answer.text_en == "First text"  # not overwritten silently
    keep_mine = second.post(
        url, {"text_lo": "ລາວ 2", "text_en": "Second text", "base_version": answer.version}
    )
    assert keep_mine.status_code == 302
    answer.refresh_from_db()
    assert answer.text_en == "Second text"
    assert [h.text_en for h in answer.history.order_by("history_id")][-2:] == [
        "First text",
        "Second text",
    ]


def test_an_expired_session_asks_for_the_password_and_keeps_the_text(client, report_demo):
    make_member("sec", "secretariat")
    url, answer = _section_url(report_demo, "2")
    long_text = "A long answer written over an hour. " * 40
    response = client.post(
        url, {"text_lo": "ລາວ", "text_en": long_text, "base_version": answer.version}
    )
    assert response.status_code == 401
    assert long_text.strip() in response.content.decode()
    wrong = client.post(
        url,
        {
            "text_lo": "ລາວ",
            "text_en": long_text,
            "base_version": answer.version,
            "reauth_username": "sec",
            "reauth_password": "nope",
        },
    )
    assert wrong.status_code == 401 and long_text.strip() in wrong.content.decode()
    saved = client.post(
        url,
        {
            "text_lo": "ລາວ",
            "text_en": long_text,
            "base_version": answer.version,
            "reauth_username": "sec",
            "reauth_password": "pw-for-tests-1",
        },
    )
    assert saved.status_code == 302
    answer.refresh_from_db()
    assert answer.text_en == long_text.strip()


def test_a_chair_who_logs_in_again_still_cannot_edit(client, report_demo):
    make_member("chair", "chair")
    url, answer = _section_url(report_demo, "2")
    response = client.post(
        url,
        {
            "text_lo": "x",
            "text_en": "y",
            "base_version": answer.version,
            "reauth_username": "chair",
            "reauth_password": "pw-for-tests-1",
        },
    )
    assert response.status_code == 403


def test_a_bad_form_changes_nothing(secretariat, report_demo):
    url, answer = _section_url(report_demo, "1")
    response = secretariat.post(url, {"text_lo": "x", "text_en": "y", "base_version": "abc"})
    assert response.status_code == 200
    answer.refresh_from_db()
    assert answer.version == 1


def test_the_history_shows_the_difference_between_two_versions(secretariat, report_demo):
    url, answer = _section_url(report_demo, "1")
    secretariat.post(
        url,
        {
            "text_lo": answer.text_lo,
            "text_en": "Clearance reached 54% of target.",
            "base_version": 1,
        },
    )
    secretariat.post(
        url,
        {
            "text_lo": answer.text_lo,
            "text_en": "Clearance reached 58.2% of target.",
            "base_version": 2,
        },
    )
    response = secretariat.get(f"/en/reports/{report_demo.pk}/history/", {"answer": answer.pk})
    html = response.content.decode()
    assert '<del class="bg-danger-subtle">54%</del>' in html
    assert '<ins class="bg-success-subtle">58.2%</ins>' in html


def test_people_are_edited_with_dates_checked(secretariat, report_demo):
    people = list(report_demo.people.all())
    data = {
        "people-TOTAL_FORMS": len(people) + 1,
        "people-INITIAL_FORMS": len(people),
        "people-MIN_NUM_FORMS": 0,
        "people-MAX_NUM_FORMS": 1000,
    }
    for index, person in enumerate(people):
        data |= {
            f"people-{index}-id": person.pk,
            f"people-{index}-field": person.field_id,
            f"people-{index}-name": person.name,
            f"people-{index}-position": person.position,
        }
    new = len(people)
    chair_field = report_demo.template.header_fields.get(code="head_of_secretariat").pk
    data |= {
        f"people-{new}-field": chair_field,
        f"people-{new}-name": "Ms. A",
        f"people-{new}-position": "Head",
        f"people-{new}-from_date": "2023-09-01",
        f"people-{new}-until_date": "2023-01-01",
    }
    bad = secretariat.post(f"/en/reports/{report_demo.pk}/people/", data)
    assert bad.status_code == 400 and "cannot come before" in bad.content.decode()
    assert report_demo.people.count() == len(people)
    data[f"people-{new}-until_date"] = ""
    assert secretariat.post(f"/en/reports/{report_demo.pk}/people/", data).status_code == 302
    assert report_demo.people.filter(name="Ms. A").exists()


def test_the_2023_template_holds_the_seeds_questions_verbatim(report_demo):
    seed = open(SEED, encoding="utf-8").read()
    sections = report_demo.template.sections.order_by("order")
    assert [s.number for s in sections] == ["1", "2", "3.a", "3.b", "4"]
    for section in sections:
        assert section.question_en in seed.replace("[", "").replace("](#)", "")
        assert section.question_lo in seed.replace("[", "").replace("](#)", "")
    assert sections[0].length_hint_lo == "1/2 ໜ້າ" and sections[1].length_hint_en == "1-2 pages"


def test_the_demo_report_names_the_people_of_the_seed(report_demo):
    chairs = ReportPerson.objects.filter(report=report_demo, field__code="chair").order_by("order")
    assert [(p.name, str(p.until_date), str(p.from_date)) for p in chairs] == [
        ("H.E. Padeumphone Sonthany", "2023-08-31", "None"),
        ("H.E. Phoxay Khaykhamphithoune", "None", "2023-09-01"),
    ]


def test_starting_from_last_years_report_copies_people_and_structure(report_demo):
    user = make_member("sec", "secretariat")
    report = report_create(swg=report_demo.swg, year=2024, user=user, from_last_year=True)
    assert report.template.year == 2024
    assert [s.number for s in report.template.sections.all()] == ["1", "2", "3.a", "3.b", "4"]
    assert report.people.count() == report_demo.people.count()
    assert report.answers.count() == 5 and not any(a.text_en for a in report.answers.all())
    assert ReportTemplate.objects.get(year=2024).title_en.startswith("RTIM 2024")


def test_a_template_is_copied_once_per_year(report_demo):
    template_copy(template=report_demo.template, year=2025)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        template_copy(template=report_demo.template, year=2025)


def test_the_create_page_makes_a_draft_or_explains(secretariat, report_demo):
    response = secretariat.post("/en/reports/new/", {"year": 2024, "from_last_year": "on"})
    assert response.status_code == 302 and Report.objects.filter(year=2024).exists()
    again = secretariat.post("/en/reports/new/", {"year": 2024})
    assert (
        "There is already a report for 2024." in secretariat.get(again["Location"]).content.decode()
    )
    none = secretariat.post("/en/reports/new/", {"year": 2030})
    assert "no reporting template for 2030" in secretariat.get(none["Location"]).content.decode()


def test_a_chair_cannot_create_a_report(client, report_demo):
    client.force_login(make_member("chair", "chair"))
    assert client.post("/en/reports/new/", {"year": 2024}).status_code == 403


def test_the_key_figures_panel_sits_beside_the_report(secretariat, report_demo):
    html = secretariat.get(f"/en/reports/{report_demo.pk}/").content.decode()
    assert 'id="key-figures"' in html and "5,815 ha" in html and "58.2%" in html


def test_answers_keep_their_versions_in_the_database(report_demo):
    assert set(Answer.objects.filter(report=report_demo).values_list("version", flat=True)) == {1}
