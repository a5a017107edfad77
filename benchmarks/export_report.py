"""Benchmark: export the 2023 demo report to DOCX and to PDF (goal: under 2 s each).

Runs on a fresh SQLite database in a temporary folder with the demo data, the way a
server process runs: Django set up, then the PDF warm-up that `uxosector/wsgi.py`
starts in the background at boot (WeasyPrint and the Lao tokenizer imported, fonts
decoded). Prints the warm-up's time, each format's first export and the median of the
following ones, judged against the goal. For the record it also runs one PDF export in
a fresh process with no warm-up at all (a one-off command such as `export_report`).
Run: `make bench-export`.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
GOAL_SECONDS = 2.0
ROOT = Path(__file__).resolve().parent.parent


def _setup(database: Path):
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "uxosector.settings")

    import django

    django.setup()
    from reporting.models import Report

    return Report.objects.select_related("swg", "template").get(year=2023)


def cold(database: Path) -> None:
    """One PDF export in this fresh process, nothing warmed up."""
    report = _setup(database)
    from reporting.exports import export_report

    started = time.perf_counter()
    export_report(report, "pdf")
    print(f"{time.perf_counter() - started:.2f}")


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="uxosector-bench-export-"))
    database = workdir / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "uxosector.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))

    completed = subprocess.run(
        [sys.executable, __file__, "--cold", str(database)],
        capture_output=True,
        text=True,
        check=True,
    )
    cold_seconds = float(completed.stdout.strip().splitlines()[-1])

    report = _setup(database)
    from reporting.exports import export_report
    from reporting.pdf import warm_up

    started = time.perf_counter()
    warm_up()
    print(f"server start: PDF warm-up {time.perf_counter() - started:.2f} s (in the background)")
    failed = False
    for fmt in ("docx", "pdf"):
        started = time.perf_counter()
        size = len(export_report(report, fmt))
        first = time.perf_counter() - started
        timings = []
        for _ in range(RUNS):
            started = time.perf_counter()
            export_report(report, fmt)
            timings.append(time.perf_counter() - started)
        median = statistics.median(timings)
        verdict = "PASS" if max(first, median) < GOAL_SECONDS else "FAIL"
        failed |= verdict == "FAIL"
        print(
            f"{fmt}: {size:,} bytes; first export {first:.2f} s, median of {RUNS} more "
            f"{median:.2f} s (goal < {GOAL_SECONDS:.0f} s): {verdict}"
        )
    print(f"for the record: a PDF from a fresh process without the warm-up {cold_seconds:.2f} s")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--cold"]:
        cold(Path(sys.argv[2]))
    else:
        main()
