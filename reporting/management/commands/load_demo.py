from django.core.management.base import BaseCommand

from indicators.demo import demo_load
from reporting.demo import report_demo_load


class Command(BaseCommand):
    help = (
        "Load the demo data (2023 figures and report). Creates what is missing; "
        "changes nothing else."
    )

    def handle(self, *args, **options):
        counter = demo_load() + report_demo_load()
        created = sum(n for key, n in counter.items() if key.endswith("created"))
        kept = sum(n for key, n in counter.items() if key.endswith("kept"))
        self.stdout.write(f"Demo data: {created} rows created, {kept} already present.")
