from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from uxosector.bilingual import BilingualNameMixin, localized

from . import achievement
from .formatting import format_number

YEAR_VALIDATORS = [MinValueValidator(1970), MaxValueValidator(2100)]
CODE_VALIDATOR = RegexValidator(
    r"^[A-Z0-9][A-Z0-9_-]*$",
    _("Use capital letters, digits, '-' and '_' only."),
    code="invalid_code",
)


class CanonicalJSONField(models.JSONField):
    """A JSON object stored with its keys sorted, so equal mappings are equal text.

    SQLite compares JSON as text: without this, {"Sex": .., "Age": ..} and
    {"Age": .., "Sex": ..} would slip past the unique constraint on actuals.
    """

    def get_prep_value(self, value):
        if isinstance(value, dict):
            value = {str(k): str(v) for k, v in sorted(value.items())}
        return super().get_prep_value(value)


class Framework(BilingualNameMixin, models.Model):
    code = models.CharField(_("code"), max_length=20, unique=True, validators=[CODE_VALIDATOR])
    name_lo = models.CharField(_("name (Lao)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    short_name_lo = models.CharField(_("short name (Lao)"), max_length=60)
    short_name_en = models.CharField(_("short name (English)"), max_length=60)
    start_year = models.PositiveSmallIntegerField(_("first year"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(_("last year"), validators=YEAR_VALIDATORS)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("framework")
        verbose_name_plural = _("frameworks")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")), name="framework_range_ordered"
            ),
        ]

    def __str__(self) -> str:
        return self.short_name

    @property
    def short_name(self) -> str:
        return localized(self, "short_name")


class IndicatorQuerySet(models.QuerySet):
    def with_figures(self):
        """Indicators with their components, targets (and frameworks) and actuals
        loaded in a fixed number of queries, whatever the number of indicators."""
        return self.prefetch_related(
            "components",
            models.Prefetch(
                "targets",
                queryset=Target.objects.select_related("framework").order_by(
                    "framework__order", "kind", "start_year"
                ),
            ),
            models.Prefetch(
                "actuals",
                queryset=Actual.objects.select_related("component").order_by("year"),
            ),
        )


class Indicator(BilingualNameMixin, models.Model):
    class Unit(models.TextChoices):
        PEOPLE = "people", _("people")
        ACCIDENTS = "accidents", _("accidents")
        HECTARES = "ha", _("ha")

    class Direction(models.TextChoices):
        LOWER = "lower", _("lower is better")
        HIGHER = "higher", _("higher is better")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_lo = models.CharField(_("name (Lao)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    definition_lo = models.TextField(_("definition (Lao)"), blank=True)
    definition_en = models.TextField(_("definition (English)"), blank=True)
    unit = models.CharField(_("unit"), max_length=20, choices=Unit.choices)
    direction = models.CharField(_("better when"), max_length=10, choices=Direction.choices)
    sdg_code = models.CharField(
        _("SDG indicator"), max_length=20, blank=True, help_text=_("For example 18.1.1.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        ordering = ["order", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name

    @property
    def definition(self) -> str:
        return localized(self, "definition")

    @property
    def is_count(self) -> bool:
        """Counts of people or events are whole numbers; areas may have decimals."""
        return self.unit != self.Unit.HECTARES


class Component(BilingualNameMixin, models.Model):
    """A named part of an indicator's total: injured and killed make the casualties."""

    indicator = models.ForeignKey(
        Indicator, models.CASCADE, related_name="components", verbose_name=_("indicator")
    )
    code = models.SlugField(_("code"), max_length=40)
    name_lo = models.CharField(_("name (Lao)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["indicator", "order", "code"]
        verbose_name = _("component")
        verbose_name_plural = _("components")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "code"], name="component_code_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class Target(models.Model):
    class Kind(models.TextChoices):
        ANNUAL = achievement.Kind.ANNUAL, _("every year")
        CUMULATIVE = achievement.Kind.CUMULATIVE, _("cumulative over the period")

    class Comparator(models.TextChoices):
        LT = achievement.Comparator.LT, _("fewer than (ceiling)")
        LE = achievement.Comparator.LE, _("at most (ceiling)")
        GE = achievement.Comparator.GE, _("at least (floor)")
        GT = achievement.Comparator.GT, _("more than (floor)")

    class Status(models.TextChoices):
        ADOPTED = "adopted", _("adopted")
        PROPOSED = "proposed", _("proposed")

    framework = models.ForeignKey(
        Framework, models.PROTECT, related_name="targets", verbose_name=_("framework")
    )
    indicator = models.ForeignKey(
        Indicator, models.CASCADE, related_name="targets", verbose_name=_("indicator")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    comparator = models.CharField(_("comparison"), max_length=2, choices=Comparator.choices)
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    start_year = models.PositiveSmallIntegerField(_("first year"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(_("last year"), validators=YEAR_VALIDATORS)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ADOPTED
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords(verbose_name=_("target history"))

    class Meta:
        ordering = ["indicator", "framework__order", "kind", "start_year"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.CheckConstraint(condition=Q(value__gte=0), name="target_value_not_negative"),
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")), name="target_range_ordered"
            ),
            models.UniqueConstraint(
                fields=["framework", "indicator", "kind", "start_year"],
                name="target_unique_per_framework_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.framework.short_name}: {self.indicator} {self.comparator} {self.value}"

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            message = _("The last year cannot come before the first year.")
            raise ValidationError({"end_year": ValidationError(message, code="range_reversed")})
        if self.indicator_id and self.comparator:
            is_ceiling = self.comparator in (self.Comparator.LT, self.Comparator.LE)
            lower_is_better = self.indicator.direction == Indicator.Direction.LOWER
            if is_ceiling != lower_is_better:
                message = (
                    _("Lower is better for this indicator: its target must be a ceiling.")
                    if lower_is_better
                    else _("Higher is better for this indicator: its target must be a floor.")
                )
                raise ValidationError(
                    {"comparator": ValidationError(message, code="comparator_against_direction")}
                )

    @property
    def is_ceiling(self) -> bool:
        return self.comparator in (self.Comparator.LT, self.Comparator.LE)

    def describe(self) -> str:
        """The target as people say it: 'fewer than 38 people', 'at least 10,000 ha'."""
        wording = {
            self.Comparator.LT: _("fewer than %(value)s %(unit)s"),
            self.Comparator.LE: _("at most %(value)s %(unit)s"),
            self.Comparator.GE: _("at least %(value)s %(unit)s"),
            self.Comparator.GT: _("more than %(value)s %(unit)s"),
        }[self.comparator]
        return wording % {
            "value": format_number(self.value),
            "unit": self.indicator.get_unit_display(),
        }

    def spec(self) -> achievement.TargetSpec:
        return achievement.TargetSpec(
            kind=self.kind,
            comparator=self.comparator,
            value=self.value,
            start_year=self.start_year,
            end_year=self.end_year,
        )


class Actual(models.Model):
    class Status(models.TextChoices):
        PROVISIONAL = "provisional", _("provisional")
        FINAL = "final", _("final")

    indicator = models.ForeignKey(
        Indicator, models.CASCADE, related_name="actuals", verbose_name=_("indicator")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    component = models.ForeignKey(
        Component,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="actuals",
        verbose_name=_("component"),
        help_text=_("Empty for the indicator's total."),
    )
    disaggregation = CanonicalJSONField(
        _("disaggregation"),
        default=dict,
        blank=True,
        help_text=_('Open SDG columns and values, for example {"Sex": "Female"}.'),
    )
    attributes = CanonicalJSONField(
        _("attributes"),
        default=dict,
        blank=True,
        help_text=_("Open SDG attributes kept with the figure, such as UNIT_MEASURE or GeoCode."),
    )
    value = models.DecimalField(
        _("value"), max_digits=14, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PROVISIONAL
    )
    source = models.CharField(_("source"), max_length=300)
    as_of = models.DateField(_("as of"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords(verbose_name=_("actual figure history"))

    class Meta:
        ordering = ["indicator", "year", F("component__order").asc(nulls_first=True)]
        verbose_name = _("actual figure")
        verbose_name_plural = _("actual figures")
        constraints = [
            models.CheckConstraint(condition=Q(value__gte=0), name="actual_value_not_negative"),
            models.UniqueConstraint(
                fields=["indicator", "year", "component", "disaggregation"],
                condition=Q(component__isnull=False),
                name="actual_unique_component_figure",
            ),
            models.UniqueConstraint(
                fields=["indicator", "year", "disaggregation"],
                condition=Q(component__isnull=True),
                name="actual_unique_total_figure",
            ),
        ]

    def __str__(self) -> str:
        part = f" ({self.component})" if self.component_id else ""
        return f"{self.indicator} {self.year}{part}: {self.value}"

    @property
    def is_total(self) -> bool:
        return self.component_id is None and not self.disaggregation

    def clean(self):
        super().clean()
        if self.component_id and self.indicator_id:
            if self.component.indicator_id != self.indicator_id:
                message = _("This component belongs to another indicator.")
                raise ValidationError(
                    {"component": ValidationError(message, code="component_of_other_indicator")}
                )
        if not isinstance(self.disaggregation, dict):
            message = _("Give the disaggregation as columns and values.")
            raise ValidationError(
                {"disaggregation": ValidationError(message, code="disaggregation_not_mapping")}
            )


class FindingNote(models.Model):
    """A person's note on a data-quality finding: the acknowledgement of a warning, or
    the explanation of a missed target. Its key holds the figures the finding was
    about, so changed figures raise the finding afresh."""

    class Rule(models.TextChoices):
        COMPONENTS = "components", _("components add up to the total")
        DISAGGREGATION = "disaggregation", _("disaggregated rows add up to their total")
        CHANGE = "change", _("change from the year before")
        TARGET_MISSED = "target_missed", _("target missed: explanation needed")

    rule = models.CharField(_("rule"), max_length=20, choices=Rule.choices)
    indicator = models.ForeignKey(
        Indicator, models.CASCADE, related_name="finding_notes", verbose_name=_("indicator")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    key = models.CharField(_("finding"), max_length=300)
    note = models.TextField(_("note"))
    created_by = models.ForeignKey(
        "auth.User", models.SET_NULL, null=True, blank=True, verbose_name=_("written by")
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        ordering = ["indicator", "year", "rule"]
        verbose_name = _("note on a finding")
        verbose_name_plural = _("notes on findings")
        constraints = [
            models.UniqueConstraint(
                fields=["rule", "indicator", "year", "key"], name="finding_note_unique"
            ),
            models.CheckConstraint(condition=~Q(note=""), name="finding_note_not_blank"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.get_rule_display()}"


class ImportBatch(models.Model):
    """An uploaded file of figures, kept from its preview to its import and after, so
    what was imported, by whom and from which file can always be told."""

    indicator = models.ForeignKey(
        Indicator, models.CASCADE, related_name="import_batches", verbose_name=_("indicator")
    )
    filename = models.CharField(_("file name"), max_length=255)
    content = models.BinaryField(_("content"))
    source = models.CharField(_("source"), max_length=300)
    status = models.CharField(_("status"), max_length=12, choices=Actual.Status.choices)
    uploaded_by = models.ForeignKey(
        "auth.User", models.SET_NULL, null=True, verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    summary = models.JSONField(_("summary"), default=dict, blank=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.filename} ({self.indicator})"
