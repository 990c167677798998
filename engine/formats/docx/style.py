"""The Word document's page and styles: A4, a Latin and an East Asian font on every style the report
uses (Word takes CJK characters from w:eastAsia, so Chinese never falls back to a Latin font), headings
as Word's own Heading styles (the navigation pane and a table of contents find them)."""
from __future__ import annotations

from copy import deepcopy
from functools import lru_cache

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

BODY = ("Times New Roman", "宋体")
"""(Latin, East Asian) font of body text and tables: what Chinese official documents use (SimSun)."""
HEAD = ("Arial", "黑体")
"""The same for the title and headings (SimHei)."""
SIZES = {"Normal": 10.5, "Title": 18, "Heading 1": 16, "Heading 2": 14, "Heading 3": 12}
"""Points: 五号 body, 小二 title, 三号 / 四号 / 小四 headings."""
INK = RGBColor(0x1F, 0x29, 0x37)
LANGS = {"zh": "zh-CN", "en": "en-GB"}


def new_document(ui: str):
    """An empty A4 document with the report's fonts set on every style it uses."""
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2.2)
    for name, size in SIZES.items():
        st = doc.styles[name]
        fonts(st.element.get_or_add_rPr(), *(BODY if name == "Normal" else HEAD))
        st.font.size = Pt(size)
        if name != "Normal":
            st.font.color.rgb = INK
    language(doc.styles["Normal"].element.get_or_add_rPr(), ui)
    return doc


def fonts(rpr, latin: str, east_asian: str) -> None:
    """Set w:rFonts on a run's or style's properties: the Latin font for ASCII and high ANSI, the East Asian
    font for CJK; theme fonts removed (they would win over the names)."""
    rfonts = rpr.get_or_add_rFonts()
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        rfonts.attrib.pop(qn(f"w:{attr}"), None)
    for attr, name in (("ascii", latin), ("hAnsi", latin), ("cs", latin), ("eastAsia", east_asian)):
        rfonts.set(qn(f"w:{attr}"), name)


def rfonts(latin: str, east_asian: str):
    """A new w:rFonts element naming these fonts (a copy of one made once: a report has thousands of runs)."""
    return deepcopy(_rfonts(latin, east_asian))


@lru_cache(maxsize=None)
def _rfonts(latin: str, east_asian: str):
    attrs = " ".join(f'w:{a}="{latin}"' for a in ("ascii", "hAnsi", "cs")) + f' w:eastAsia="{east_asian}"'
    return parse_xml(f'<w:rFonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" {attrs}/>')


def language(rpr, ui: str) -> None:
    """w:lang: spelling and line breaking in the report's language, CJK text marked zh-CN."""
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.insert_element_before(rpr.makeelement(qn("w:lang"), {}), "w:eastAsianLayout", "w:specVanish",
                                         "w:oMath")  # its place in the schema's order
    lang.set(qn("w:val"), LANGS.get(ui, "zh-CN"))
    lang.set(qn("w:eastAsia"), "zh-CN")
