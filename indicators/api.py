"""GET /api/v1/indicators/: every indicator with its targets, actuals and achievements.

Numbers are JSON numbers (never localized strings); names carry both languages.
"""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .formatting import plain_number
from .models import Indicator
from .summary import AchievementRow, achievements, latest_year

ALLOWED_PARAMETERS = {"year"}


def _ratio(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _achievement(row: AchievementRow) -> dict:
    data = {
        "framework": row.target.framework.code,
        "kind": row.target.kind,
        "target_value": plain_number(row.target.value),
        "comparator": row.target.comparator,
        "year": row.year,
        "actual": plain_number(row.actual),
        "ratio": _ratio(row.ratio),
        "met": row.met,
    }
    if row.is_cumulative:
        data |= {
            "progress": _ratio(row.result.progress),
            "expected_progress": _ratio(row.result.expected_progress),
            "on_track": row.result.on_track,
            "projected_year": row.result.projected_year,
            "missing_years": list(row.result.missing_years),
        }
    return data


def indicator_data(indicator: Indicator, through_year: int | None, year: int | None) -> dict:
    """One indicator as the API and the JSON download give it."""
    actuals = [a for a in indicator.actuals.all() if year is None or a.year == year]
    return {
        "code": indicator.code,
        "name": {"lo": indicator.name_lo, "en": indicator.name_en},
        "definition": {"lo": indicator.definition_lo, "en": indicator.definition_en},
        "unit": indicator.unit,
        "direction": indicator.direction,
        "sdg_code": indicator.sdg_code or None,
        "components": [
            {"code": c.code, "name": {"lo": c.name_lo, "en": c.name_en}}
            for c in indicator.components.all()
        ],
        "targets": [
            {
                "framework": t.framework.code,
                "kind": t.kind,
                "start_year": t.start_year,
                "end_year": t.end_year,
                "comparator": t.comparator,
                "value": plain_number(t.value),
                "status": t.status,
                "source": t.source,
            }
            for t in indicator.targets.all()
        ],
        "actuals": [
            {
                "year": a.year,
                "value": plain_number(a.value),
                "component": a.component.code if a.component else None,
                "disaggregation": a.disaggregation,
                "status": a.status,
                "source": a.source,
                "as_of": a.as_of.isoformat() if a.as_of else None,
            }
            for a in actuals
        ],
        "achievements": [
            _achievement(row)
            for row in achievements(indicator, through_year=through_year, year=year)
        ],
    }


def _bad_request(message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=400, json_dumps_params={"ensure_ascii": False})


@require_GET
def indicators(request):
    unknown = sorted(set(request.GET) - ALLOWED_PARAMETERS)
    if unknown:
        return _bad_request(
            _("Unknown parameter: %(names)s. Allowed: year.") % {"names": ", ".join(unknown)}
        )
    year = None
    if "year" in request.GET:
        raw = request.GET["year"]
        if not (raw.isascii() and raw.isdigit() and 1970 <= int(raw) <= 2100):
            return _bad_request(
                _("year must be a whole year between 1970 and 2100, not “%(value)s”.")
                % {"value": raw[:20]}
            )
        year = int(raw)
    through = latest_year()
    data = [indicator_data(i, through, year) for i in Indicator.objects.with_figures()]
    return JsonResponse(
        {"year": year, "latest_year": through, "indicators": data},
        json_dumps_params={"ensure_ascii": False},
    )
