"""Key results: one sentence per indicator, generated from the data, in Lao and English."""

from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.models import Actual
from reporting.key_results import key_result_sentences
from reporting.narrative import check_answer
from tests.conftest import make_actual, make_indicator

ENGLISH_2023 = {
    "casualties": (
        "In 2023, the number of UXO casualties was 47 (36 injured, 11 killed), above the 9th "
        "NSEDP annual ceiling of fewer than 40 people and the SPF III annual ceiling of fewer "
        "than 38 people."
    ),
    "accidents": "In 2023, the number of UXO accidents was 22.",
    "cha-identified": (
        "In 2023, survey identified 20,436 ha of Confirmed Hazardous Area (CHA), 40.9% of the "
        "9th NSEDP annual target of 50,000 ha and 81.7% of the SPF III annual target of "
        "25,000 ha."
    ),
    "area-cleared": (
        "In 2023, 5,815 ha were cleared (5,190 ha agricultural land, 625 ha land for "
        "development), 58.2% of the 9th NSEDP and SPF III annual targets of 10,000 ha."
    ),
    "victims-assisted": (
        "In 2023, 3,262 UXO victims received assistance, 283.2% of the 9th NSEDP annual "
        "target of 1,152 people and 286.1% of the SPF III annual target of 1,140 people."
    ),
}

LAO_2023 = {
    "casualties": (
        "ໃນປີ 2023, ມີຜູ້ບາດເຈັບ ແລະ ເສຍຊີວິດຈາກລະເບີດບໍ່ທັນແຕກ 47 ຄົນ (ບາດເຈັບ 36 ຄົນ, "
        "ເສຍຊີວິດ 11 ຄົນ), ເກີນເພດານປະຈຳປີ ຂອງ ແຜນ 5 ປີ ຄັ້ງທີ IX (ໜ້ອຍກວ່າ 40 ຄົນ) ແລະ "
        "ເພດານປະຈຳປີ ຂອງ ເສັ້ນທາງປອດໄພ III (ໜ້ອຍກວ່າ 38 ຄົນ)."
    ),
    "accidents": "ໃນປີ 2023, ເກີດອຸບັດຕິເຫດຈາກລະເບີດບໍ່ທັນແຕກ 22 ຄັ້ງ.",
    "cha-identified": (
        "ໃນປີ 2023, ການສຳຫຼວດໄດ້ລະບຸພື້ນທີ່ອັນຕະລາຍທີ່ຢັ້ງຢືນແລ້ວ (CHA) ໄດ້ 20.436 ເຮັກຕາ, "
        "ຄິດເປັນ 40,9% ຂອງຄາດໝາຍປະຈຳປີ 50.000 ເຮັກຕາ ຂອງ ແຜນ 5 ປີ ຄັ້ງທີ IX ແລະ ຄິດເປັນ "
        "81,7% ຂອງຄາດໝາຍປະຈຳປີ 25.000 ເຮັກຕາ ຂອງ ເສັ້ນທາງປອດໄພ III."
    ),
    "area-cleared": (
        "ໃນປີ 2023, ໄດ້ເກັບກູ້ລະເບີດບໍ່ທັນແຕກ ໃນເນື້ອທີ່ 5.815 ເຮັກຕາ (ພື້ນທີ່ກະສິກຳ "
        "5.190 ເຮັກຕາ, ພື້ນທີ່ເພື່ອການພັດທະນາ 625 ເຮັກຕາ), ຄິດເປັນ 58,2% ຂອງຄາດໝາຍປະຈຳປີ "
        "10.000 ເຮັກຕາ ຂອງ ແຜນ 5 ປີ ຄັ້ງທີ IX ແລະ ເສັ້ນທາງປອດໄພ III."
    ),
    "victims-assisted": (
        "ໃນປີ 2023, ຜູ້ຖືກເຄາະຮ້າຍຈາກລະເບີດບໍ່ທັນແຕກ 3.262 ຄົນ ໄດ້ຮັບການຊ່ວຍເຫຼືອ, ຄິດເປັນ "
        "283,2% ຂອງຄາດໝາຍປະຈຳປີ 1.152 ຄົນ ຂອງ ແຜນ 5 ປີ ຄັ້ງທີ IX ແລະ ຄິດເປັນ 286,1% "
        "ຂອງຄາດໝາຍປະຈຳປີ 1.140 ຄົນ ຂອງ ເສັ້ນທາງປອດໄພ III."
    ),
}


def by_code(year=2023):
    return {r.code: r for r in key_result_sentences(year)}


def set_actual(code, value, component=None):
    Actual.objects.filter(
        indicator__code=code, year=2023, component__code=component, disaggregation={}
    ).update(value=Decimal(str(value)))


def test_the_2023_key_results_read_in_english(demo):
    assert {code: r.en for code, r in by_code().items()} == ENGLISH_2023


