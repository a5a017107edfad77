"""Annexes of a report: what a file really is (read from its content, never its name),
the upload form, and the services that add and delete them."""

import re
import uuid
import zipfile

from crispy_forms.helper import FormHelper
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from . import access
from .models import Annex, Report

Kind = Annex.Kind

EXTENSIONS = {
    Kind.PDF: "pdf",
    Kind.DOCX: "docx",
    Kind.XLSX: "xlsx",
    Kind.PNG: "png",
    Kind.JPEG: "jpg",
}
CONTENT_TYPES = {
    Kind.PDF: "application/pdf",
    Kind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Kind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    Kind.PNG: "image/png",
    Kind.JPEG: "image/jpeg",
}
# A hint for the browser's file picker only; the server reads the content.
ACCEPT = ".pdf,.docx,.xlsx,.png,.jpg,.jpeg"

SIGNATURES = (
    (b"%PDF-", Kind.PDF),
    (b"\x89PNG\r\n\x1a\n", Kind.PNG),
    (b"\xff\xd8\xff", Kind.JPEG),
)
ZIP_SIGNATURE = b"PK\x03\x04"
# The part that makes an Office Open XML package a Word document or a workbook.
OFFICE_PARTS = (("word/document.xml", Kind.DOCX), ("xl/workbook.xml", Kind.XLSX))
HEAD_BYTES = 16


def detect_kind(head: bytes, upload) -> str | None:
    """The annex kind of a file from its first bytes `head` and, for Office files, the
    parts listed in the ZIP package `upload` (read, then rewound to its start); None
    for anything else: an executable, a plain ZIP, text."""
    for signature, kind in SIGNATURES:
        if head.startswith(signature):
            return kind
    if not head.startswith(ZIP_SIGNATURE):
        return None
    try:
        with zipfile.ZipFile(upload) as package:
            names = set(package.namelist())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return None
    finally:
        upload.seek(0)
    if "[Content_Types].xml" not in names:
        return None
    return next((kind for part, kind in OFFICE_PARTS if part in names), None)


def download_name(title: str, kind: str) -> str:
    """A file name for the download: the title without path separators, control or
    reserved characters, and the extension of the file's real kind."""
    stem = re.sub(r'[\x00-\x1f\x7f/\\:*?"<>|]+', " ", title)
    stem = " ".join(stem.split()).strip(". ")[:150] or "annex"
    return f"{stem}.{EXTENSIONS[kind]}"


class AnnexForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("As it should be listed in the report, e.g. Annex 1: Clearance maps 2023."),
    )
    file = forms.FileField(label=_("File"), widget=forms.FileInput(attrs={"accept": ACCEPT}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Here rather than on the field, so a changed limit shows without a restart.
        self.fields["file"].help_text = _(
            "PDF, Word (DOCX), Excel (XLSX), PNG or JPEG, up to %(limit)s."
        ) % {"limit": filesizeformat(settings.ANNEX_MAX_BYTES)}
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > settings.ANNEX_MAX_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s; the largest accepted is %(limit)s.")
                % {
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(settings.ANNEX_MAX_BYTES),
                },
                code="too_large",
            )
        upload.seek(0)
        kind = detect_kind(upload.read(HEAD_BYTES), upload)
        upload.seek(0)
        if kind is None:
            raise forms.ValidationError(
                _(
                    "Only PDF, Word (DOCX), Excel (XLSX), PNG and JPEG files can be annexed; "
                    "this file is none of them."
                ),
                code="kind",
            )
        self.cleaned_data["kind"] = kind
        return upload


def annexes_context(report: Report, user, form: AnnexForm | None = None) -> dict:
    """What templates/reporting/includes/annexes.html expects, for the report page."""
    return {
        "annexes": list(report.annexes.select_related("uploaded_by")),
        "can_edit": access.may(user, "edit", report),
        "annex_form": form or AnnexForm(),
    }


def _guard(user, report: Report) -> None:
    if not access.may(user, "edit", report):
        raise PermissionDenied


@transaction.atomic
def annex_add(*, report: Report, user, title: str, upload, kind: str) -> Annex:
    """Store `upload` under a random name with the extension of its real `kind`, so
    neither the sender's file name nor its extension reaches the disk."""
    _guard(user, report)
    annex = Annex(report=report, title=title, kind=kind, size=upload.size, uploaded_by=user)
    annex.file.save(f"{uuid.uuid4().hex}.{EXTENSIONS[kind]}", upload, save=False)
    try:
        annex.save()
    except Exception:
        annex.file.delete(save=False)
        raise
    return annex


@transaction.atomic
def annex_delete(*, annex: Annex, user) -> None:
    """Delete the annex, and its file once the deletion is committed: a rolled-back
    deletion keeps its file."""
    _guard(user, annex.report)
    storage, name = annex.file.storage, annex.file.name
    annex.delete()
    transaction.on_commit(lambda: storage.delete(name))
