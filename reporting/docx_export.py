"""The report as a Word document in the official bilingual layout (python-docx).

Word draws Lao with the complex-script font (w:cs), not the Latin one: every run sets
both, and Lao runs carry the Lao language tag, so Word shows Lao properly whatever
the machine's defaults.
"""

import io
import re

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from .document import Bilingual, ReportDocument, labels

LATIN_FONT = "Calibri"
LAO_FONT = "Phetsarath OT"  # the government's font; Noto Sans Lao is the open fallback
LAO = re.compile(r"[\u0e80-\u0eff]")


def _fonts(run) -> None:
    properties = run._element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = properties.makeelement(qn("w:rFonts"), {})
        properties.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi"):
        fonts.set(qn(slot), LATIN_FONT)
    fonts.set(qn("w:cs"), LAO_FONT)
    fonts.set(qn("w:eastAsia"), LAO_FONT)
    if LAO.search(run.text):
        fonts.set(qn("w:hint"), "cs")
        language = properties.find(qn("w:lang"))
        if language is None:
            language = properties.makeelement(qn("w:lang"), {})
            properties.append(language)
        language.set(qn("w:bidi"), "lo-LA")


def _style_fonts(style) -> None:
    style.font.name = LATIN_FONT
    style.font.size = Pt(10.5)
    fonts = style.element.get_or_add_rPr().find(qn("w:rFonts"))
    fonts.set(qn("w:cs"), LAO_FONT)
    fonts.set(qn("w:eastAsia"), LAO_FONT)


def _text(paragraph, text: str, *, bold: bool = False, size: float | None = None):
    run = paragraph.add_run(text)
    run.bold = bold
    if size:
        run.font.size = Pt(size)
        run._element.get_or_add_rPr()  # complex-script size follows
        size_cs = run._element.rPr.makeelement(qn("w:szCs"), {qn("w:val"): str(int(size * 2))})
        run._element.rPr.append(size_cs)
    _fonts(run)
    return run


def _paragraph(document, text: str = "", **kwargs):
    paragraph = document.add_paragraph()
    if text:
        _text(paragraph, text, **kwargs)
    return paragraph


def _cell(cell, text: str, *, bold: bool = False) -> None:
    cell.paragraphs[0].text = ""
    _text(cell.paragraphs[0], text, bold=bold)


def _both(label: Bilingual, suffix: str = "") -> str:
    return f"{label.lo}{suffix} / {label.en}{suffix}"


def _answer(document, text: str, empty: str) -> None:
    blocks = [b.strip() for b in text.split("\n") if b.strip()] or [empty]
    for block in blocks:
        _paragraph(document, block)


def render_docx(doc: ReportDocument) -> bytes:
    document = Document()
    label = labels()
    for section in document.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2.2)
        section.top_margin = section.bottom_margin = Cm(2.0)
    _style_fonts(document.styles["Normal"])

    title = _paragraph(document, doc.title.lo, bold=True, size=15)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    subtitle = _paragraph(document, doc.title.en, bold=True, size=13)
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _paragraph(document, doc.intro.lo)
    _paragraph(document, doc.intro.en)
    swg = _paragraph(document)
    _text(swg, _both(label["swg"], ": "), bold=True)
    _text(swg, f"{doc.swg.lo} / {doc.swg.en} · {doc.year}")

    people = document.add_table(rows=1, cols=3)
    people.style = "Table Grid"
    header = people.rows[0].cells
    for cell, key in zip(header, ("role", "name", "dates"), strict=True):
        _cell(cell, _both(label[key]), bold=True)
    for person in doc.people:
        cells = people.add_row().cells
        _cell(cells[0], f"{person.role.lo}\n{person.role.en}")
        _cell(cells[1], f"{person.name}, {person.position}")
        _cell(
            cells[2],
            person.dates.en if not person.dates.lo else f"{person.dates.lo}\n{person.dates.en}",
        )

    for block in doc.sections:
        _paragraph(document)
        _paragraph(document, f"{block.number}. {block.question.lo} ({block.length.lo})", bold=True)
        _paragraph(document, f"{block.question.en} ({block.length.en})", bold=True)
        _answer(document, block.answer.lo, label["empty"].lo)
        _answer(document, block.answer.en, label["empty"].en)

    _paragraph(document)
    _paragraph(document, _both(label["figures"]), bold=True, size=12)
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    columns = ("indicator", "actual", "framework", "target", "achievement")
    for cell, key in zip(table.rows[0].cells, columns, strict=True):
        _cell(cell, _both(label[key]), bold=True)
    for row in doc.figures:
        for target in row.targets or [None]:
            cells = table.add_row().cells
            _cell(cells[0], f"{row.indicator.lo}\n{row.indicator.en}")
            _cell(cells[1], f"{row.actual.lo}\n{row.actual.en}")
            if target is None:
                continue
            _cell(cells[2], _join(target.framework))
            _cell(cells[3], _join(target.target))
            _cell(cells[4], _join(target.achievement) + "\n" + _met(target.met, label))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _join(value: Bilingual) -> str:
    return value.en if value.lo == value.en else f"{value.lo}\n{value.en}"


def _met(met: bool | None, label: dict[str, Bilingual]) -> str:
    if met is None:
        return "—"
    return _both(label["met"] if met else label["not_met"])
