"""Floor of ``liaison brief delegation N``: a bare ReportLab script, nothing of Liaison.

    python tests/bench/floor_brief.py PHOTO_DIR OUT.pdf

It builds a sheet comparable to the 12-member delegation briefing of ``make bench``
(``tests/bench/bench_briefing.py``): the same Noto Sans TrueType family from
``assets/fonts``, a heading, the purpose, a programme table of six meetings and a
table of twelve members, each with a portrait read from a JPEG file in PHOTO_DIR
(shrunk to 30 mm, as sheets print them), two titles and a biography; three A4
pages. What a whole ``liaison brief`` process cannot beat: starting Python,
importing ReportLab, reading the fonts and photos, laying out and writing the PDF.
"""

import sys
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

FONTS = Path(__file__).resolve().parents[2] / "assets" / "fonts"
MEMBERS = 12


def main(photo_dir: str, out: str) -> None:
    faces = {"F": "NotoSans-Regular.ttf", "F-Bold": "NotoSans-Bold.ttf",
             "F-Italic": "NotoSans-Italic.ttf", "F-BoldItalic": "NotoSans-BoldItalic.ttf"}
    for name, filename in faces.items():
        pdfmetrics.registerFont(TTFont(name, str(FONTS / filename)))
    pdfmetrics.registerFontFamily("F", normal="F", bold="F-Bold", italic="F-Italic",
                                  boldItalic="F-BoldItalic")
    body = ParagraphStyle("body", fontName="F", fontSize=9.5, leading=12)
    head = ParagraphStyle("head", fontName="F-Bold", fontSize=16, leading=20)
    cell = ParagraphStyle("cell", fontName="F", fontSize=9, leading=11)
    story: list[object] = [
        Paragraph("Milan city delegation to Hanoi, March 2025", head),
        Paragraph("<b>Incoming</b> · 10–13 March 2025 · Milano → Hà Nội", body),
        Spacer(0, 4 * mm),
        Paragraph("Sign the smart-city memorandum and visit the operations centre.", body),
        Spacer(0, 4 * mm),
    ]
    programme = [[Paragraph(f"<b>{10 + n // 2} March, {9 + n:02d}:00</b>", cell),
                  Paragraph(f"Working meeting {n + 1}<br/><i>Comune di Milano, Hà Nội</i><br/>"
                            "Mobility, data platforms and the start-up ecosystem.", cell)]
                 for n in range(6)]
    story.append(Table(programme, colWidths=[35 * mm, 135 * mm], style=TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.grey)])))
    members = []
    for n in range(MEMBERS):
        photo = Image(str(Path(photo_dir) / f"{n}.jpg"), width=30 * mm, height=30 * mm)
        text = Paragraph(
            f"<b>Dr Giulia Maria Rossi{n}</b>{' (head)' if n == 0 else ''}<br/>"
            f"Assessor for Urban Policy {n}, Comune di Milano<br/>"
            "<i>Councillor (2015–2020)</i><br/>Address as <b>Assessor Rossi</b><br/>"
            + "Urban planner. " * 20 + "<br/><i>Prefers Italian.</i>", cell)
        members.append([photo, text])
    story.append(Spacer(0, 4 * mm))
    story.append(Table(members, colWidths=[34 * mm, 136 * mm], style=TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.grey)])))
    SimpleDocTemplate(out, pagesize=A4).build(story)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
