"""Pages where data officers and the secretariat enter, check and import figures."""

from datetime import date

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.roles import FIGURE_EDITORS, role_required

from . import entry, quality
from .formatting import format_number
from .models import Actual, Indicator
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
