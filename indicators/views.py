from django.shortcuts import render
from django.views.decorators.http import require_safe

from .cache import public_page
from .models import Indicator
from .summary import achievements, latest_total


@require_safe
@public_page
def home(request):
    """Each indicator with its latest figure and where it stands against every target."""
    cards = []
    for indicator in Indicator.objects.with_figures():
        latest = latest_total(indicator)
        year = latest.year if latest else None
        by_target = {
            row.target.pk: row
            for row in (achievements(indicator, through_year=year, year=year) if year else [])
        }
        cards.append(
            {
                "indicator": indicator,
                "latest": latest,
                "parts": [
                    a
                    for a in indicator.actuals.all()
                    if year and a.year == year and a.component_id and not a.disaggregation
                ],
                "targets": [(t, by_target.get(t.pk)) for t in indicator.targets.all()],
            }
        )
    return render(request, "indicators/home.html", {"cards": cards})
