from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from indicators.exporting import LAYOUTS, export_csv
from indicators.models import Indicator


class Command(BaseCommand):
    help = "Write an indicator's figures as CSV, in the Open SDG or the template layout."

    def add_arguments(self, parser):
        parser.add_argument("--indicator", required=True)
        parser.add_argument("--format", choices=sorted(LAYOUTS), default="opensdg")
        parser.add_argument("--output", type=Path, help="file to write (default: standard output)")

    def handle(self, *args, indicator, format, output, **options):
        try:
            indicator = Indicator.objects.with_figures().get(code=indicator)
        except Indicator.DoesNotExist:
            raise CommandError(f"No indicator with code {indicator!r}.") from None
        text = export_csv(indicator, format)
        if output:
            output.write_text(text, encoding="utf-8")
        else:
            self.stdout.write(text, ending="")
