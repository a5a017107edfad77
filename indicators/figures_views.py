"""Pages where data officers and the secretariat enter, check and import figures."""

from datetime import date

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.roles import FIGURE_EDITORS, role_required

from . import entry, quality
from .formatting import format_number
from .forms import FindingNoteForm
from .models import Actual, FindingNote, Indicator
from .services import actuals_save


def _year_or_404(year: int) -> int:
    if not 1970 <= year <= 2100:
        raise Http404
    return year


@require_safe
@role_required(*FIGURE_EDITORS)
def figures_index(request):
    if "year" in request.GET:
        raw = request.GET["year"]
        if raw.isascii() and raw.isdigit() and 1970 <= int(raw) <= 2100:
            return redirect("figures-year", year=int(raw))
        messages.error(request, _("Give a year between 1970 and 2100."))
    years = sorted(set(Actual.objects.values_list("year", flat=True)), reverse=True)
    current = date.today().year
    offered = sorted({current, current - 1, *years}, reverse=True)
    return render(request, "indicators/figures_index.html", {"years": offered, "recorded": years})


def _describe(change: entry.Change) -> str:
    unit = change.slot.indicator.get_unit_display()
    before = f"{format_number(change.before.value)} {unit}" if change.before else "—"
    after = f"{format_number(change.after['value'])} {unit}" if change.after else "—"
    return f"{change.slot.indicator.name} · {change.slot.label}: {before} → {after}"


@require_http_methods(["GET", "POST"])
@role_required(*FIGURE_EDITORS)
def figures_year(request, year):
    year = _year_or_404(year)
    indicators = list(Indicator.objects.with_figures())
    groups = entry.build_forms(indicators, year, request.POST or None)
    context = {
        "year": year,
        "groups": groups,
        "findings": [f for f in quality.findings(indicators, year=year) if not f.acknowledged],
    }
    if request.method == "POST":
        if not all(form.is_valid() for form in entry.all_forms(groups)):
            messages.error(request, _("Some figures could not be read: nothing was saved."))
            return render(request, "indicators/figures_year.html", context, status=400)
        changes = entry.changes_of(groups)
        if not changes:
            messages.info(request, _("Nothing has changed."))
            return redirect("figures-year", year=year)
        fingerprint = entry.digest(changes)
        if request.POST.get("confirm") == fingerprint:
            described = [_describe(change) for change in changes]  # before saving changes them
            actuals_save(year=year, changes=changes)
            for line in described:
                messages.success(request, line)
            return redirect("figures-year", year=year)
        context |= {"changes": changes, "digest": fingerprint}
    return render(request, "indicators/figures_year.html", context)


def _quality_filters(request) -> tuple[Indicator | None, int | None]:
    code, raw_year = request.GET.get("indicator") or "", request.GET.get("year") or ""
    indicator = Indicator.objects.filter(code=code).first() if code else None
    year = int(raw_year) if raw_year.isascii() and raw_year.isdigit() else None
    return indicator, year


@require_safe
@role_required(*FIGURE_EDITORS)
def figures_quality(request):
    indicator, year = _quality_filters(request)
    indicators = Indicator.objects.with_figures()
    if indicator:
        indicators = indicators.filter(pk=indicator.pk)
    found = quality.findings(indicators, year=year)
    context = {
        "findings": found,
        "open_count": sum(1 for f in found if not f.acknowledged),
        "indicators": Indicator.objects.all(),
        "selected_indicator": indicator,
        "selected_year": year,
    }
    return render(request, "indicators/quality.html", context)


@require_POST
@role_required(*FIGURE_EDITORS)
def figures_quality_note(request):
    indicator = get_object_or_404(Indicator, code=request.POST.get("indicator", ""))
    form = FindingNoteForm(request.POST)
    rule, key = request.POST.get("rule", ""), request.POST.get("key", "")
    year = request.POST.get("year", "")
    finding = next(
        (
            f
            for f in quality.findings(
                Indicator.objects.with_figures().filter(pk=indicator.pk),
                year=int(year) if year.isdigit() else None,
            )
            if f.rule == rule and f.key == key
        ),
        None,
    )
    if finding is None:
        messages.error(request, _("This finding no longer applies: the figures have changed."))
    elif finding.acknowledged:
        messages.info(request, _("This finding already has a note."))
    elif not form.is_valid():
        messages.error(request, _("Write a note to acknowledge the finding."))
    else:
        FindingNote.objects.create(
            rule=rule,
            indicator=indicator,
            year=finding.year,
            key=key,
            note=form.cleaned_data["note"],
            created_by=request.user,
        )
        messages.success(request, _("The note was saved."))
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("figures-quality")
    return redirect(next_url)
