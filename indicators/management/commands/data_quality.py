from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from indicators.models import Indicator
from indicators.quality import findings


class Command(BaseCommand):
    help = "List data-quality findings, one per line: indicator, year, rule, figures."

    def add_arguments(self, parser):
        parser.add_argument("--indicator", help="indicator code, e.g. area-cleared")
        parser.add_argument("--year", type=int)
        parser.add_argument("--language", choices=["en", "lo"], default="en")
        parser.add_argument(
            "--open", action="store_true", help="only findings nobody has acknowledged"
        )

    def handle(self, *args, indicator=None, year=None, language="en", open=False, **options):
        indicators = Indicator.objects.with_figures()
        if indicator:
            indicators = indicators.filter(code=indicator)
            if not indicators.exists():
                raise CommandError(f"No indicator with code {indicator!r}.")
        with translation.override(language):
            found = [f for f in findings(indicators, year=year) if not (open and f.acknowledged)]
            for finding in found:
                self.stdout.write(finding.line())
        self.stderr.write(f"{len(found)} finding(s).")
