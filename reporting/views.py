"""The annual report in the browser: list, read, edit answers and people, workflow."""

from django.contrib import messages
from django.contrib.auth import authenticate, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from indicators.models import Framework, Indicator
from indicators.summary import framework_standing, totals_by_year

from . import access, history, services
from .annexes import AnnexForm
from .exports import CONTENT_TYPES, export_report, filename
from .forms import AnswerForm, PeopleFormSet, ReportCreateForm
from .key_results import key_result_sentences
from .models import Answer, Report
from .narrative import ReportFinding, check_report, check_section


def _report_for(request, pk: int, action: str = "view") -> Report:
    report = get_object_or_404(Report.objects.select_related("swg", "template"), pk=pk)
    if not access.may(request.user, action, report):
        raise PermissionDenied
    return report


def _report_url(report: Report, anchor: str = "") -> str:
    return reverse("report", args=[report.pk]) + (f"#{anchor}" if anchor else "")


@require_safe
@login_required
def report_list(request):
    if not access.may_list(request.user):
        raise PermissionDenied
    context = {
        "reports": access.visible_reports(request.user),
        "can_create": access.may_create(request.user),
        "form": ReportCreateForm(),
    }
    return render(request, "reporting/report_list.html", context)


@require_POST
@login_required
def report_create(request):
    if not access.may_create(request.user):
        raise PermissionDenied
    form = ReportCreateForm(request.POST)
    swg = access.creatable_swgs(request.user).first()
    if form.is_valid() and swg is not None:
        try:
            report = services.report_create(
                swg=swg,
                year=form.cleaned_data["year"],
                user=request.user,
                from_last_year=form.cleaned_data["from_last_year"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The draft report was created."))
            return redirect(_report_url(report))
    else:
        messages.error(request, _("Give a year between 2000 and 2100."))
    return redirect("reports")


def key_figures(year: int) -> list[dict]:
    """The year's figures and standings, for the panel beside the report."""
    frameworks = list(Framework.objects.all())
    rows = []
    for indicator in Indicator.objects.with_figures():
        standings = [framework_standing(indicator, f, year) for f in frameworks]
        rows.append(
            {
                "indicator": indicator,
                "value": totals_by_year(indicator).get(year),
                "standings": [s for s in standings if s.target is not None],
            }
        )
    return rows


@require_safe
@login_required
def report_detail(request, pk):
    report = _report_for(request, pk)
    answers = list(report.answers.select_related("section", "updated_by"))
    findings = check_report(report)
    for answer in answers:
        answer.narrative_findings = [f for f in findings if f.section == answer.section.number]
    context = {
        "narrative_findings": findings,
        "report": report,
        "answers": answers,
        "people": report.people.select_related("field"),
        "events": report.events.select_related("user"),
        "key_figures": key_figures(report.year),
        "annexes": list(report.annexes.select_related("uploaded_by")),
        "editions": list(report.editions.all()),
        "annex_form": AnnexForm(),
        "can": {a: access.may(request.user, a, report) for a in access.ACTIONS},
        "last_return": report.events.filter(action="returned").last(),
        "one_language": [a for a in answers if a.one_language_only],
    }
    context["can_edit"] = context["can"]["edit"]
    return render(request, "reporting/report_detail.html", context)


def _reauthenticate(request):
    """A save from a session that has expired: ask for the password again and keep
    every field that was typed, so nothing is lost."""
    if request.POST.get("reauth_username"):
        user = authenticate(
            request,
            username=request.POST["reauth_username"],
            password=request.POST.get("reauth_password", ""),
        )
        if user is not None:
            login(request, user)
            return None
        messages.error(request, _("The username or password is wrong. Your text is kept below."))
    carried = {k: v for k, v in request.POST.items() if not k.startswith(("reauth_", "csrf"))}
    return render(request, "reporting/reauth.html", {"carried": carried}, status=401)


def _section_findings(answer: Answer, text_lo: str, text_en: str) -> list[ReportFinding]:
    return check_section(answer.section.number, text_lo, text_en, answer.report.year)


def _appended(text: str, sentences: list[str]) -> str:
    addition = " ".join(sentences)
    return f"{text.rstrip()}\n\n{addition}" if text.strip() else addition


def _section_save(request, report: Report, answer: Answer, form: AnswerForm):
    """Save both answers from a valid form: back to the report, or the conflict screen
    when someone saved since the form was opened."""
    data = form.cleaned_data
    try:
        saved = services.answer_save(
            answer=answer,
            text_lo=data["text_lo"],
            text_en=data["text_en"],
            base_version=data["base_version"],
            user=request.user,
        )
    except services.EditConflict as conflict:
        theirs = conflict.current
        mine = AnswerForm(
            initial={
                "text_lo": data["text_lo"],
                "text_en": data["text_en"],
                "base_version": theirs.version,
            },
            answer=theirs,
        )
        context = {
            "report": report,
            "answer": answer,
            "form": mine,
            "key_figures": key_figures(report.year),
            "theirs": theirs,
            "mine": data,
        }
        return render(request, "reporting/section_conflict.html", context, status=409)
    if saved.one_language_only:
        messages.warning(request, _("Saved. This section is answered in one language only."))
    else:
        messages.success(request, _("Saved."))
    found = _section_findings(answer, saved.text_lo, saved.text_en)
    if found:
        messages.warning(
            request,
            ngettext(
                "%(count)s figure in this section does not match the data: see below.",
                "%(count)s figures in this section do not match the data: see below.",
                len(found),
            )
            % {"count": len(found)},
        )
    return redirect(_report_url(report, f"section-{answer.section.number}"))


@require_http_methods(["GET", "POST"])
def section_edit(request, pk, section_pk):
    """Edit one section's two answers. Besides saving, the form can check its figures
    against the data, or insert generated key results, without saving anything."""
    if not request.user.is_authenticated:
        if request.method == "GET":
            return redirect_to_login(request.get_full_path())
        refused = _reauthenticate(request)
        if refused is not None:
            return refused
    report = _report_for(request, pk, "edit")
    answer = get_object_or_404(
        Answer.objects.select_related("section", "report"), report=report, section_id=section_pk
    )
    form = AnswerForm(request.POST or None, answer=answer)
    action = "insert" if "insert" in request.POST else request.POST.get("action")
    if action not in ("check", "insert"):
        action = "save"
    if request.method == "POST" and form.is_valid() and action == "save":
        return _section_save(request, report, answer, form)
    key_results = key_result_sentences(report.year)
    context = {
        "report": report,
        "answer": answer,
        "form": form,
        "key_figures": key_figures(report.year),
        "key_results": key_results,
        "checked": request.method == "GET",
    }
    if request.method == "POST" and form.is_valid():  # check or insert: nothing is saved
        data = form.cleaned_data
        text_lo, text_en = data["text_lo"], data["text_en"]
        if action == "insert":
            chosen = request.POST.get("insert", "")
            picked = [r for r in key_results if chosen in ("all", r.code)]
            if not picked:
                messages.error(request, _("Choose a key result to insert."))
            else:
                text_lo = _appended(text_lo, [r.lo for r in picked])
                text_en = _appended(text_en, [r.en for r in picked])
                messages.info(
                    request,
                    _("Inserted into both answers, not saved yet: edit them, then save."),
                )
        context["form"] = AnswerForm(
            initial={"text_lo": text_lo, "text_en": text_en, "base_version": data["base_version"]},
            answer=answer,
        )
        findings = _section_findings(answer, text_lo, text_en)
        if action == "check":
            # Said at the top too: on a phone the findings panel comes after the form.
            if findings:
                messages.warning(
                    request,
                    ngettext(
                        "%(count)s figure does not match the data: see “Figures in these "
                        "answers”. Nothing is saved yet.",
                        "%(count)s figures do not match the data: see “Figures in these "
                        "answers”. Nothing is saved yet.",
                        len(findings),
                    )
                    % {"count": len(findings)},
                )
            else:
                messages.success(request, _("Every figure matches the data. Nothing is saved yet."))
        context |= {"findings": findings, "checked": True}
        return render(request, "reporting/section_edit.html", context)
    if request.method == "GET":
        context["findings"] = _section_findings(answer, answer.text_lo, answer.text_en)
    return render(request, "reporting/section_edit.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def people_edit(request, pk):
    report = _report_for(request, pk, "edit")
    formset = PeopleFormSet(
        request.POST or None, instance=report, form_kwargs={"template": report.template}
    )
    if request.method == "POST" and formset.is_valid():
        with transaction.atomic():
            formset.save()
        messages.success(request, _("The people were saved."))
        return redirect(_report_url(report, "people"))
    status = 400 if request.method == "POST" else 200
    return render(
        request, "reporting/people_edit.html", {"report": report, "formset": formset}, status=status
    )


TRANSITIONS = {
    "submit": lambda report, user, text: services.report_submit(report=report, user=user),
    "return": lambda report, user, text: services.report_return(
        report=report, user=user, comment=text
    ),
    "approve": lambda report, user, text: services.report_approve(report=report, user=user),
    "reopen": lambda report, user, text: services.report_reopen(
        report=report, user=user, reason=text
    ),
}
DONE = {  # translated when shown
    "submit": gettext_lazy("The report was submitted to the chair and co-chairs."),
    "return": gettext_lazy("The report was returned to the secretariat with your comment."),
    "approve": gettext_lazy("The report was approved. It is now locked."),
    "reopen": gettext_lazy("The report was reopened as a draft. This is logged."),
}


@require_POST
@login_required
def report_transition(request, pk, action):
    if action not in TRANSITIONS:
        raise PermissionDenied
    report = _report_for(request, pk, action)
    try:
        TRANSITIONS[action](report, request.user, request.POST.get("comment", ""))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, str(DONE[action]))
    return redirect(_report_url(report))


@require_safe
@login_required
def report_history(request, pk):
    """Who changed what and when, and the difference between two versions of an
    answer (by default its latest change)."""
    report = _report_for(request, pk)
    answers = list(report.answers.select_related("section"))
    chosen = next((a for a in answers if str(a.pk) == request.GET.get("answer")), None)
    chosen = chosen or next((a for a in answers if a.version > 1), answers[0] if answers else None)
    diff = None
    if chosen is not None:
        versions = list(chosen.history.select_related("history_user").order_by("-history_id"))
        by_id = {str(v.history_id): v for v in versions}
        new = by_id.get(request.GET.get("b")) or (versions[0] if versions else None)
        old = by_id.get(request.GET.get("a")) or (versions[1] if len(versions) > 1 else new)
        if new is not None:
            diff = {
                "answer": chosen,
                "versions": versions,
                "old": old,
                "new": new,
                "lo": history.side_by_side(old.text_lo, new.text_lo, "lo"),
                "en": history.side_by_side(old.text_en, new.text_en, "en"),
            }
    context = {
        "report": report,
        "answers": answers,
        "diff": diff,
        "events": report.events.select_related("user"),
        "people_changes": report.people.model.history.filter(report_id=report.pk)
        .select_related("history_user")
        .order_by("-history_date")[:50],
    }
    return render(request, "reporting/report_history.html", context)


@require_safe
@login_required
def report_export(request, pk, fmt):
    """The report as Word or PDF, for anyone who may read it."""
    if fmt not in CONTENT_TYPES:
        raise Http404
    report = _report_for(request, pk)
    response = HttpResponse(export_report(report, fmt), content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename(report, fmt)}"'
    return response
