"""The annual report to the Round Table: templates as data, reports, people, answers,
annexes and the workflow log. Reads `indicators`; `indicators` never reads this."""

import uuid

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from uxosector.bilingual import BilingualNameMixin, localized


class SectorWorkingGroup(BilingualNameMixin, models.Model):
    code = models.SlugField(_("code"), max_length=30, unique=True)
    name_lo = models.CharField(_("name (Lao)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200)

    class Meta:
        ordering = ["code"]
        verbose_name = _("sector working group")
        verbose_name_plural = _("sector working groups")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """Which Sector Working Groups a person works in. The role (secretariat, chair…)
    is the person's group; membership says where it applies, so one installation can
    serve several SWGs."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    swg = models.ForeignKey(
        SectorWorkingGroup, models.CASCADE, related_name="memberships", verbose_name=_("SWG")
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "swg"], name="membership_unique")]

    def __str__(self) -> str:
        return f"{self.user} · {self.swg}"


class ReportTemplate(models.Model):
    """The year's reporting template: the questions change from year to year."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title_lo = models.CharField(_("title (Lao)"), max_length=300)
    title_en = models.CharField(_("title (English)"), max_length=300)
    intro_lo = models.TextField(_("introduction (Lao)"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("reporting template")
        verbose_name_plural = _("reporting templates")

    def __str__(self) -> str:
        return f"{self.year}: {self.title}"

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def intro(self) -> str:
        return localized(self, "intro")


class HeaderField(models.Model):
    """A people field of the template's header: chair, co-chairs, secretariat…"""

    template = models.ForeignKey(
        ReportTemplate, models.CASCADE, related_name="header_fields", verbose_name=_("template")
    )
    code = models.SlugField(_("code"), max_length=40)
    label_lo = models.CharField(_("label (Lao)"), max_length=200)
    label_en = models.CharField(_("label (English)"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["template", "order"]
        verbose_name = _("header field")
        verbose_name_plural = _("header fields")
        constraints = [
            models.UniqueConstraint(fields=["template", "code"], name="header_field_unique")
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return localized(self, "label")


class Section(models.Model):
    """A numbered question of the template, in its official Lao and English wording."""

    template = models.ForeignKey(
        ReportTemplate, models.CASCADE, related_name="sections", verbose_name=_("template")
    )
    number = models.CharField(_("number"), max_length=10, help_text=_("For example 1 or 3.a."))
    question_lo = models.TextField(_("question (Lao)"))
    question_en = models.TextField(_("question (English)"))
    length_hint_lo = models.CharField(_("length (Lao)"), max_length=40, blank=True)
    length_hint_en = models.CharField(_("length (English)"), max_length=40, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["template", "order"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="section_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {localized(self, 'question')[:60]}"


class Report(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        RETURNED = "returned", _("returned for changes")
        APPROVED = "approved", _("approved")

    EDITABLE = (Status.DRAFT, Status.RETURNED)

    swg = models.ForeignKey(
        SectorWorkingGroup, models.PROTECT, related_name="reports", verbose_name=_("SWG")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    template = models.ForeignKey(
        ReportTemplate, models.PROTECT, related_name="reports", verbose_name=_("template")
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords(verbose_name=_("report history"))

    class Meta:
        ordering = ["-year", "swg"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(fields=["swg", "year"], name="report_one_per_swg_year")
        ]

    def __str__(self) -> str:
        return f"{self.swg} {self.year}"

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE


class ReportPerson(models.Model):
    """A name and position under one header field, with optional from/until dates
    (in 2023 the chair changed in September)."""

    report = models.ForeignKey(
        Report, models.CASCADE, related_name="people", verbose_name=_("report")
    )
    field = models.ForeignKey(
        HeaderField, models.PROTECT, related_name="people", verbose_name=_("role in the report")
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=300)
    from_date = models.DateField(_("from"), null=True, blank=True)
    until_date = models.DateField(_("until"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords(verbose_name=_("people history"))

    class Meta:
        ordering = ["report", "field__order", "order", "pk"]
        verbose_name = _("person")
        verbose_name_plural = pgettext_lazy("people named in a report", "people")
        constraints = [
            models.CheckConstraint(
                condition=Q(until_date__isnull=True)
                | Q(from_date__isnull=True)
                | Q(until_date__gte=F("from_date")),
                name="person_dates_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name}, {self.position}"


class Answer(models.Model):
    """A section's answer in Lao and in English. `version` grows with every save, so a
    save made from an older version is caught and nothing typed is lost."""

    report = models.ForeignKey(
        Report, models.CASCADE, related_name="answers", verbose_name=_("report")
    )
    section = models.ForeignKey(
        Section, models.PROTECT, related_name="answers", verbose_name=_("section")
    )
    text_lo = models.TextField(_("answer (Lao)"), blank=True)
    text_en = models.TextField(_("answer (English)"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    history = HistoricalRecords(verbose_name=_("answer history"))

    class Meta:
        ordering = ["report", "section__order"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["report", "section"], name="answer_one_per_section")
        ]

    def __str__(self) -> str:
        return f"{self.report} · {self.section.number}"

    @property
    def one_language_only(self) -> bool:
        return bool(self.text_lo.strip()) != bool(self.text_en.strip())


class ReportEvent(models.Model):
    """The workflow log: who submitted, returned, approved or reopened, when, and why."""

    class Action(models.TextChoices):
        CREATED = "created", _("created")
        SUBMITTED = "submitted", _("submitted")
        RETURNED = "returned", _("returned for changes")
        APPROVED = "approved", _("approved")
        REOPENED = "reopened", _("reopened")

    report = models.ForeignKey(
        Report, models.CASCADE, related_name="events", verbose_name=_("report")
    )
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    comment = models.TextField(_("comment"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, verbose_name=_("by")
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["report", "at", "pk"]
        verbose_name = _("report event")
        verbose_name_plural = _("report events")

    def __str__(self) -> str:
        return f"{self.report}: {self.get_action_display()}"


class Annex(models.Model):
    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", "Word (DOCX)"
        XLSX = "xlsx", "Excel (XLSX)"
        PNG = "png", "PNG"
        JPEG = "jpeg", "JPEG"

    report = models.ForeignKey(
        Report, models.CASCADE, related_name="annexes", verbose_name=_("report")
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="annexes/%Y/")
    kind = models.CharField(_("kind"), max_length=5, choices=Kind.choices)
    size = models.PositiveIntegerField(_("size"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["report", "uploaded_at"]
        verbose_name = _("annex")
        verbose_name_plural = _("annexes")

    def __str__(self) -> str:
        return self.title


class Edition(models.Model):
    """The report as approved: its text and the figures it was approved with, kept
    whatever changes later, under a permanent address."""

    report = models.ForeignKey(
        Report, models.CASCADE, related_name="editions", verbose_name=_("report")
    )
    number = models.PositiveSmallIntegerField(_("edition"))
    key = models.UUIDField(_("permanent key"), default=uuid.uuid4, unique=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, verbose_name=_("approved by")
    )
    approved_at = models.DateTimeField(_("approved at"), auto_now_add=True)
    content = models.JSONField(_("content"), encoder=DjangoJSONEncoder)

    class Meta:
        ordering = ["report", "number"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="edition_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.report} · {self.number}"
