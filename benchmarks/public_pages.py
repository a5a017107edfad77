"""Benchmark: the public pages and the dashboard (issue "Done when" points, in one run).

1. Requests per second of the cached overview `/en/indicators/` next to a static file
   (the hashed `css/site.css`), both served by the same gunicorn (2 workers, DEBUG off).
   Load comes from `wrk` when it is installed, else from a small Python client.
   Goal: the cached page reaches at least 80% of the static file's rate.
2. The median cold render of `/en/dashboard/` (in-process, django.test.Client, a
   superuser) on 15 years x 20 indicators x 4 frameworks. Goal: at most 150 ms.
3. Bytes on the wire (brotli/gzip) for a first and a repeat visit of the overview: the
   HTML and every asset it references (stylesheets, scripts, images, fonts named in the
   CSS). On a repeat visit assets with a long-lived Cache-Control count nothing.
   Goals: first visit at most 500 KB, repeat visit at most 30 KB (1 KB = 1000 bytes).

Runs on its own SQLite database and page cache in a temporary folder (DATABASE_URL and
CACHE_LOCATION are always overridden); `collectstatic` writes ./staticfiles as a
deployment would. Only 127.0.0.1 is contacted. Prints a report with PASS/FAIL per goal
and exits 0 whatever the figures (non-zero only if the benchmark itself breaks).

Run: `make bench-public`. BENCH_SECONDS sets the load time per URL (default 8).
"""

import gzip
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
OVERVIEW = "/en/indicators/"
DASHBOARD = "/en/dashboard/"
YEARS = range(2011, 2026)  # 15 years
INDICATORS = 20
DASHBOARD_RUNS = 21
LOAD_SECONDS = float(os.environ.get("BENCH_SECONDS", "8"))  # per URL, over all rounds
ROUNDS = 4
PYTHON_CLIENT_THREADS = 4
ACCEPT = {"Accept-Encoding": "br, gzip"}
LONG_LIVED_SECONDS = 30 * 24 * 3600  # a Cache-Control max-age at least this long
GOAL_RATIO, GOAL_DASHBOARD_MS, GOAL_FIRST_KB, GOAL_REPEAT_KB = 0.80, 150.0, 500.0, 30.0


# --- set-up -----------------------------------------------------------------------------


def configure_environment(workdir: Path) -> None:
    """Point Django (this process and the gunicorn it starts) at the benchmark's files."""
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["CACHE_LOCATION"] = str(workdir / "cache")
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "benchmark-only")
    # "testserver" is django.test.Client's host; gunicorn is given 127.0.0.1 only.
    os.environ["ALLOWED_HOSTS"] = "127.0.0.1,testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "uxosector.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")


def generate_figures() -> None:
    """4 frameworks, 20 indicators (half ceilings, half floors; every fourth with two
    components), an annual target per indicator and framework, 15 years of actuals."""
    from indicators.models import Actual, Component, Framework, Indicator, Target

    random.seed(18)
    frameworks = Framework.objects.bulk_create(
        Framework(
            code=code,
            name_lo=f"ແຜນ {code}",
            name_en=f"Plan {code}",
            short_name_lo=code,
            short_name_en=code,
            start_year=start,
            end_year=end,
            order=order,
        )
        for order, (code, start, end) in enumerate(
            [
                ("NRS", 2011, 2025),
                ("NSEDP-8", 2016, 2025),
                ("NSEDP-9", 2021, 2025),
                ("SDG", 2016, 2030),
            ]
        )
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(
            code=f"bench-{n:02d}",
            name_lo=f"ຕົວຊີ້ວັດ {n}",
            name_en=f"Indicator {n}",
            unit=["people", "accidents"][n % 4 // 2] if n % 2 == 0 else "ha",
            direction="lower" if n % 2 == 0 else "higher",
            order=n,
        )
        for n in range(INDICATORS)
    )
    components = Component.objects.bulk_create(
        Component(indicator=i, code=code, name_lo=code, name_en=code.title(), order=order)
        for i in indicators
        if i.order % 4 == 0
        for order, code in enumerate(["injured", "killed"])
    )
    parts = {}
    for component in components:
        parts.setdefault(component.indicator_id, []).append(component)

    targets, actuals = [], []
    for indicator in indicators:
        lower = indicator.direction == "lower"
        base = random.uniform(80, 400) if lower else random.uniform(2000, 9000)
        for framework in frameworks:
            targets.append(
                Target(
                    framework=framework,
                    indicator=indicator,
                    kind="annual",
                    comparator="lt" if lower else "ge",
                    value=Decimal(round(base * random.uniform(0.5, 1.2))),
                    start_year=framework.start_year,
                    end_year=framework.end_year,
                )
            )
        for step, year in enumerate(YEARS):
            trend = (1 - 0.04 * step) if lower else (1 + 0.05 * step)
            value = Decimal(round(base * trend * random.uniform(0.8, 1.2), 0 if lower else 2))
            actuals.append(_actual(indicator, year, value))
            if indicator.pk in parts:
                injured = (value * Decimal("0.7")).quantize(Decimal(1))
                actuals.append(_actual(indicator, year, injured, parts[indicator.pk][0]))
                actuals.append(_actual(indicator, year, value - injured, parts[indicator.pk][1]))
    Target.objects.bulk_create(targets)
    Actual.objects.bulk_create(actuals)


def _actual(indicator, year: int, value: Decimal, component=None):
    from indicators.models import Actual

    return Actual(
        indicator=indicator,
        year=year,
        component=component,
        value=value,
        status="final",
        source="benchmark",
    )


def collect_static() -> str:
    """Run collectstatic; return the served URL of the hashed css/site.css."""
    from django.conf import settings
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)
    manifest = json.loads((Path(settings.STATIC_ROOT) / "staticfiles.json").read_text())
    return "/" + settings.STATIC_URL.strip("/") + "/" + manifest["paths"]["css/site.css"]