def test_the_2023_key_results_read_in_lao(demo):
    assert {code: r.lo for code, r in by_code().items()} == LAO_2023


def test_the_key_results_follow_the_indicators_order(demo):
    assert [r.code for r in key_result_sentences(2023)] == list(ENGLISH_2023)


def test_a_year_without_figures_has_no_key_results(demo):
    assert key_result_sentences(2022) == []


def test_a_ceiling_kept_by_one_framework_and_broken_for_another_reads_both_ways(demo):
    set_actual("casualties", 39)
    assert by_code()["casualties"].en == (
        "In 2023, the number of UXO casualties was 39 (36 injured, 11 killed), within the 9th "
        "NSEDP annual ceiling of fewer than 40 people and above the SPF III annual ceiling of "
        "fewer than 38 people."
    )


def test_a_ceiling_kept_by_one_framework_and_broken_for_another_reads_in_lao(demo):
    set_actual("casualties", 39)
    assert by_code()["casualties"].lo == (
        "ໃນປີ 2023, ມີຜູ້ບາດເຈັບ ແລະ ເສຍຊີວິດຈາກລະເບີດບໍ່ທັນແຕກ 39 ຄົນ (ບາດເຈັບ 36 ຄົນ, "
        "ເສຍຊີວິດ 11 ຄົນ), ຢູ່ພາຍໃນເພດານປະຈຳປີ ຂອງ ແຜນ 5 ປີ ຄັ້ງທີ IX (ໜ້ອຍກວ່າ 40 ຄົນ) ແລະ "
        "ເກີນເພດານປະຈຳປີ ຂອງ ເສັ້ນທາງປອດໄພ III (ໜ້ອຍກວ່າ 38 ຄົນ)."
    )


def test_a_figure_equal_to_a_fewer_than_ceiling_is_at_the_ceiling_not_within_it(demo):
    set_actual("casualties", 38)
    assert by_code()["casualties"].en.endswith(
        "within the 9th NSEDP annual ceiling of fewer than 40 people and at the SPF III annual "
        "ceiling of fewer than 38 people."
    )


def test_ceilings_kept_by_every_framework_read_within(demo):
    set_actual("casualties", 30)
    assert "was 30 (36 injured, 11 killed), within the 9th NSEDP annual ceiling of fewer than " in (
        by_code()["casualties"].en
    )


def test_one_victim_reads_in_the_singular(demo):
    set_actual("victims-assisted", 1)
    assert by_code()["victims-assisted"].en.startswith(
        "In 2023, 1 UXO victim received assistance, 0.1% of the 9th NSEDP annual target"
    )


def test_a_total_without_components_or_targets_is_a_plain_sentence(demo):
    Actual.objects.filter(indicator__code="area-cleared", component__isnull=False).delete()
    set_actual("area-cleared", "12.5")
    assert by_code()["area-cleared"].en == (
        "In 2023, 12.5 ha were cleared, 0.1% of the 9th NSEDP and SPF III annual targets of "
        "10,000 ha."
    )


def test_an_indicator_without_its_own_wording_gets_the_generic_sentence(demo):
    indicator = make_indicator(
        "risk-education", name_en="People reached by risk education", unit="people"
    )
    make_actual(indicator, value=120500)
    assert by_code()["risk-education"].en == (
        "In 2023, People reached by risk education: 120,500 people."
    )


def test_an_indicator_with_components_but_no_total_has_no_sentence(demo):
    Actual.objects.filter(indicator__code="casualties", component__isnull=True).delete()
    assert "casualties" not in by_code()


@pytest.mark.parametrize("language", ["en", "lo"])
def test_every_generated_sentence_passes_the_narrative_check(demo, language):
    for result in key_result_sentences(2023):
        assert check_answer(getattr(result, language), language, 2023) == [], result.code


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    area=st.decimals(min_value=0, max_value=10**8, places=2),
    agricultural=st.decimals(min_value=0, max_value=10**6, places=2),
    cha=st.decimals(min_value=0, max_value=10**6, places=2),
    casualties=st.integers(min_value=0, max_value=5000),
    victims=st.integers(min_value=0, max_value=100_000),
    language=st.sampled_from(["en", "lo"]),
)
def test_any_generated_sentence_passes_the_narrative_check(
    demo, area, agricultural, cha, casualties, victims, language
):
    with transaction.atomic():
        set_actual("area-cleared", area)
        set_actual("area-cleared", agricultural, component="agricultural")
        set_actual("cha-identified", cha)
        set_actual("casualties", casualties)
        set_actual("victims-assisted", victims)
        for result in key_result_sentences(2023):
            text = getattr(result, language)
            assert check_answer(text, language, 2023) == [], text
        transaction.set_rollback(True)
