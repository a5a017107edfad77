"""One entry point for the report's documents: the page's download and the command."""

from .document import build_document
from .models import Report

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def export_report(report: Report, fmt: str) -> bytes:
    if fmt == "docx":
        from .docx_export import render_docx

        return render_docx(build_document(report))
    if fmt == "pdf":
        from .pdf import render_pdf

        return render_pdf(report)
    raise ValueError(f"unknown format {fmt!r}")


def filename(report: Report, fmt: str) -> str:
    return f"{report.swg.code}-report-{report.year}.{fmt}"
