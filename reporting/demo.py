"""The demo report: the 2023 template and the UXO SWG's 2023 report header."""

import json
from collections import Counter
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .models import (
    Answer,
    HeaderField,
    Report,
    ReportPerson,
    ReportTemplate,
    Section,
    SectorWorkingGroup,
)

DEMO_PATH = Path(settings.BASE_DIR) / "fixtures" / "report_2023.json"


@transaction.atomic
def report_demo_load(*, path: Path = DEMO_PATH) -> Counter:
    """Create what is missing; never change what exists (a second load changes nothing)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    counter: Counter = Counter()

    def ensure(model, lookup, defaults=None):
        obj, created = model.objects.get_or_create(**lookup, defaults=defaults or {})
        counter["created" if created else "kept"] += 1
        return obj, created

    swg, _ = ensure(SectorWorkingGroup, {"code": data["swg"]["code"]}, data["swg"])
    raw = data["template"]
    template, _ = ensure(
        ReportTemplate,
        {"year": raw["year"]},
        {k: raw[k] for k in ("title_lo", "title_en", "intro_lo", "intro_en")},
    )
    fields = {}
    for order, field in enumerate(raw["header_fields"]):
        fields[field["code"]], _ = ensure(
            HeaderField, {"template": template, "code": field["code"]}, field | {"order": order}
        )
    sections = {}
    for order, section in enumerate(raw["sections"]):
        sections[section["number"]], _ = ensure(
            Section, {"template": template, "number": section["number"]}, section | {"order": order}
        )
    report_data = data["report"]
    report, created = ensure(
        Report, {"swg": swg, "year": report_data["year"]}, {"template": template}
    )
    if created:
        for order, person in enumerate(report_data["people"]):
            ReportPerson.objects.create(
                report=report,
                field=fields[person["field"]],
                name=person["name"],
                position=person["position"],
                from_date=date.fromisoformat(person["from_date"])
                if person.get("from_date")
                else None,
                until_date=date.fromisoformat(person["until_date"])
                if person.get("until_date")
                else None,
                order=order,
            )
        for number, section in sections.items():
            texts = report_data["answers"].get(number, {})
            Answer.objects.create(
                report=report,
                section=section,
                text_lo=texts.get("lo", ""),
                text_en=texts.get("en", ""),
            )
    return counter
