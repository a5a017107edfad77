"""Writes to reports: each a transaction that checks its guard, changes, and logs."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from indicators.quality import unexplained_misses

from . import access
from .document import build_document, document_to_data
from .models import Answer, Edition, HeaderField, Report, ReportEvent, ReportTemplate, Section


class EditConflict(Exception):
    """Someone saved the answer since this person opened it."""

    def __init__(self, current: Answer):
        super().__init__("edit conflict")
        self.current = current


def _guard(user, action: str, report: Report) -> None:
    if not access.may(user, action, report):
        raise PermissionDenied


@transaction.atomic
def template_copy(*, template: ReportTemplate, year: int) -> ReportTemplate:
    """A new year's template with last year's header fields and questions, to be
    reworded in the admin; no code changes."""
    if ReportTemplate.objects.filter(year=year).exists():
        raise ValidationError(_("There is already a template for %(year)s.") % {"year": year})
    copy = ReportTemplate.objects.create(
        year=year,
        title_lo=template.title_lo.replace(str(template.year), str(year)),
        title_en=template.title_en.replace(str(template.year), str(year)),
        intro_lo=template.intro_lo,
        intro_en=template.intro_en,
    )
    HeaderField.objects.bulk_create(
        HeaderField(
            template=copy, code=f.code, label_lo=f.label_lo, label_en=f.label_en, order=f.order
        )
        for f in template.header_fields.all()
    )
    Section.objects.bulk_create(
        Section(
            template=copy,
            number=s.number,
            question_lo=s.question_lo,
            question_en=s.question_en,
            length_hint_lo=s.length_hint_lo,
            length_hint_en=s.length_hint_en,
            order=s.order,
        )
        for s in template.sections.all()
    )
    return copy


@transaction.atomic
def report_create(*, swg, year: int, user, from_last_year: bool = False) -> Report:
    """A new draft for `year` on that year's template, with an empty answer per
    section. From last year: the template is copied if the year has none, and the
    people are carried over."""
    if Report.objects.filter(swg=swg, year=year).exists():
        raise ValidationError(_("There is already a report for %(year)s.") % {"year": year})
    previous = (
        Report.objects.filter(swg=swg, year__lt=year).order_by("-year").first()
        if from_last_year
        else None
    )
    if from_last_year and previous is None:
        raise ValidationError(_("There is no earlier report to start from."))
    template = ReportTemplate.objects.filter(year=year).first()
    if template is None and previous is not None:
        template = template_copy(template=previous.template, year=year)
    if template is None:
        raise ValidationError(
            _("There is no reporting template for %(year)s yet: ask an administrator.")
            % {"year": year}
        )
    report = Report.objects.create(swg=swg, year=year, template=template)
    Answer.objects.bulk_create(
        Answer(report=report, section=section) for section in template.sections.all()
    )
    if previous is not None:
        fields = {f.code: f for f in template.header_fields.all()}
        for person in previous.people.select_related("field"):
            if person.field.code in fields:
                person.pk = None
                person.report = report
                person.field = fields[person.field.code]
                person.save()
    ReportEvent.objects.create(report=report, action=ReportEvent.Action.CREATED, user=user)
    return report


@transaction.atomic
def answer_save(*, answer: Answer, text_lo: str, text_en: str, base_version: int, user) -> Answer:
    """Save both languages of an answer unless someone saved it after `base_version`
    was read: then raise EditConflict with their text, and nothing is overwritten."""
    current = Answer.objects.select_for_update().select_related("report__swg").get(pk=answer.pk)
    _guard(user, "edit", current.report)
    if current.version != base_version:
        raise EditConflict(current)
    if (current.text_lo, current.text_en) == (text_lo, text_en):
        return current
    current.text_lo, current.text_en = text_lo, text_en
    current.version += 1
    current.updated_by = user
    current.save(update_fields=["text_lo", "text_en", "version", "updated_by", "updated_at"])
    return current


def _transition(report, user, action, status, event, comment="") -> Report:
    _guard(user, action, report)
    report.status = status
    report.save(update_fields=["status"])
    ReportEvent.objects.create(report=report, action=event, user=user, comment=comment)
    return report


@transaction.atomic
def report_submit(*, report: Report, user) -> Report:
    missing = unexplained_misses(report.year)
    if missing:
        raise ValidationError(
            [
                _("%(indicator)s: %(message)s")
                % {"indicator": f.indicator.name, "message": f.message}
                for f in missing
            ],
            code="unexplained_misses",
        )
    return _transition(
        report, user, "submit", Report.Status.SUBMITTED, ReportEvent.Action.SUBMITTED
    )


@transaction.atomic
def report_return(*, report: Report, user, comment: str) -> Report:
    if not comment.strip():
        raise ValidationError(_("Say what needs to change."), code="comment_required")
    return _transition(
        report, user, "return", Report.Status.RETURNED, ReportEvent.Action.RETURNED, comment
    )


@transaction.atomic
def report_approve(*, report: Report, user) -> Report:
    """Approve, and keep the report as approved (text and figures) as a new edition."""
    _transition(report, user, "approve", Report.Status.APPROVED, ReportEvent.Action.APPROVED)
    Edition.objects.create(
        report=report,
        number=report.editions.count() + 1,
        approved_by=user,
        content=document_to_data(build_document(report)),
    )
    return report


@transaction.atomic
def report_reopen(*, report: Report, user, reason: str) -> Report:
    if not reason.strip():
        raise ValidationError(_("Say why the approved report is reopened."), code="reason_required")
    return _transition(
        report, user, "reopen", Report.Status.DRAFT, ReportEvent.Action.REOPENED, reason
    )
