"""One entry point for the report's documents: the page's download and the command."""

from .document import ReportDocument, build_document
from .models import Report

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def export_document(doc: ReportDocument, fmt: str) -> bytes:
    """A report document (a report now, or an edition as approved) as Word or PDF."""
    if fmt == "docx":
        from .docx_export import render_docx

        return render_docx(doc)
    if fmt == "pdf":
        from .pdf import render_pdf

        return render_pdf(doc)
    raise ValueError(f"unknown format {fmt!r}")


def export_report(report: Report, fmt: str) -> bytes:
    return export_document(build_document(report), fmt)


def filename(report: Report, fmt: str) -> str:
    return f"{report.swg.code}-report-{report.year}.{fmt}"
