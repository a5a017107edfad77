"""Importing figures from a file, with a preview, and exporting them back."""

from io import BytesIO

import pandas as pd
from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from accounts.roles import FIGURE_EDITORS, role_required

from .exporting import LAYOUTS, export_csv
from .forms import ImportForm
from .importing import SIMPLE_COLUMNS, blank_template_csv, read_figures
from .models import Actual, ImportBatch, Indicator
from .services import actuals_import, import_plan

PREVIEW_ROWS = 50


@require_http_methods(["GET", "POST"])
@role_required(*FIGURE_EDITORS)
def figures_import(request):
    form = ImportForm(request.POST or None, request.FILES or None)
    context = {"form": form, "indicators": Indicator.objects.all()}
    if request.method == "POST":
        if not form.is_valid():
            return render(request, "indicators/import.html", context, status=400)
        upload = form.cleaned_data["file"]
        content = upload.read()
        indicator = form.cleaned_data["indicator"]
        source = form.cleaned_data["source"] or upload.name
        reading = read_figures(
            content, indicator=indicator, source=source, status=form.cleaned_data["status"]
        )
        if reading.problems:
            context["problems"] = reading.problems
            messages.error(request, _("The file has problems: nothing was imported."))
            return render(request, "indicators/import.html", context, status=400)
        batch = ImportBatch.objects.create(
            indicator=indicator,
            filename=upload.name[:255],
            content=content,
            source=source,
            status=form.cleaned_data["status"],
            uploaded_by=request.user,
        )
        return redirect("figures-import-preview", pk=batch.pk)
    return render(request, "indicators/import.html", context)


def _reading(batch: ImportBatch):
    return read_figures(
        bytes(batch.content), indicator=batch.indicator, source=batch.source, status=batch.status
    )


@require_http_methods(["GET", "POST"])
@role_required(*FIGURE_EDITORS)
def figures_import_preview(request, pk):
    batch = get_object_or_404(ImportBatch.objects.select_related("indicator"), pk=pk)
    if batch.imported_at:
        messages.info(request, _("This file has already been imported."))
        return redirect("figures-import")
    reading = _reading(batch)
    if request.method == "POST":
        with transaction.atomic():
            plan = actuals_import(indicator=batch.indicator, rows=reading.rows, user=request.user)
            batch.imported_at = timezone.now()
            batch.summary = {
                "created": len(plan.created),
                "updated": len(plan.updated),
                "unchanged": plan.unchanged,
            }
            batch.save(update_fields=["imported_at", "summary"])
        messages.success(
            request,
            _("Imported: %(created)s new, %(updated)s changed, %(unchanged)s unchanged.")
            % batch.summary,
        )
        return redirect("figures-quality")
    plan = import_plan(indicator=batch.indicator, rows=reading.rows)
    components = {c.pk: c.name for c in batch.indicator.components.all()}
    context = {
        "batch": batch,
        "layout": reading.layout,
        "plan": plan,
        "rows": [
            (row, _row_label(row, components), Actual.Status(row.status).label)
            for row in reading.rows[:PREVIEW_ROWS]
        ],
        "more_rows": max(0, len(reading.rows) - PREVIEW_ROWS),
    }
    return render(request, "indicators/import_preview.html", context)


def _row_label(row, components: dict) -> str:
    parts = [components[row.component_id]] if row.component_id else []
    parts += [f"{k}: {v}" for k, v in sorted(row.disaggregation.items())]
    return ", ".join(parts) or _("Total")


@require_safe
@role_required(*FIGURE_EDITORS)
def figures_import_template(request, fmt):
    if fmt == "xlsx":
        buffer = BytesIO()
        pd.DataFrame(columns=SIMPLE_COLUMNS).to_excel(buffer, index=False)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(blank_template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="uxosector-figures-template.{fmt}"'
    return response


@require_safe
@role_required(*FIGURE_EDITORS)
def figures_export(request, code):
    indicator = get_object_or_404(Indicator.objects.with_figures(), code=code)
    layout = request.GET.get("layout", "opensdg")
    if layout not in LAYOUTS:
        return HttpResponse(_("Unknown layout."), status=400, content_type="text/plain")
    response = HttpResponse(export_csv(indicator, layout), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{code}-{layout}.csv"'
    return response
