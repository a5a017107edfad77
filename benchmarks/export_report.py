"""Benchmark: export the 2023 demo report to DOCX and to PDF (goal: under 2 s each).

Runs on a fresh SQLite database in a temporary folder with the demo data; prints the
first (cold) export and the median of the following ones. Run: `make bench-export`.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
GOAL_SECONDS = 2.0


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root))
    workdir = Path(tempfile.mkdtemp(prefix="uxosector-bench-export-"))
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "uxosector.settings")

    import django

    django.setup()
    from django.core.management import call_command

    from reporting.exports import export_report
    from reporting.models import Report

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))
    report = Report.objects.select_related("swg", "template").get(year=2023)
    for fmt in ("docx", "pdf"):
        started = time.perf_counter()
        size = len(export_report(report, fmt))
        cold = time.perf_counter() - started
        timings = []
        for _ in range(RUNS):
            started = time.perf_counter()
            export_report(report, fmt)
            timings.append(time.perf_counter() - started)
        median = statistics.median(timings)
        verdict = "PASS" if max(cold, median) < GOAL_SECONDS else "FAIL"
        print(
            f"{fmt}: {size:,} bytes; first export {cold:.2f} s, median of {RUNS} more "
            f"{median:.2f} s (goal < {GOAL_SECONDS:.0f} s): {verdict}"
        )


if __name__ == "__main__":
    main()
