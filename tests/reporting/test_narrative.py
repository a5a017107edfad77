"""The narrative check: numbers in an answer against the figures of the year."""

from decimal import Decimal

import pytest
from django.utils import translation

from reporting.narrative import check_answer, check_report, find_mentions, recognise_figures

D = Decimal

SEED_CLEARANCE = (
    "Compared to the annual clearance target of the SPF III (10,000 ha) and the 9th NSEDP "
    "(10,000 ha) the sector has only achieved 54% of the national target."
)


def only(text, language):
    (mention,) = find_mentions(text, language)
    return mention


def codes(findings):
    return [f.code for f in findings]


# --- Reading numbers (no database) ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "values", "percent"),
    [
        ("20.436 ha", "lo", (D(20436), D("20.436")), False),
        ("20,436 ha", "en", (D(20436), D("20.436")), False),
        ("5.815", "lo", (D(5815), D("5.815")), False),
        ("5,815", "en", (D(5815), D("5.815")), False),
        ("3,262", "en", (D(3262), D("3.262")), False),
        ("58,2%", "lo", (D("58.2"),), True),
        ("58.2%", "en", (D("58.2"),), True),
        ("54%", "en", (D(54),), True),
        ("286,1 %", "lo", (D("286.1"),), True),
        ("20.436,5 ha", "lo", (D("20436.5"),), False),
        ("20,436.5 ha", "en", (D("20436.5"),), False),
        ("1.234.567", "lo", (D(1234567),), False),
        ("໒໐.໔໓໖ ເຮັກຕາ", "lo", (D(20436), D("20.436")), False),
        ("໕໘,໒%", "lo", (D("58.2"),), True),
        ("47", "lo", (D(47),), False),
    ],
)
def test_it_reads_numbers_and_percentages_in_both_conventions(text, language, values, percent):
    mention = only(text, language)
    assert (mention.text, mention.values, mention.is_percent) == (text, values, percent)


def test_a_lone_separator_before_three_digits_keeps_both_readings_page_language_first():
    in_lao, in_english = only("5.815", "lo"), only("5.815", "en")
    assert in_lao.value is None and in_lao.convention == "either"
    assert [(r.value, r.convention) for r in in_lao.readings] == [
        (D(5815), "lo"),
        (D("5.815"), "en"),
    ]
    assert [(r.value, r.convention) for r in in_english.readings] == [
        (D("5.815"), "en"),
        (D(5815), "lo"),
    ]


@pytest.mark.parametrize(
    ("text", "convention"),
    [
        ("47", "either"),
        ("2023 ha", "either"),
        ("58,2%", "lo"),
        ("58.2%", "en"),
        ("20.436,5", "lo"),
        ("20,436.5", "en"),
        ("1.234.567", "lo"),
        ("1,234,567", "en"),
        ("20,5 ha", "lo"),
        ("20.25 ha", "en"),
    ],
)
def test_it_tells_the_convention_when_the_writing_does(text, convention):
    assert only(text, "lo").convention == convention


def test_a_unit_after_the_number_is_part_of_the_mention():
    mentions = find_mentions("5.190ha, 47 ຄົນ, 22 ຄັ້ງ and 20.436 hectares", "lo")
    assert [(m.text, m.unit) for m in mentions] == [
        ("5.190ha", "ha"),
        ("47 ຄົນ", "people"),
        ("22 ຄັ້ງ", "accidents"),
        ("20.436 hectares", "ha"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "in 2023",
        "ໃນປີ 2023",
        "during 2021-2030",
        "ໄລຍະ 2026–2030",
        "3.a",
        "section 3.b",
        "ຫົວຂໍ້ 3.a",
        "SDG 18",
        "SDG18",
        "Sustainable Development Goal (SDG) 18",
        "ເປົ້າໝາຍການພັດທະນາແບບຍືນຍົງ ທີ 18",
        "18.1.1",
        "indicator 18.1.1",
        "target 18.1",
        "9th NSEDP",
        "the 10th NSEDP",
        "ແຜນ 5 ປີ ຄັ້ງທີ IX",
        "1. Continue following the plan",
        "- 2. Targeting clearance",
        "3) Lessons",
        "Law No. 57 and Law No.54",
        "as of 18/01/2024",
        "the 10-year plan",
        "in 5 years",
    ],
)
@pytest.mark.parametrize("language", ["lo", "en"])
def test_years_numbering_codes_and_framework_names_are_not_figures(text, language):
    assert find_mentions(text, language) == []


