"""Editions (a report as approved, kept for good) and the comparison of two years."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from uxosector.bilingual import active_language

from . import access, history
from .document import document_from_data, key_figure_rows
from .exports import CONTENT_TYPES, export_document
from .models import Edition


def _edition_for(request, key) -> Edition:
    edition = get_object_or_404(
        Edition.objects.select_related("report__swg", "approved_by"), key=key
    )
    if not access.may(request.user, "view", edition.report):
        raise PermissionDenied
    return edition


@require_safe
@login_required
def edition_detail(request, key):
    """The permanent page of a report as approved, with the figures of that day."""
    edition = _edition_for(request, key)
    document = document_from_data(edition.content)
    context = {"edition": edition, "document": document, "language": active_language()}
    return render(request, "reporting/edition.html", context)


@require_safe
@login_required
def edition_export(request, key, fmt):
    """The edition as Word or PDF, with the answers and figures as approved."""
    if fmt not in CONTENT_TYPES:
        raise Http404
    edition = _edition_for(request, key)
    data = export_document(document_from_data(edition.content), fmt)
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    report = edition.report
    name = f"{report.swg.code}-report-{report.year}-edition-{edition.number}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_safe
@login_required
def report_compare(request):
    """What changed between two years' reports: each answer side by side with the
    differences marked, and the figures of both years."""
    visible = {r.pk: r for r in access.visible_reports(request.user)}
    if not visible and not access.may_list(request.user):
        raise PermissionDenied
    ordered = sorted(visible.values(), key=lambda r: (r.swg_id, r.year))

    def pick(name, default):
        raw = request.GET.get(name, "")
        return visible.get(int(raw)) if raw.isdigit() else default

    older = pick("a", ordered[-2] if len(ordered) > 1 else None)
    newer = pick("b", ordered[-1] if ordered else None)
    context = {"reports": ordered, "older": older, "newer": newer, "pairs": [], "figures": []}
    if older and newer:
        old_answers = {a.section.number: a for a in older.answers.select_related("section")}
        for answer in newer.answers.select_related("section"):
            before = old_answers.get(answer.section.number)
            context["pairs"].append(
                {
                    "number": answer.section.number,
                    "lo": history.side_by_side(
                        before.text_lo if before else "", answer.text_lo, "lo"
                    ),
                    "en": history.side_by_side(
                        before.text_en if before else "", answer.text_en, "en"
                    ),
                }
            )
        old_rows = {r.code: r for r in key_figure_rows(older.year)}
        context["figures"] = [(old_rows.get(r.code), r) for r in key_figure_rows(newer.year)]
    return render(request, "reporting/compare.html", context)
