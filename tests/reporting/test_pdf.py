"""The report as a PDF: Lao breaks between words, the text reads back, the fonts travel
with the file, and nothing runs off the page."""

import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfminer.pdftypes import resolve1

from reporting import pdf as pdf_module
from reporting.pdf import ZWSP, break_lao
from tests.conftest import make_member

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = json.loads((ROOT / "fixtures" / "report_2023.json").read_text(encoding="utf-8"))
QUESTIONS_LO = [s["question_lo"] for s in FIXTURE["template"]["sections"]]

# Vowel signs, tone marks and other signs that belong to the syllable before them.
DEPENDENT = set(map(chr, range(0x0EB0, 0x0EBD))) | set(map(chr, range(0x0EC8, 0x0ECE)))
LAO = re.compile(r"[\u0e80-\u0eff]")


def no_break_before_a_dependent_sign(text: str) -> bool:
    return not any(text[i + 1] in DEPENDENT for i, c in enumerate(text[:-1]) if c == ZWSP)


# --- break_lao, without Django ---------------------------------------------------------


@pytest.mark.parametrize("text", QUESTIONS_LO + [FIXTURE["template"]["intro_lo"]])
def test_removing_the_breaks_gives_the_text_back(text):
    broken = break_lao(text)
    assert broken.replace(ZWSP, "") == text
    assert broken.count(ZWSP) >= 5  # long sentences: many words, each breakable


def test_it_breaks_between_lao_words():
    assert break_lao("ໜ່ວຍງານຂະແໜງການ").split(ZWSP) == ["ໜ່ວຍງານ", "ຂະແໜງ", "ການ"]


def test_it_never_breaks_inside_a_syllable_where_laonlp_does():
    # laonlp gives ['ສໍ', 'າ', 'ເລັດ']: a break before "າ" would split the syllable ສໍາ.
    assert break_lao("ສໍາເລັດ") == f"ສໍາ{ZWSP}ເລັດ"
    for text in QUESTIONS_LO:
        assert no_break_before_a_dependent_sign(break_lao(text))


def test_latin_text_is_left_alone():
    for text in ["UXO 58.2% of 10,000 ha", "H.E. Phoxay Khaykhamphithoune", "", "  \n"]:
        assert break_lao(text) == text
    mixed = break_lao("SDG 18 ໜ່ວຍງານຂະແໜງການ UXO, 2023")
    assert mixed.startswith("SDG 18 ") and mixed.endswith(" UXO, 2023")


def test_breaking_twice_changes_nothing_more():
    text = QUESTIONS_LO[1]
    assert break_lao(break_lao(text)) == break_lao(text)


LAO_WORDS = sorted({word for q in QUESTIONS_LO for word in break_lao(q).split(ZWSP)})
texts = st.one_of(
    st.text(
        st.one_of(
            st.characters(min_codepoint=0x0E80, max_codepoint=0x0EFF),
            st.sampled_from(list("abcXYZ 0123456789.,%-()\n")),
        ),
        max_size=80,
    ),
    st.lists(st.sampled_from(LAO_WORDS + [" ", "UXO", "58,2%", "ສໍາ", "າ", "ເ"]), max_size=30).map(
        "".join
    ),
)


@settings(deadline=None)
@given(texts)
def test_breaks_are_only_added_between_lao_characters(text):
    broken = break_lao(text)
    assert broken.replace(ZWSP, "") == text
    assert no_break_before_a_dependent_sign(broken)
    for i, c in enumerate(broken):
        if c == ZWSP:
            assert LAO.match(broken[i - 1]) and LAO.match(broken[i + 1])


# --- the rendered demo report ----------------------------------------------------------

# Several hundred Lao words without a space: the line breaks can only come from break_lao.
# No ໍ or ຳ, whose glyphs PDF text extraction maps back in more than one way.
SENTENCE = (
    "ການເກັບກູ້ລະເບີດແມ່ນວຽກງານຂອງໜ່ວຍງານຂະແໜງການເພື່ອຄວາມປອດໄພຂອງປະຊາຊົນລາວ"
    "ຕາມເສັ້ນທາງປອດໄພຜູ້ຖືກເຄາະຮ້າຍໄດ້ຮັບການຊ່ວຍເຫຼືອຕັ້ງແຕ່ປີກາຍ"
)
LONG_LAO = SENTENCE * 40


@dataclass
class Rendered:
    pdf: bytes
    html: str
    pages: list[dict]  # per page: chars, words, text, width, fonts, content
    names: list[str]


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker):
    """The demo report with a long Lao answer, rendered once for all the tests below
    (a render takes about a second); the database changes are rolled back."""
    from django.db import connection, transaction

    from indicators.demo import demo_load
    from reporting.demo import report_demo_load
    from reporting.document import build_document
    from reporting.models import Report
    from reporting.pdf import render_html, render_pdf

    with django_db_blocker.unblock(), transaction.atomic():
        demo_load()
        report_demo_load()
        report = Report.objects.get(year=2023)
        answer = report.answers.get(section__number="1")
        answer.text_lo = LONG_LAO
        answer.save()
        names = [person.name for person in report.people.all()]
        html = render_html(build_document(report))
        pdf = render_pdf(build_document(report))
        transaction.set_rollback(True)
    # After a browser test, Playwright's event loop makes this fixture's connection
    # a different one from the tests'; close it, or PostgreSQL cannot drop the test
    # database at the end ("being accessed by other users").
    with django_db_blocker.unblock():
        connection.close()
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        pages = [
            {
                "chars": page.chars,
                "words": page.extract_words(),
                "text": page.extract_text(),
                "width": page.width,
                "fonts": _font_descriptors(page),
                "content": b"".join(resolve1(s).get_data() for s in page.page_obj.contents),
            }
            for page in document.pages
        ]
    return Rendered(pdf, html, pages, names)


