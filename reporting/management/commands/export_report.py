from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from reporting.exports import CONTENT_TYPES, export_report
from reporting.models import Report


class Command(BaseCommand):
    help = "Write a year's report as Word (DOCX) or PDF, in the official bilingual layout."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("--format", choices=sorted(CONTENT_TYPES), required=True)
        parser.add_argument("--output", type=Path, required=True)
        parser.add_argument("--swg", default="uxo", help="Sector Working Group code (default: uxo)")

    def handle(self, *args, year, format, output, swg, **options):
        report = (
            Report.objects.select_related("swg", "template")
            .filter(swg__code=swg, year=year)
            .first()
        )
        if report is None:
            raise CommandError(f"No report for SWG {swg!r} in {year}.")
        data = export_report(report, format)
        try:
            output.write_bytes(data)
        except OSError as error:
            raise CommandError(f"Cannot write {output}: {error.strerror}.") from None
        self.stdout.write(f"Wrote {output} ({len(data):,} bytes).")