def test_a_year_with_a_unit_is_a_figure():
    assert only("2023 ha", "en").values == (D(2023),)


def test_a_decimal_at_the_start_of_a_line_is_a_figure_not_numbering():
    assert only("0.5 ha were cleared", "en").values == (D("0.5"),)


# --- Checking against the 2023 data -------------------------------------------------------


def test_achieved_54_percent_of_the_national_target_is_flagged_with_the_computed_58_2(demo):
    with translation.override("en"):
        findings = check_answer(SEED_CLEARANCE, "en", 2023)
    (finding,) = findings
    assert (finding.code, finding.text, finding.indicator) == (
        "percent_mismatch",
        "54%",
        "area-cleared",
    )
    assert finding.message == (
        "“54%” does not match any computed achievement for 2023; the nearest is Area cleared "
        "of UXO at 58.2% of the SPF III annual target."
    )


def test_a_percentage_alone_is_compared_with_every_achievement_of_the_year(demo):
    with translation.override("en"):
        (finding,) = check_answer("The sector has only achieved 54% of the target.", "en", 2023)
    assert finding.code == "percent_mismatch" and finding.indicator == "area-cleared"
    assert "58.2%" in finding.message


def test_the_mismatch_message_formats_the_figures_in_the_active_language(demo):
    with translation.override("lo"):
        (finding,) = check_answer("ຄິດເປັນ 54% ຂອງຄາດໝາຍແຫ່ງຊາດ", "lo", 2023)
    assert finding.code == "percent_mismatch"
    assert "58,2%" in finding.message and "58.2%" not in finding.message


@pytest.mark.parametrize(("text", "language"), [("5.815 ha", "lo"), ("5,815 ha", "en")])
def test_the_area_cleared_in_its_own_convention_is_recognised_with_no_finding(demo, text, language):
    (recognition,) = recognise_figures(text, language, 2023)
    assert (recognition.value, recognition.indicators) == (D(5815), ("area-cleared",))
    assert check_answer(text, language, 2023) == []


def test_5_815_ha_written_the_english_way_in_a_lao_answer_is_flagged_as_the_other_convention(
    demo,
):
    with translation.override("en"):
        findings = check_answer("ໄດ້ເກັບກູ້ລະເບີດ 5,815 ha", "lo", 2023)
    (finding,) = findings
    assert (finding.code, finding.value, finding.indicator) == (
        "other_convention",
        D(5815),
        "area-cleared",
    )
    assert finding.message == (
        "“5,815 ha” is written in the English number format; in Lao, write 5.815 ha."
    )


def test_5_815_ha_written_the_lao_way_in_an_english_answer_is_flagged_as_the_other_convention(
    demo,
):
    with translation.override("en"):
        (finding,) = check_answer("5.815 ha were cleared", "en", 2023)
    assert (finding.code, finding.value, finding.indicator) == (
        "other_convention",
        D(5815),
        "area-cleared",
    )
    assert finding.message.endswith("in English, write 5,815 ha.")


def test_a_percentage_in_the_other_convention_is_flagged(demo):
    (finding,) = check_answer("ຄິດເປັນ 58.2% ຂອງຄາດໝາຍ", "lo", 2023)
    assert finding.code == "other_convention"


