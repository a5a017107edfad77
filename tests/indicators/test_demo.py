from django.core.management import call_command

from indicators.models import Actual, Framework, Indicator, Target


def _snapshot():
    return [
        list(model.objects.order_by("pk").values())
        for model in (Framework, Indicator, Target, Actual)
    ]


def test_load_demo_twice_changes_nothing(db, capsys):
    call_command("load_demo")
    first = _snapshot()
    call_command("load_demo")
    assert _snapshot() == first
    assert "0 rows created" in capsys.readouterr().out


def test_load_demo_keeps_a_figure_corrected_since(db):
    call_command("load_demo")
    Actual.objects.filter(indicator__code="accidents").update(value=23)
    call_command("load_demo")
    assert Actual.objects.get(indicator__code="accidents").value == 23


def test_the_demo_holds_the_2023_figures_as_the_seed_states_them(demo):
    totals = {
        a.indicator.code: a.value
        for a in Actual.objects.filter(year=2023, component=None).select_related("indicator")
    }
    assert totals == {
        "casualties": 47,
        "accidents": 22,
        "cha-identified": 20436,
        "area-cleared": 5815,
        "victims-assisted": 3262,
    }
    assert Framework.objects.count() == 4
    assert Target.objects.filter(status="proposed", kind="cumulative").count() == 4
