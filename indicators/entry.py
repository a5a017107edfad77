"""The yearly entry page's forms: one small form per figure (a 'slot': an indicator's
total, one of its components, or an existing disaggregated row) and the changes they
make, shown back to the person before anything is saved."""

import hashlib
from dataclasses import dataclass
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from uxosector.bilingual import active_language

from .formatting import format_number
from .models import Actual, Component, Indicator
from .numbers import NumberError, parse_quantity

FIELDS = ("value", "status", "source", "as_of", "note")


@dataclass
class Slot:
    indicator: Indicator
    component: Component | None
    disaggregation: dict
    actual: Actual | None

    @property
    def prefix(self) -> str:
        if self.disaggregation:
            return f"{self.indicator.code}--row{self.actual.pk}"
        return f"{self.indicator.code}--{self.component.code if self.component else 'total'}"

    @property
    def label(self) -> str:
        if self.component:
            return self.component.name
        if self.disaggregation:
            return ", ".join(f"{k}: {v}" for k, v in sorted(self.disaggregation.items()))
        return str(_("Total"))


class FigureForm(forms.Form):
    value = forms.CharField(
        label=_("Value"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=Actual.Status.choices, initial=Actual.Status.PROVISIONAL
    )
    source = forms.CharField(label=_("Source"), required=False, max_length=300)
    as_of = forms.DateField(
        label=_("As of"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 1})
    )

    def __init__(self, *args, slot: Slot, **kwargs):
        self.slot = slot
        actual = slot.actual
        if actual is not None:
            kwargs["initial"] = {
                "value": format_number(actual.value),
                "status": actual.status,
                "source": actual.source,
                "as_of": actual.as_of,
                "note": actual.note,
            }
        super().__init__(*args, prefix=slot.prefix, **kwargs)
        for name, field in self.fields.items():
            css = "form-select" if name == "status" else "form-control"
            field.widget.attrs["class"] = f"{css} {css}-sm"

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs["class"] += " is-invalid"
                attrs["aria-invalid"] = "true"

    def clean_value(self) -> Decimal | None:
        indicator = self.slot.indicator
        try:
            return parse_quantity(
                self.cleaned_data["value"],
                language=active_language(),
                whole=indicator.is_count,
                unit=indicator.get_unit_display(),
            )
        except NumberError as error:
            raise forms.ValidationError(error.message, code=error.code) from error

    def clean(self):
        data = super().clean()
        if data.get("value") is not None and not (data.get("source") or "").strip():
            self.add_error(
                "source",
                forms.ValidationError(_("Give the source of this figure."), code="required"),
            )
        return data

    def change(self) -> "Change | None":
        """What saving this form would do, or None when it changes nothing."""
        data = self.cleaned_data
        before = self.slot.actual
        if data["value"] is None:
            return Change(self.slot, before, None) if before else None
        after = {field: data[field] for field in FIELDS}
        after["source"] = after["source"].strip()
        if before and all(getattr(before, f) == after[f] for f in FIELDS):
            return None
        return Change(self.slot, before, after)


@dataclass
class Change:
    slot: Slot
    before: Actual | None
    after: dict | None  # None: the figure is deleted

    @property
    def kind(self) -> str:
        if self.after is None:
            return "deleted"
        return "updated" if self.before else "created"

    @property
    def value_changed(self) -> bool:
        return self.after is None or self.before is None or self.before.value != self.after["value"]

    def signature(self) -> str:
        after = self.after or {}
        parts = [self.slot.prefix, self.kind] + [str(after.get(f, "")) for f in FIELDS]
        return "\x1f".join(parts)


def slots_for_year(indicators, year: int) -> list[tuple[Indicator, list[Slot]]]:
    """Each indicator with the figures a person can enter for `year`: the total, each
    component, then any disaggregated rows already recorded."""
    grouped = []
    for indicator in indicators:
        actuals = [a for a in indicator.actuals.all() if a.year == year]
        plain = {a.component_id: a for a in actuals if not a.disaggregation}
        slots = [Slot(indicator, None, {}, plain.get(None))]
        slots += [Slot(indicator, c, {}, plain.get(c.pk)) for c in indicator.components.all()]
        slots += [
            Slot(indicator, a.component, a.disaggregation, a) for a in actuals if a.disaggregation
        ]
        grouped.append((indicator, slots))
    return grouped


def build_forms(indicators, year: int, data=None):
    return [
        (indicator, [FigureForm(data, slot=slot) for slot in slots])
        for indicator, slots in slots_for_year(indicators, year)
    ]


def all_forms(groups) -> list[FigureForm]:
    return [form for _indicator, forms_ in groups for form in forms_]


def changes_of(groups) -> list[Change]:
    return [c for c in (form.change() for form in all_forms(groups)) if c is not None]


def digest(changes: list[Change]) -> str:
    """A fingerprint of exactly what the person was shown, so that 'confirm' saves
    nothing else."""
    text = "\x1e".join(c.signature() for c in changes)
    return hashlib.sha256(text.encode()).hexdigest()[:32]
