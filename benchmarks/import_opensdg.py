"""Benchmark: import a generated 10,000-row Open SDG CSV, and import it again.

Runs on a fresh SQLite database in a temporary folder (or on DATABASE_URL if set),
prints the wall time of each phase and the peak memory. Run: `make bench-import`.
Goal (issue 3): the import finishes in under 5 seconds.
"""

import itertools
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

ROWS = int(os.environ.get("BENCH_ROWS", "10000"))


def generate_csv(rows: int) -> bytes:
    random.seed(18)
    years = range(2001, 2031)
    series = ["VC_UXO_CAS", "VC_UXO_VIC"]
    sexes = ["", "Male", "Female"]
    ages = ["", "Under 18", "18 and over"]
    provinces = [f"LA-{n:02d}" for n in range(1, 19)] + [""]
    lines = ["Year,SERIES,Sex,Age,Province,UNIT_MEASURE,Value"]
    combos = itertools.product(years, series, sexes, ages, provinces)
    for year, code, sex, age, province in itertools.islice(combos, rows):
        lines.append(f"{year},{code},{sex},{age},{province},persons,{random.randint(0, 500)}")
    return ("\n".join(lines) + "\n").encode()


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))
    workdir = Path(tempfile.mkdtemp(prefix="uxosector-bench-"))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "uxosector.settings")

    import django

    django.setup()
    from django.core.management import call_command

    from indicators.demo import demo_load
    from indicators.importing import read_figures
    from indicators.models import Actual, Indicator
    from indicators.services import actuals_import

    call_command("migrate", verbosity=0)
    demo_load()
    Actual.objects.filter(disaggregation__has_key="SERIES").delete()
    indicator = Indicator.objects.prefetch_related("components").get(code="casualties")
    content = generate_csv(ROWS)
    print(f"database: {django.db.connection.vendor}; file: {ROWS} rows, {len(content):,} bytes")

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for label in ("first import (creates)", "second import (unchanged)"):
        started = time.perf_counter()
        reading = read_figures(content, indicator=indicator, source="benchmark", status="final")
        read_at = time.perf_counter()
        assert not reading.problems, reading.problems[:3]
        plan = actuals_import(indicator=indicator, rows=reading.rows)
        done = time.perf_counter()
        print(
            f"{label}: {done - started:.2f} s (read and check {read_at - started:.2f} s, "
            f"write {done - read_at:.2f} s); created {len(plan.created)}, "
            f"updated {len(plan.updated)}, unchanged {plan.unchanged}"
        )
    # Peak resident memory of the process (tracemalloc is not used: it slows every
    # allocation several times over and would distort the timings).
    max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"peak memory (RSS): {max_rss:.0f} MiB for the process, "
        f"of which {max_rss - rss_before:.0f} MiB grew during the imports"
    )


if __name__ == "__main__":
    main()
