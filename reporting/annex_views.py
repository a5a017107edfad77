"""Annexes of a report: upload, delete and download. The list and the upload form are
part of the report page (templates/reporting/includes/annexes.html)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from . import access, annexes
from .models import Annex, Report


def _report_for(request, pk, action: str) -> Report:
    report = get_object_or_404(Report.objects.select_related("swg"), pk=pk)
    if not access.may(request.user, action, report):
        raise PermissionDenied
    return report


def _annexes_url(report: Report) -> str:
    return reverse("report", args=[report.pk]) + "#annexes"


@require_POST
@login_required
def annex_upload(request, pk):
    report = _report_for(request, pk, "edit")
    form = annexes.AnnexForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(
            request,
            " ".join(
                _("%(field)s: %(error)s") % {"field": form[name].label, "error": error}
                for name, errors in form.errors.items()
                for error in errors
            ),
        )
        return redirect(_annexes_url(report))
    annex = annexes.annex_add(
        report=report,
        user=request.user,
        title=form.cleaned_data["title"],
        upload=form.cleaned_data["file"],
        kind=form.cleaned_data["kind"],
    )
    messages.success(request, _("The annex “%(title)s” was added.") % {"title": annex.title})
    return redirect(_annexes_url(report))


@require_POST
@login_required
def annex_delete(request, pk, annex_pk):
    report = _report_for(request, pk, "edit")
    annex = get_object_or_404(
        Annex.objects.select_related("report__swg"), pk=annex_pk, report=report
    )
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("The annex was not deleted: confirm the deletion first."))
        return redirect(_annexes_url(report))
    annexes.annex_delete(annex=annex, user=request.user)
    messages.success(request, _("The annex “%(title)s” was deleted.") % {"title": annex.title})
    return redirect(_annexes_url(report))


@require_GET
@login_required
def annex_download(request, pk, annex_pk):
    report = _report_for(request, pk, "view")
    annex = get_object_or_404(Annex, pk=annex_pk, report=report)
    try:
        handle = annex.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle,
        as_attachment=True,
        filename=annexes.download_name(annex.title, annex.kind),
        content_type=annexes.CONTENT_TYPES[annex.kind],
    )
