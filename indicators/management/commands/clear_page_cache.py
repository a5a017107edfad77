from django.core.cache import cache
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Empty the cache of public pages (run after a deploy that changes templates)."

    def handle(self, *args, **options):
        cache.clear()
        self.stdout.write("Page cache cleared.")