@pytest.mark.parametrize(("text", "language"), [("1,234 ha", "en"), ("1.234 ເຮັກຕາ", "lo")])
def test_a_figure_that_matches_nothing_is_flagged(demo, text, language):
    with translation.override("en"):
        (finding,) = check_answer(text, language, 2023)
    assert (finding.code, finding.text) == ("unknown_figure", text)
    assert finding.message == f"“{text}” does not match any actual figure or target for 2023."


def test_a_unit_keeps_a_figure_to_the_indicators_it_can_belong_to(demo):
    assert codes(check_answer("47 ha", "en", 2023)) == ["unknown_figure"]
    assert check_answer("47 people", "en", 2023) == []


def test_a_figure_in_the_other_convention_that_matches_nothing_gets_both_findings(demo):
    assert codes(check_answer("1.234,5 ha", "en", 2023)) == ["unknown_figure", "other_convention"]


def test_small_counts_in_passing_are_not_flagged(demo):
    assert check_answer("Teams were deployed in 4 provinces (1-2 teams each).", "en", 2023) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "In 2023, section 3.a of the report follows SDG 18, indicator 18.1.1 and the 9th "
            "NSEDP.",
            "en",
        ),
        ("ໃນປີ 2023, ຫົວຂໍ້ 3.a ລາຍງານຕາມ SDG 18, ຕົວຊີ້ວັດ 18.1.1 ແລະ ແຜນ 5 ປີ ຄັ້ງທີ IX.", "lo"),
        ("ແຜນພັດທະນາເສດຖະກິດ-ສັງຄົມແຫ່ງຊາດ 5 ປີ ຄັ້ງທີ IX (2021-2025)", "lo"),
    ],
)
def test_years_sections_and_framework_names_are_not_flagged(demo, text, language):
    assert check_answer(text, language, 2023) == []


@pytest.mark.parametrize(
    ("text", "value", "indicator"),
    [
        ("20.436 ເຮັກຕາ", D(20436), "cha-identified"),
        ("3.262 ຄົນ", D(3262), "victims-assisted"),
        ("47 ຄົນ", D(47), "casualties"),
        ("36", D(36), "casualties"),
        ("11", D(11), "casualties"),
        ("5.190 ເຮັກຕາ", D(5190), "area-cleared"),
        ("625", D(625), "area-cleared"),
        ("10.000 ເຮັກຕາ", D(10000), "area-cleared"),
        ("25.000", D(25000), "cha-identified"),
        ("1.140", D(1140), "victims-assisted"),
    ],
)
def test_the_2023_figures_are_recognised_in_lao(demo, text, value, indicator):
    (recognition,) = recognise_figures(text, "lo", 2023)
    assert recognition.value == value and indicator in recognition.indicators
    assert check_answer(text, "lo", 2023) == []


@pytest.mark.parametrize(
    ("text", "indicator"),
    [("58,2%", "area-cleared"), ("81,7%", "cha-identified"), ("286,1%", "victims-assisted")],
)
def test_the_2023_percentages_are_recognised_in_lao(demo, text, indicator):
    (recognition,) = recognise_figures(f"ຄິດເປັນ {text} ຂອງຄາດໝາຍ", "lo", 2023)
    assert recognition.indicators == (indicator,)
    assert check_answer(f"ຄິດເປັນ {text} ຂອງຄາດໝາຍ", "lo", 2023) == []


def test_a_whole_percentage_that_rounds_the_computed_one_matches(demo):
    assert check_answer("58% of the target", "en", 2023) == []
    assert codes(check_answer("57% of the target", "en", 2023)) == ["percent_mismatch"]


def test_the_report_is_checked_section_by_section_lao_then_english(report_demo):
    answer = report_demo.answers.get(section__number="2")
    answer.text_lo = "ໄດ້ເກັບກູ້ລະເບີດ 5,815 ເຮັກຕາ ໃນປີ 2023."
    answer.text_en = SEED_CLEARANCE
    answer.save()
    items = check_report(report_demo)
    assert [(i.section, i.language, i.finding.code) for i in items] == [
        ("2", "lo", "other_convention"),
        ("2", "en", "percent_mismatch"),
    ]
