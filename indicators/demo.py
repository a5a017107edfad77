"""The demo data: frameworks, indicators, targets and the 2023 actuals of the seed report."""

import json
from collections import Counter
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .models import Actual, Component, Framework, Indicator, Target

DEMO_PATH = Path(settings.BASE_DIR) / "fixtures" / "demo.json"


def _ensure(counter: Counter, model, lookup: dict, defaults: dict):
    """Create the row if it is missing; never overwrite one that exists, so a second
    load changes nothing and edits made since the first load survive."""
    obj, created = model.objects.get_or_create(**lookup, defaults=defaults)
    counter[f"{model._meta.model_name}:{'created' if created else 'kept'}"] += 1
    return obj


@transaction.atomic
def demo_load(*, path: Path = DEMO_PATH) -> Counter:
    data = json.loads(path.read_text(encoding="utf-8"))
    counter: Counter = Counter()
    frameworks = {
        f["code"]: _ensure(counter, Framework, {"code": f["code"]}, f) for f in data["frameworks"]
    }
    indicators, components = {}, {}
    for raw in data["indicators"]:
        fields = {k: v for k, v in raw.items() if k != "components"}
        indicator = _ensure(counter, Indicator, {"code": raw["code"]}, fields)
        indicators[raw["code"]] = indicator
        for part in raw["components"]:
            components[(raw["code"], part["code"])] = _ensure(
                counter, Component, {"indicator": indicator, "code": part["code"]}, part
            )
    for raw in data["targets"]:
        fields = dict(raw, indicator=indicators[raw["indicator"]])
        fields["framework"] = frameworks[raw["framework"]]
        lookup = {k: fields.pop(k) for k in ("framework", "indicator", "kind", "start_year")}
        _ensure(counter, Target, lookup, fields)
    for raw in data["actuals"]:
        fields = dict(raw)
        code = fields.pop("indicator")
        part = fields.pop("component", None)
        if fields.get("as_of"):
            fields["as_of"] = date.fromisoformat(fields["as_of"])
        lookup = {
            "indicator": indicators[code],
            "year": fields.pop("year"),
            "component": components[(code, part)] if part else None,
            "disaggregation": fields.pop("disaggregation", {}),
        }
        _ensure(counter, Actual, lookup, fields)
    return counter
