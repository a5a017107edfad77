"""The report as a PDF in the official bilingual layout (WeasyPrint).

Lao is written without spaces between words, and WeasyPrint only breaks a line where
the text allows it: a Lao paragraph would run off the page as one endless line. So
every string is passed through `break_lao` first, which puts a zero-width space
(U+200B) between Lao words; WeasyPrint breaks there and prints nothing.

The fonts are the project's own (static/vendor/fonts, woff2, embedded as subsets), so
the PDF looks the same on a machine without any Lao font installed.

No charts: the key-figures table carries every number, its targets and achievements.
"""

import dataclasses
import functools
import io
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from laonlp.tokenize import word_tokenize

from .document import ReportDocument, labels

ZWSP = "\u200b"
TEMPLATE = "reporting/pdf/report.html"

_LAO_RUN = re.compile(r"[\u0e80-\u0eff]+")
# Vowel signs, tone marks and other signs that belong to what comes before them (with
# the repetition mark ໆ and the ellipsis ຯ): a line must not start with one.
_NO_BREAK_BEFORE = frozenset(
    [chr(0x0EAF), *map(chr, range(0x0EB0, 0x0EBE)), chr(0x0EC6), *map(chr, range(0x0EC8, 0x0ECF))]
)
# Vowels written before their consonant (ເ ແ ໂ ໃ ໄ): a line must not end on one.
_NO_BREAK_AFTER = frozenset(map(chr, range(0x0EC0, 0x0EC5)))
_LAO_DIGITS = frozenset(map(chr, range(0x0ED0, 0x0EDA)))

# A TJ array whose last item is a position adjustment, after at least one glyph string.
_TRAILING_ADJUSTMENT = re.compile(rb"^\[(.*>)(-?\d+(?:\.\d+)?)\] TJ$", re.S)


def _joins(previous: str, token: str) -> bool:
    return (
        token[0] in _NO_BREAK_BEFORE
        or previous[-1] in _NO_BREAK_AFTER
        or (previous[-1] in _LAO_DIGITS and token[0] in _LAO_DIGITS)
    )


def _break_run(run: str) -> str:
    tokens = [token for token in word_tokenize(run) if token]
    if "".join(tokens) != run:  # never lose or change a character
        return run
    words = [tokens[0]]
    for token in tokens[1:]:
        if _joins(words[-1], token):
            # laonlp sometimes cuts inside a syllable ("ສໍາເລັດ" -> "ສໍ", "າ", "ເລັດ").
            words[-1] += token
        else:
            words.append(token)
    return ZWSP.join(words)


def break_lao(text: str) -> str:
    """Insert a zero-width space between the words of every run of Lao script.

    Other text is left as it is, and removing the zero-width spaces gives `text` back.
    """
    return _LAO_RUN.sub(lambda match: _break_run(match.group()), text)


def _breakable(value):
    """The same value with `break_lao` applied to every string inside it."""
    if isinstance(value, str):
        return break_lao(value)
    if isinstance(value, list):
        return [_breakable(item) for item in value]
    if isinstance(value, dict):
        return {key: _breakable(item) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            field.name: _breakable(getattr(value, field.name))
            for field in dataclasses.fields(value)
            if field.init
        }
        return dataclasses.replace(value, **changes)
    return value


def _static_dir() -> Path:
    return (Path(settings.BASE_DIR) / "static").resolve()


def render_html(doc: ReportDocument) -> str:
    """The HTML that WeasyPrint prints: the document, with Lao made breakable."""
    context = {"doc": doc, "labels": labels()}
    return render_to_string(TEMPLATE, _breakable(context))


def _keep_trailing_adjustments(document, pdf) -> None:
    """Move the last position adjustment of each TJ array into a TJ of its own.

    WeasyPrint ends a TJ array with an adjustment when it raises a stacked Lao mark
    (a tone mark over a vowel, as in ຕັ້ງ, ເສັ້ນ, ຊື່) and when a font changes after
    a mark. PDF viewers built on PDFium (Chrome's, Edge's) drop an adjustment that
    comes after the last glyph of an array, so the rest of the word is drawn back
    over it. `[<a> 12 <b> -40] TJ` and `[<a> 12 <b>] TJ [-40] TJ` mean the same thing
    to every viewer; PDFium honours the second.
    """
    from weasyprint.pdf.stream import Stream

    for obj in pdf.objects:
        if not isinstance(obj, Stream):  # page contents, not font files or images
            continue
        operations = []
        for operation in obj.stream:
            match = isinstance(operation, bytes) and _TRAILING_ADJUSTMENT.match(operation)
            if match and float(match.group(2)):
                operations += [b"[" + match.group(1) + b"] TJ", b"[" + match.group(2) + b"] TJ"]
            else:
                operations.append(operation)
        obj.stream[:] = operations


@functools.cache
def _decoded_font(path: Path, modified: float) -> bytes:
    """A woff2 font as plain TrueType, decoded once per process (and again if the file
    changes): WeasyPrint would otherwise decode every font on every render."""
    from fontTools.ttLib import woff2

    decoded = io.BytesIO()
    with path.open("rb") as font:
        woff2.decompress(font, decoded)
    return decoded.getvalue()


def _write_pdf(html_string: str) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    static_dir = _static_dir()

    class StaticFilesOnly(URLFetcher):
        """The stylesheet and fonts come from static/; nothing else is fetched, so the
        text of a report can never pull a file or a web address into the PDF."""

        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            path = Path(unquote(parts.path)).resolve()
            if parts.scheme != "file" or not path.is_relative_to(static_dir):
                raise ValueError(f"not a static file of the project: {url}")
            if path.suffix == ".woff2":
                return URLFetcherResponse(url, _decoded_font(path, path.stat().st_mtime))
            return super().fetch(url, headers)

    html = HTML(
        string=html_string,
        base_url=static_dir.as_uri() + "/",
        url_fetcher=StaticFilesOnly(),
    )
    return html.write_pdf(finisher=_keep_trailing_adjustments)


def render_pdf(doc: ReportDocument) -> bytes:
    """The report as an A4 PDF, both languages, with the project's fonts embedded."""
    return _write_pdf(render_html(doc))


WARM_UP_HTML = (
    '<html lang="lo"><head><link rel="stylesheet" href="css/report-pdf.css"></head>'
    "<body><p>ບົດລາຍງານ <b>ບົດລາຍງານ</b> Report <b>Report</b></p></body></html>"
)


def warm_up() -> None:
    """Pay the one-time costs of a process's first PDF ahead of it: importing WeasyPrint
    and the Lao tokenizer (about 1.3 s together) and decoding the fonts. The WSGI
    entry point calls this in a background thread at start, so no visitor waits."""
    break_lao("ບົດລາຍງານ")
    _write_pdf(WARM_UP_HTML)