def _font_descriptors(page) -> list[dict]:
    descriptors = []
    for reference in resolve1(page.page_obj.resources["Font"]).values():
        font = resolve1(reference)
        if font["Subtype"].name == "Type0":
            font = resolve1(resolve1(font["DescendantFonts"])[0])
        descriptors.append(resolve1(font["FontDescriptor"]))
    return descriptors


def _all_text(rendered) -> str:
    return re.sub(r"\s+", " ", " ".join(page["text"] for page in rendered.pages))


def test_it_is_a_pdf_of_several_pages(rendered):
    assert rendered.pdf.startswith(b"%PDF-")
    assert len(rendered.pages) > 1


def test_the_lao_text_reaches_the_page_breakable(rendered):
    assert break_lao(LONG_LAO) in rendered.html
    assert break_lao(QUESTIONS_LO[0]) in rendered.html


def test_lao_and_english_text_reads_back(rendered):
    text = _all_text(rendered)
    # Combining marks have no width, so extraction puts spaces around them.
    assert "ຈຸດປະສົງ" in text.replace(" ", "")
    assert "Main objectives and targets of Sector Working Group in 2023" in text
    for name in rendered.names:
        assert name in text
    assert "58.2%" in text and "58,2%" in text  # area cleared against 10,000 ha


def test_the_fonts_are_the_projects_noto_fonts_embedded(rendered):
    fontnames = {c["fontname"] for page in rendered.pages for c in page["chars"]}
    assert any("Noto-Sans-Lao" in name for name in fontnames)
    # A subset tag ("ABCDEF+") and only Noto: nothing fell back to a system font.
    assert all(re.fullmatch(r"[A-Z]{6}\+Noto-Sans(-Lao)?(-Bold)?", n) for n in fontnames), fontnames
    descriptors = [d for page in rendered.pages for d in page["fonts"]]
    assert descriptors
    assert all({"FontFile", "FontFile2", "FontFile3"} & set(d) for d in descriptors)


def _margin_points() -> float:
    css = (ROOT / "static" / "css" / "report-pdf.css").read_text(encoding="utf-8")
    centimetres = re.search(r"@page\s*{[^}]*?\bmargin:\s*([\d.]+)cm;", css).group(1)
    return float(centimetres) * 72 / 2.54


def test_no_word_leaves_the_text_area(rendered):
    margin = _margin_points()
    assert margin == pytest.approx(56.69, abs=0.01)
    for number, page in enumerate(rendered.pages, start=1):
        for word in page["words"]:
            assert word["x0"] >= margin - 1, (number, word["text"])
            assert word["x1"] <= page["width"] - margin + 1, (number, word["text"])


def _lines(page) -> list[str]:
    """The page's lines, each in the order its glyphs were drawn (Lao's logical order).
    A stacked tone mark sits a little off its line, so lines are told apart by gaps."""
    lines: list[tuple[float, list[str]]] = []
    for char in sorted(page["chars"], key=lambda c: c["top"]):
        if lines and char["top"] - lines[-1][0] < 5:
            continue
        lines.append((char["top"], []))
    for char in page["chars"]:  # drawing order
        top = max(t for t, _chars in lines if t <= char["top"] + 0.01)
        next(chars for t, chars in lines if t == top).append(char["text"])
    return ["".join(chars).replace(" ", "") for _top, chars in lines]


def test_long_lao_lines_break_between_words_and_go_on_to_the_next_page(rendered):
    pieces = [
        (number, line)
        for number, page in enumerate(rendered.pages)
        for line in _lines(page)
        if len(line) > 20 and line in LONG_LAO
    ]
    assert "".join(line for _number, line in pieces) == LONG_LAO
    assert len(pieces) > 20
    assert len({number for number, _line in pieces}) > 1
    boundaries, offset = set(), 0
    for word in break_lao(LONG_LAO).split(ZWSP):
        offset += len(word)
        boundaries.add(offset)
    offset = 0
    for _number, line in pieces:
        offset += len(line)
        assert offset in boundaries, line[-12:]


def test_no_text_array_ends_with_a_move_that_pdfium_drops(rendered):
    # Chrome's viewer (PDFium) ignores a move after an array's last glyph: the rest of
    # a word with a stacked Lao mark (ເສັ້ນ, ຕັ້ງ) would be drawn back over it.
    content = b"".join(page["content"] for page in rendered.pages)
    arrays = re.findall(rb"\[([^\]]*)\] TJ", content)
    assert len(arrays) > 100
    last_moves = [float(m.group(1)) for a in arrays if (m := re.search(rb">(-?[\d.]+)$", a))]
    assert last_moves  # WeasyPrint ends some arrays with "0", which is harmless
    assert not any(last_moves)


def test_the_page_download_is_the_pdf(client, report_demo):
    client.force_login(make_member("chair", "chair"))
    response = client.get(f"/en/reports/{report_demo.pk}/export.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="uxo-report-2023.pdf"'
    assert response.content.startswith(b"%PDF-")


def test_the_warm_up_decodes_the_fonts_the_report_uses():
    pdf_module._decoded_font.cache_clear()
    pdf_module.warm_up()
    # Latin and Lao, regular and bold: the four faces of report-pdf.css.
    assert pdf_module._decoded_font.cache_info().currsize == 4