# --- 2. dashboard -------------------------------------------------------------------------


@dataclass
class DashboardTiming:
    first_ms: float
    runs_ms: list[float]
    queries: int

    @property
    def median_ms(self) -> float:
        return statistics.median(self.runs_ms)


def time_dashboard(runs: int) -> DashboardTiming:
    from django.contrib.auth.models import User
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    user = User.objects.create_superuser("bench", "bench@example.org", None)
    client = Client()
    client.force_login(user)

    def render_once() -> float:
        cache.clear()
        started = time.perf_counter()
        response = client.get(DASHBOARD)
        elapsed = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            raise RuntimeError(f"{DASHBOARD} answered {response.status_code}")
        return elapsed

    first = render_once()  # compiles templates, imports plotly: reported apart
    timings = [render_once() for _ in range(runs)]
    with CaptureQueriesContext(connection) as queries:
        render_once()
    return DashboardTiming(first, timings, len(queries))


# --- server -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(port: int, log: Path) -> subprocess.Popen:
    env = dict(os.environ, ALLOWED_HOSTS="127.0.0.1")
    command = [sys.executable, "-m", "gunicorn", "uxosector.wsgi"]
    command += ["-w", "2", "-b", f"127.0.0.1:{port}"]
    with log.open("wb") as out:
        return subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )


