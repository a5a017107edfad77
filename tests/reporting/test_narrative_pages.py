"""The narrative check and the generated key results in the report's pages."""

import pytest
from django.test import Client

from reporting import services
from reporting.models import Answer
from tests.conftest import make_member

WRONG = "In 2023, clearance achieved 54% of the national target."


@pytest.fixture
def secretariat(client, report_demo):
    client.force_login(make_member("sec", "secretariat"))
    return client


def _section(report, number):
    answer = report.answers.select_related("section").get(section__number=number)
    return f"/en/reports/{report.pk}/sections/{answer.section_id}/", answer


def _post(client, url, answer, **extra):
    data = {"text_lo": answer.text_lo, "text_en": answer.text_en, "base_version": answer.version}
    return client.post(url, data | extra)


def test_the_section_page_offers_the_years_key_results_in_both_languages(secretariat, report_demo):
    url, _answer = _section(report_demo, "2")
    html = secretariat.get(url).content.decode()
    assert '<details class="card mb-3" id="key-results" open>' in html
    assert "In 2023, 5,815 ha were cleared (5,190 ha agricultural land" in html
    assert "ໃນປີ 2023, ໄດ້ເກັບກູ້ລະເບີດບໍ່ທັນແຕກ ໃນເນື້ອທີ່ 5.815 ເຮັກຕາ" in html
    assert html.count('name="insert"') == 6  # five indicators and "all"


def test_key_results_are_closed_on_other_sections(secretariat, report_demo):
    url, _answer = _section(report_demo, "3.a")
    assert '<details class="card mb-3" id="key-results">' in secretariat.get(url).content.decode()


def test_inserting_a_key_result_appends_it_to_both_answers_without_saving(secretariat, report_demo):
    url, answer = _section(report_demo, "2")
    response = _post(secretariat, url, answer, insert="area-cleared")
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["text_en"] == (
        f"{answer.text_en}\n\nIn 2023, 5,815 ha were cleared (5,190 ha agricultural land, "
        "625 ha land for development), 58.2% of the 9th NSEDP and SPF III annual targets of "
        "10,000 ha."
    )
    assert answer.text_lo == ""  # an empty answer gets the sentence alone
    assert form.initial["text_lo"].startswith("ໃນປີ 2023, ໄດ້ເກັບກູ້ລະເບີດບໍ່ທັນແຕກ")
    assert form.initial["base_version"] == answer.version
    assert "not saved yet" in response.content.decode()
    saved = Answer.objects.get(pk=answer.pk)
    assert (saved.text_en, saved.version) == (answer.text_en, answer.version)


def test_insert_all_puts_every_sentence_into_an_empty_answer(secretariat, report_demo):
    url, answer = _section(report_demo, "3.a")
    response = _post(secretariat, url, answer, insert="all")
    text = response.context["form"].initial["text_en"]
    assert text.startswith("In 2023, the number of UXO casualties was 47")
    assert text.count("In 2023,") == 5
    assert response.context["findings"] == []  # generated sentences match the data


def test_inserting_an_unknown_key_result_changes_nothing(secretariat, report_demo):
    url, answer = _section(report_demo, "2")
    response = _post(secretariat, url, answer, insert="no-such-indicator")
    assert response.status_code == 200
    assert response.context["form"].initial["text_en"] == answer.text_en
    assert "Choose a key result to insert." in response.content.decode()


def test_checking_flags_54_percent_with_the_computed_58_2_and_saves_nothing(
    secretariat, report_demo
):
    url, answer = _section(report_demo, "2")
    response = _post(secretariat, url, answer, text_en=WRONG, action="check")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-finding="percent_mismatch"' in html
    assert "58.2%" in html
    assert WRONG in html  # the typed text is kept in the box
    assert "1 figure does not match the data: see “Figures in these answers”." in html
    assert Answer.objects.get(pk=answer.pk).text_en == answer.text_en


def test_checking_a_lao_answer_in_the_lao_interface_gives_lao_messages(secretariat, report_demo):
    _url, answer = _section(report_demo, "2")
    url = f"/lo/reports/{report_demo.pk}/sections/{answer.section_id}/"
    response = _post(secretariat, url, answer, text_lo="ປີ 2023 ເກັບກູ້ໄດ້ 5,815 ເຮັກຕາ.", action="check")
    html = response.content.decode()
    assert 'data-finding="other_convention"' in html
    assert "ໃນພາສາລາວ ກະລຸນາຂຽນ 5.815" in html


def test_a_check_with_consistent_figures_says_so(secretariat, report_demo):
    url, answer = _section(report_demo, "2")
    response = _post(
        secretariat,
        url,
        answer,
        text_en="5,815 ha were cleared, 58.2% of the target.",
        action="check",
    )
    html = response.content.decode()
    assert 'data-finding="none"' in html
    assert "Every figure in these answers matches the data of 2023." in html
    assert "Every figure matches the data. Nothing is saved yet." in html


def test_saving_a_mismatch_warns_and_the_report_shows_it_by_section(secretariat, report_demo):
    url, answer = _section(report_demo, "2")
    response = _post(secretariat, url, answer, text_en=WRONG)
    assert response.status_code == 302
    page = secretariat.get(response["Location"].split("#")[0])
    html = page.content.decode()
    assert "1 figure in this section does not match the data: see below." in html
    assert "1 figure in the answers does not match the data of 2023." in html
    assert 'data-section-findings="2"' in html
    assert html.count('data-finding="percent_mismatch"') == 2  # summary and section


def test_a_report_with_matching_figures_says_so(secretariat, report_demo):
    html = secretariat.get(f"/en/reports/{report_demo.pk}/").content.decode()
    assert "Every figure in the answers matches the data of 2023." in html


def test_the_chair_sees_the_findings_when_reviewing(report_demo):
    sec = make_member("sec", "secretariat")
    answer = report_demo.answers.get(section__number="2")
    services.answer_save(
        answer=answer,
        text_lo=answer.text_lo,
        text_en=WRONG,
        base_version=answer.version,
        user=sec,
    )
    chair = Client()
    chair.force_login(make_member("chair", "chair"))
    html = chair.get(f"/en/reports/{report_demo.pk}/").content.decode()
    assert 'id="narrative-check"' in html and "58.2%" in html


def test_the_chair_cannot_use_the_section_tools(client, report_demo):
    url, answer = _section(report_demo, "2")
    client.force_login(make_member("chair", "chair"))
    assert _post(client, url, answer, action="check").status_code == 403
    assert _post(client, url, answer, insert="all").status_code == 403


def test_anonymous_visitors_are_sent_to_log_in(client, report_demo):
    url, _answer = _section(report_demo, "2")
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_section_page_refuses_other_methods(secretariat, report_demo):
    url, _answer = _section(report_demo, "2")
    assert secretariat.put(url).status_code == 405


def test_the_conflict_screen_leaves_out_the_tools(report_demo):
    url, answer = _section(report_demo, "2")
    first, second = Client(), Client()
    first.force_login(make_member("sec1", "secretariat"))
    second.force_login(make_member("sec2", "secretariat"))
    _post(first, url, answer, text_en="First")
    response = _post(second, url, answer, text_en="Second")
    assert response.status_code == 409
    html = response.content.decode()
    assert 'id="key-results"' not in html and 'value="check"' not in html


def test_a_year_without_figures_says_key_results_will_come(secretariat, report_demo):
    from reporting.services import report_create

    report = report_create(swg=report_demo.swg, year=2024, user=None, from_last_year=True)
    url, _answer = _section(report, "2")
    html = secretariat.get(url).content.decode()
    assert "There are no figures for 2024 yet" in html
