from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from indicators.importing import read_figures
from indicators.models import Actual, Indicator
from indicators.services import actuals_import, import_plan


class Command(BaseCommand):
    help = (
        "Import an indicator's figures from CSV or XLSX, in the template layout or the "
        "Open SDG layout. All or nothing: any bad row imports nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--indicator", required=True, help="indicator code, e.g. casualties")
        parser.add_argument("--dry-run", action="store_true", help="check and report only")
        parser.add_argument("--source", help="source of rows that name none (default: file name)")
        parser.add_argument(
            "--status", choices=Actual.Status.values, default=Actual.Status.PROVISIONAL
        )
        parser.add_argument("--language", choices=["en", "lo"], default="en")

    def handle(self, *args, path, indicator, dry_run, source, status, language, **options):
        try:
            indicator = Indicator.objects.prefetch_related("components").get(code=indicator)
        except Indicator.DoesNotExist:
            raise CommandError(f"No indicator with code {indicator!r}.") from None
        try:
            content = path.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        with translation.override(language):
            reading = read_figures(
                content,
                indicator=indicator,
                source=source or f"Import: {path.name}",
                status=status,
            )
            if reading.problems:
                for problem in reading.problems:
                    where = f"row {problem.line}: " if problem.line else ""
                    self.stderr.write(f"{where}{problem.message}")
                raise CommandError(f"{len(reading.problems)} problem(s): nothing was imported.")
        if dry_run:
            plan = import_plan(indicator=indicator, rows=reading.rows)
            verb = "would be"
        else:
            plan = actuals_import(indicator=indicator, rows=reading.rows)
            verb = "were"
        self.stdout.write(
            f"{reading.layout} layout, {len(reading.rows)} rows: {len(plan.created)} {verb} "
            f"created, {len(plan.updated)} {verb} updated, {plan.unchanged} unchanged."
        )