def stop_gunicorn(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def wait_until_serving(process: subprocess.Popen, port: int, path: str, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited ({process.returncode}):\n{log.read_text()}")
        try:
            if fetch(port, path).status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer within 30 s:\n{log.read_text()}")


@dataclass
class Fetched:
    status: int
    headers: http.client.HTTPMessage
    body: bytes  # as sent: still compressed if Content-Encoding says so


def fetch(port: int, path: str, headers: dict[str, str] | None = None) -> Fetched:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return Fetched(response.status, response.headers, response.read())
    finally:
        connection.close()


# --- 1. requests per second -----------------------------------------------------------------


def load_client() -> str:
    return "wrk" if shutil.which("wrk") else "python"


def requests_per_second(port: int, path: str, seconds: float) -> float:
    if load_client() == "wrk":
        return wrk_rps(port, path, seconds)
    return python_rps(port, path, seconds)


def wrk_rps(port: int, path: str, seconds: float) -> float:
    header = "Accept-Encoding: " + ACCEPT["Accept-Encoding"]
    command = ["wrk", "-t2", "-c16", f"-d{max(1, round(seconds))}s", "-H", header]
    output = subprocess.run(
        [*command, f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        timeout=seconds + 30,
        check=True,
    ).stdout
    if "Non-2xx" in output:
        print(f"  warning: wrk saw non-2xx answers for {path}")
    match = re.search(r"Requests/sec:\s*([\d.]+)", output)
    if not match:
        raise RuntimeError(f"cannot read wrk's output:\n{output}")
    return float(match.group(1))


def python_rps(port: int, path: str, seconds: float) -> float:
    """PYTHON_CLIENT_THREADS threads, each with one HTTPConnection (it reconnects when
    the server closes), counting 200 answers until the deadline."""
    counts = [0] * PYTHON_CLIENT_THREADS
    errors = [0] * PYTHON_CLIENT_THREADS
    started = time.perf_counter()
    deadline = started + seconds

    def worker(slot: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.perf_counter() < deadline:
            try:
                connection.request("GET", path, headers=ACCEPT)
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                connection.close()
                errors[slot] += 1
                continue
            if response.status == 200:
                counts[slot] += 1
            else:
                errors[slot] += 1
        connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(len(counts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if sum(errors):
        print(f"  warning: {sum(errors)} failed or non-200 requests for {path}")
    return sum(counts) / elapsed


def compare_rates(port: int, static_path: str) -> tuple[float, float]:
    """Alternate short rounds on the static file and on the page, so a change in the
    machine's load (other processes) weighs on both alike; return the mean rates."""
    span = LOAD_SECONDS / ROUNDS
    print(f"load client: {load_client()}; {ROUNDS} alternating rounds of {span:g} s per URL")
    static_rates, page_rates = [], []
    for _ in range(ROUNDS):
        static_rates.append(requests_per_second(port, static_path, span))
        page_rates.append(requests_per_second(port, OVERVIEW, span))
    for path, rates in ((static_path, static_rates), (OVERVIEW, page_rates)):
        print(f"  {path}: " + " / ".join(f"{rate:.0f}" for rate in rates) + " req/s")
    return statistics.mean(static_rates), statistics.mean(page_rates)


# --- 3. bytes on the wire -----------------------------------------------------------------


LINKED_ASSETS = {"stylesheet", "icon", "preload", "modulepreload", "apple-touch-icon"}


class AssetFinder(HTMLParser):
    """Collects the URLs of stylesheets, scripts, icons and images in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        rels = set((found.get("rel") or "").lower().split())
        if tag == "link" and rels & LINKED_ASSETS:
            self.urls.append(found.get("href") or "")
        elif tag in {"script", "img", "source"} and found.get("src"):
            self.urls.append(found["src"] or "")


def decoded(fetched: Fetched) -> bytes:
    encoding = fetched.headers.get("Content-Encoding", "")
    if encoding == "br":
        import brotli

        return brotli.decompress(fetched.body)
    if encoding == "gzip":
        return gzip.decompress(fetched.body)
    return fetched.body


def css_urls(css: str, base: str) -> list[str]:
    found = re.findall(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""", css)
    return [urljoin(base, url) for url in found if not url.startswith("data:")]


def long_lived(fetched: Fetched) -> bool:
    match = re.search(r"max-age=(\d+)", fetched.headers.get("Cache-Control", ""))
    return bool(match) and int(match.group(1)) >= LONG_LIVED_SECONDS


@dataclass
class Transfer:
    # path, bytes sent on the first visit, encoding, bytes sent on a repeat visit
    rows: list[tuple[str, int, str, int]]

    @property
    def first(self) -> int:
        return sum(size for _, size, _, _ in self.rows)

    @property
    def repeat(self) -> int:
        return sum(again for _, _, _, again in self.rows)


def repeat_size(port: int, path: str, fetched: Fetched) -> int:
    """Bytes a browser downloads again: nothing for a long-lived asset; for the rest, a
    conditional request (If-None-Match / If-Modified-Since), as browsers send it."""
    if long_lived(fetched):
        return 0
    validators = {}
    if fetched.headers.get("ETag"):
        validators["If-None-Match"] = fetched.headers["ETag"]
    if fetched.headers.get("Last-Modified"):
        validators["If-Modified-Since"] = fetched.headers["Last-Modified"]
    if not validators:
        return len(fetched.body)
    return len(fetch(port, path, ACCEPT | validators).body)


def measure_transfer(port: int) -> Transfer:
    """Fetch the page, then breadth-first every same-origin asset it leads to."""
    rows, seen, queue = [], set(), [OVERVIEW]
    while queue:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        fetched = fetch(port, path, ACCEPT)
        if fetched.status != 200:
            raise RuntimeError(f"{path} answered {fetched.status}")
        encoding = fetched.headers.get("Content-Encoding", "identity")
        is_page = path == OVERVIEW
        rows.append((path, len(fetched.body), encoding, repeat_size(port, path, fetched)))
        content_type = fetched.headers.get("Content-Type", "")
        if is_page:
            finder = AssetFinder()
            finder.feed(decoded(fetched).decode())
            linked = [urljoin(path, url) for url in finder.urls if url]
        elif content_type.startswith("text/css"):
            linked = css_urls(decoded(fetched).decode(), path)
        else:
            linked = []
        for url in linked:
            parts = urlsplit(url)
            if parts.netloc and parts.netloc != f"127.0.0.1:{port}":
                print(f"  note: not fetched (other origin): {url}")
                continue
            queue.append(parts.path)
    return Transfer(rows)


# --- report ---------------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def print_transfer(transfer: Transfer) -> None:
    for path, size, encoding, again in transfer.rows:
        print(
            f"  {size / 1000:8.1f} KB  {encoding:8}  {path}  (repeat visit: {again / 1000:.1f} KB)"
        )


def serve_and_measure(static_path: str, workdir: Path) -> tuple[float, float, Transfer]:
    port, log = free_port(), workdir / "gunicorn.log"
    process = start_gunicorn(port, log)
    try:
        wait_until_serving(process, port, static_path, log)
        warm = fetch(port, OVERVIEW)  # renders once and fills the server's cache
        if warm.status != 200:
            raise RuntimeError(f"{OVERVIEW} answered {warm.status}:\n{log.read_text()[-3000:]}")
        shown = warm.body.count(b'data-indicator="')
        print(f"server: gunicorn, 2 workers, port {port}; overview shows {shown} indicators")
        static_rps, page_rps = compare_rates(port, static_path)
        transfer = measure_transfer(port)
        print_transfer(transfer)
        return page_rps, static_rps, transfer
    finally:
        stop_gunicorn(process)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    workdir = Path(tempfile.mkdtemp(prefix="uxosector-bench-public-"))
    configure_environment(workdir)

    import django

    django.setup()
    from django.core.management import call_command

    load = os.getloadavg()[0]
    print(f"machine: {os.cpu_count()} CPUs, load average {load:.1f} before the run")
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    generate_figures()
    print(f"data: {len(YEARS)} years x {INDICATORS} indicators x 4 frameworks in {workdir}")
    static_path = collect_static()
    print(f"set-up (migrate, data, collectstatic): {time.perf_counter() - started:.1f} s")

    dashboard = time_dashboard(DASHBOARD_RUNS)
    print(
        f"dashboard: first render {dashboard.first_ms:.0f} ms; "
        f"{dashboard.queries} queries per render"
    )
    page_rps, static_rps, transfer = serve_and_measure(static_path, workdir)
    shutil.rmtree(workdir, ignore_errors=True)

    ratio = page_rps / static_rps if static_rps else 0.0
    runs = dashboard.runs_ms
    first_kb, repeat_kb = transfer.first / 1000, transfer.repeat / 1000
    print("\nReport")
    print(
        f"1.  cached overview {page_rps:.0f} req/s vs static file {static_rps:.0f} req/s "
        f"= {ratio:.0%} (goal >= {GOAL_RATIO:.0%}; client {load_client()}): "
        f"{verdict(ratio >= GOAL_RATIO)}"
    )
    print(
        f"2.  dashboard cold render median {dashboard.median_ms:.0f} ms "
        f"(min {min(runs):.0f}, max {max(runs):.0f}, {len(runs)} runs) "
        f"(goal <= {GOAL_DASHBOARD_MS:.0f} ms): {verdict(dashboard.median_ms <= GOAL_DASHBOARD_MS)}"
    )
    print(
        f"3a. overview first visit {first_kb:.1f} KB on the wire "
        f"(goal <= {GOAL_FIRST_KB:.0f} KB): {verdict(first_kb <= GOAL_FIRST_KB)}"
    )
    print(
        f"3b. overview repeat visit {repeat_kb:.1f} KB on the wire "
        f"(goal <= {GOAL_REPEAT_KB:.0f} KB): {verdict(repeat_kb <= GOAL_REPEAT_KB)}"
    )


if __name__ == "__main__":
    main()
