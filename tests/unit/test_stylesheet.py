"""Stage 2 (style sheets): YAML in, StyleSheet or LayoutError out.

Contract under test: every bad input becomes a LayoutError whose text names the file, the line
and the full key path (and, where one exists, a "did you mean"); good input resolves to points.
Everything is written to ``tmp_path``; font files are 4-byte stand-ins with the TrueType magic
(the loader checks that magic only; reading glyphs is the text stage's job).
"""
from __future__ import annotations

import dataclasses
import re
import shutil
import textwrap
from pathlib import Path

import pytest

from layout.errors import LayoutError, LayoutErrors
from layout.stylesheet import (Align, Color, Furniture, Hyphenation, Justification, ModuleSpacing,
                               Rules, load_stylesheet, reference_markdown)
from layout.stylesheet.kinds import ParseContext
from layout.stylesheet.properties import (FONT_FAMILY, FURNITURE, HYPHENATION, JUSTIFICATION,
                                          PAGE, RULES, SHEET_KEYS, SPACING, TEXT_STYLE)
from layout.stylesheet.reader import Origins, Problems, read_section
from layout.stylesheet.types import TextStyle

REPO = Path(__file__).resolve().parents[2]
TRUETYPE = b"\x00\x01\x00\x00" + bytes(60)

BASE = """\
page:
  size: tabloid
  margin_top: 36pt
  margin_bottom: 36pt
  margin_inside: 36pt
  margin_outside: 36pt
  columns: 5
  gutter: 12pt
colors:
  ink: cmyk(0, 0, 0, 100)
fonts:
  serif: {regular: fonts/Serif.ttf, bold: fonts/Serif-Bold.ttf}
  sans: {regular: fonts/Sans.ttf}
  korean: {regular: fonts/Korean.ttf}
fallback: [korean]
styles:
  body: {font: serif, size: 10pt, leading: 12pt, align: justify, hyphenate: true}
  deck: {like: body, size: 14pt, leading: 16pt, align: left}
  byline: {font: sans, size: 8pt, leading: 12pt, bold: true}
  caption: {like: byline, bold: false}
  credit: {like: caption, align: right, uppercase: true}
  copyright: {like: caption}
  subhead: {like: body, bold: true}
  quote: {like: body, left_indent: 1em}
  folio: {like: caption}
  masthead: {font: serif, size: 60pt, leading: 64pt, align: center}
  dateline: {like: caption}
  jump: {like: caption}
  jump_headline: {like: deck}
headline:
  - {font: serif, bold: true, size: 40pt, leading: 42pt}
  - {font: serif, bold: true, size: 24pt, leading: 26pt}
"""


@pytest.fixture
def styles(tmp_path: Path) -> Path:
    """A styles folder holding base.yaml and the stand-in fonts it names."""
    folder = tmp_path / "styles"
    (folder / "fonts").mkdir(parents=True)
    for name in ("Serif.ttf", "Serif-Bold.ttf", "Sans.ttf", "Korean.ttf"):
        (folder / "fonts" / name).write_bytes(TRUETYPE)
    (folder / "fonts" / "Cff.otf").write_bytes(b"OTTO" + bytes(60))
    (folder / "fonts" / "Both.ttc").write_bytes(b"ttcf" + bytes(60))
    (folder / "base.yaml").write_text(BASE)
    return folder


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(textwrap.dedent(text))
    return path


def load_error(folder: Path, name: str = "bad") -> str:
    with pytest.raises(LayoutError) as caught:
        load_stylesheet(name, styles_dir=folder)
    return str(caught.value)


# --- the table: bad sheet → fragments its message must contain ------------------------------

BILLION_LAUGHS = "extends: base\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + \
    "".join(f"x{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 9))

BAD_SHEETS = [
    ("unknown key, did you mean", "extends: base\nstyles:\n  body:\n    leadng: 12pt\n",
     ["bad.yaml:4: styles.body.leadng: unknown key", 'did you mean "leading"?']),
    ("unknown top-level key", "extends: base\nstlyes: {}\n",
     ["bad.yaml:2: stlyes: unknown key", 'did you mean "styles"?']),
    ("unknown style name", "extends: base\nstyles:\n  bdy: {size: 9pt}\n",
     ["bad.yaml:3: styles.bdy: unknown style", 'did you mean "body"?']),
    ("not a length", "extends: base\nstyles:\n  body:\n    leading: eleven\n",
     ['bad.yaml:4: styles.body.leading: expected a length like "11pt"', 'got "eleven"']),
    ("unknown unit", "extends: base\npage:\n  gutter: 12px\n",
     ['bad.yaml:3: page.gutter: unknown unit "px"']),
    ("em outside text styles", "extends: base\npage:\n  gutter: 1em\n",
     ["bad.yaml:3: page.gutter:", "em lengths are only allowed"]),
    ("bad hex colour", 'extends: base\ncolors:\n  ink: "#12345"\n',
     ["bad.yaml:3: colors.ink: expected a colour like", "six hex digits"]),
    ("unknown colour name", "extends: base\nstyles:\n  body: {color: inky}\n",
     ["bad.yaml:3: styles.body.color:", 'did you mean "ink"?']),
    ("gray as a fraction", "extends: base\nrules:\n  module: {color: gray(0.2)}\n",
     ["bad.yaml:3: rules.module.color:", "did you mean gray(20)?"]),
    ("cmyk over 100", "extends: base\ncolors:\n  ink: cmyk(0, 0, 0, 120)\n",
     ["bad.yaml:3: colors.ink:", "between 0 and 100"]),
    ("bad enum lists values", "extends: base\nstyles:\n  body: {align: centre}\n",
     ["bad.yaml:3: styles.body.align: expected one of justify, left, right, center",
      'did you mean "center"?']),
    ("missing font file", "extends: base\nfonts:\n  serif:\n    regular: fonts/Nothing.ttf\n",
     ['bad.yaml:4: fonts.serif.regular: font file not found: "fonts/Nothing.ttf"']),
    ("otf refused", "extends: base\nfonts:\n  sans: {regular: fonts/Cff.otf}\n",
     ["bad.yaml:3: fonts.sans.regular:", "CFF", "use the TrueType (.ttf) version"]),
    ("ttc refused", "extends: base\nfonts:\n  sans: {regular: fonts/Both.ttc}\n",
     ["bad.yaml:3: fonts.sans.regular:", "TrueType collection"]),
    ("unknown font family", "extends: base\nstyles:\n  body: {font: serf}\n",
     ['bad.yaml:3: styles.body.font: unknown font family "serf"', 'did you mean "serif"?']),
    ("unknown family in a list", "extends: base\nstyles:\n  body:\n    font: [serif, sanz]\n",
     ['bad.yaml:4: styles.body.font[1]: unknown font family "sanz"']),
    ("columns: 100000", "extends: base\npage:\n  columns: 100000\n",
     ["bad.yaml:3: page.columns: 100000 is too large (at most 20)"]),
    ("0pt font", "extends: base\nstyles:\n  caption:\n    size: 0pt\n",
     ["bad.yaml:4: styles.caption.size: 0pt is too small (at least 4pt)"]),
    ("negative gutter", "extends: base\npage:\n  gutter: -1pc\n",
     ["bad.yaml:3: page.gutter: -1pc (= -12pt) is too small (at least 0pt)"]),
    ("margins wider than the page", "extends: base\npage:\n  margin_inside: 6in\n"
     "  margin_outside: 6in\n",
     ["bad.yaml:3: page.margin_inside:", "margins (864pt) are wider than the page (792pt)"]),
    ("columns too narrow", "extends: base\npage:\n  columns: 20\n  gutter: 2pc\n",
     ["page.columns: 20 columns with 24pt gutters leave columns 13.2pt wide"]),
    ("leading under half the size", "extends: base\nstyles:\n  body: {leading: 4pt}\n",
     ["bad.yaml:3: styles.body.leading: leading 4pt is less than half the size 10pt"]),
    ("jump line without {page}", "extends: base\nfurniture:\n  jump_to: See inside\n",
     ["bad.yaml:3: furniture.jump_to: must contain {page}"]),
    ("jump line with other fields",
     'extends: base\nfurniture:\n  jump_to: "p. {page} {page.real}"\n',
     ["bad.yaml:3: furniture.jump_to: only {page} may appear in braces"]),
    ("bool where a number goes", "extends: base\npage:\n  columns: yes\n",
     ["bad.yaml:3: page.columns: expected a whole number, got true"]),
    ("headline rank gap", "extends: base\nheadline:\n  4: {font: serif, size: 12pt, "
     "leading: 14pt}\n", ["headline: headline rank 3 is missing"]),
    ("like names no style", "extends: base\nstyles:\n  deck: {like: bodyy}\n",
     ["bad.yaml:3: styles.deck.like:", 'did you mean "body"?']),
    ("like cycle", "extends: base\nstyles:\n  body: {like: quote}\n",
     ["styles.quote.like: circular like: body → quote → body"]),
    ("duplicate key", "extends: base\npage:\n  columns: 4\n  columns: 6\n",
     ['bad.yaml:4:3: key "columns" appears twice (lines 3 and 4)']),
    ("YAML syntax error", "extends: base\npage:\n  columns: [4\n",
     ["bad.yaml:4:1: YAML syntax error"]),
    ("tab indentation", "extends: base\npage:\n\tcolumns: 4\n",
     ["bad.yaml:3:1: YAML syntax error", "not tabs"]),
    ("python tag refused", "extends: base\nx: !!python/object/apply:os.system [ls]\n",
     ["bad.yaml:2:4: unsupported YAML tag"]),
    ("alias bomb", BILLION_LAUGHS, ["bad.yaml:", "more than 100,000 values"]),
    ("extends unknown name", "extends: bsae\n",
     ['bad.yaml:1: extends: unknown style "bsae"', 'did you mean "base"?']),
    ("root not a mapping", "- just\n- a list\n", ["bad.yaml:1: a style sheet must be a mapping"]),
]


@pytest.mark.parametrize("text, fragments", [case[1:] for case in BAD_SHEETS],
                         ids=[case[0] for case in BAD_SHEETS])
def test_bad_sheet_is_reported_with_file_line_and_key(styles, text, fragments):
    (styles / "bad.yaml").write_text(text)
    message = load_error(styles)
    for fragment in fragments:
        assert fragment in message


# --- errors: more than one, no cascades, names and paths ------------------------------------

def test_independent_mistakes_are_reported_together(styles):
    write(styles, "bad", """\
        extends: base
        page:
          columns: 0
        styles:
          body: {align: middle}
        """)
    with pytest.raises(LayoutErrors) as caught:
        load_stylesheet("bad", styles_dir=styles)
    keys = [error.key for error in caught.value.errors]
    assert keys == ["page.columns", "styles.body.align"]


def test_a_broken_colour_is_reported_once_not_at_every_use(styles):
    write(styles, "bad", """\
        extends: base
        colors:
          ink: cmyk(1, 2)
        styles:
          body: {color: ink}
          caption: {color: ink}
        """)
    message = load_error(styles)
    assert message.count("\n") == 0 and "colors.ink" in message


def test_a_bad_size_does_not_also_break_em_lengths(styles):
    write(styles, "bad", """\
        extends: base
        styles:
          body: {size: big, first_indent: 1em}
        """)
    message = load_error(styles)
    assert "styles.body.size" in message and "first_indent" not in message


def test_error_inherited_through_like_names_where_it_was_written(styles):
    write(styles, "bad", """\
        extends: base
        styles:
          caption: {size: 2pt}
        """)
    with pytest.raises(LayoutError) as caught:   # credit, copyright, folio … are like caption
        load_stylesheet("bad", styles_dir=styles)
    errors = getattr(caught.value, "errors", [caught.value])
    assert [error.key for error in errors] == ["styles.caption.size"]


def test_missing_styles_are_listed_by_name(styles):
    text = BASE.replace("  jump: {like: caption}\n", "").replace("  folio: {like: caption}\n", "")
    (styles / "bad.yaml").write_text(text)
    assert "missing text styles: folio, jump" in load_error(styles)


def test_missing_required_key_names_the_full_path(styles):
    (styles / "bad.yaml").write_text(BASE.replace("  columns: 5\n", ""))
    assert "bad.yaml:1: page.columns: required key is missing" in load_error(styles)


def test_unknown_style_name_lists_the_available_styles(styles):
    write(styles, "daily", "extends: base\n")
    with pytest.raises(LayoutError) as caught:
        load_stylesheet("dialy", styles_dir=styles)
    assert "available styles in" in str(caught.value)
    assert "base, daily" in str(caught.value)
    assert 'did you mean "daily"?' in str(caught.value)


def test_missing_style_path_is_an_error_not_a_traceback(styles):
    with pytest.raises(LayoutError, match="not found"):
        load_stylesheet(styles / "nowhere.yaml", styles_dir=styles)


def test_extends_cycle_names_the_whole_loop(styles):
    write(styles, "a", "extends: b\n")
    write(styles, "b", "extends: a\n")
    with pytest.raises(LayoutError) as caught:
        load_stylesheet("a", styles_dir=styles)
    assert "b.yaml:1: extends: extends cycle: a.yaml → b.yaml → a.yaml" in str(caught.value)


def test_extends_chain_deeper_than_ten_is_refused(styles):
    write(styles, "s0", "extends: base\n")
    for level in range(1, 12):
        write(styles, f"s{level}", f"extends: s{level - 1}\n")
    with pytest.raises(LayoutError, match="more than 10 levels of extends"):
        load_stylesheet("s11", styles_dir=styles)


ODD_VALUES = ["~", "[]", "{}", "x", "-1", "0", "true", ".inf", ".nan", "1e999pt", "[[1]]",
              "{a: {b: 1}}", "2024-01-01", '"#"', '"{}"', "!!binary aGVsbG8=", '"a\\0b"',
              '"../.."']
DECLARED_KEYS = [("page",) + (p.name,) for p in PAGE.properties] + \
    [("styles", "body", p.name) for p in TEXT_STYLE.properties] + \
    [("headline", 1, p.name) for p in TEXT_STYLE.properties] + \
    [("fonts", "serif", p.name) for p in FONT_FAMILY.properties] + \
    [("rules", "module", "width"), ("rules", "module", "color"), ("colors", "ink"),
     ("fallback",), ("extends",)] + \
    [(section.name, p.name) for section in (JUSTIFICATION, HYPHENATION, RULES, SPACING, FURNITURE)
     for p in section.properties] + \
    [(key,) for key in SHEET_KEYS]


def _nested(path: tuple, value: str) -> str:
    text = value
    for key in reversed(path[1:]):
        text = f"{{{key}: {text}}}"
    return f"{path[0]}: {text}"


@pytest.mark.parametrize("path", DECLARED_KEYS, ids=lambda path: ".".join(map(str, path)))
def test_any_odd_value_anywhere_is_a_layout_error_or_fine(styles, path):
    """No input may end in a Python traceback: every outcome is a sheet or a LayoutError."""
    for value in ODD_VALUES:
        write(styles, "odd", f"extends: base\n{_nested(path, value)}\n")
        try:
            load_stylesheet("odd", styles_dir=styles)
        except LayoutError:
            pass   # anything else propagates and fails the test


# --- resolution ----------------------------------------------------------------------------

def test_base_sheet_resolves_lengths_to_points(styles):
    sheet = load_stylesheet("base", styles_dir=styles)
    assert (sheet.page.width, sheet.page.height) == (792.0, 1224.0)
    assert sheet.page.column_width == pytest.approx((792 - 72 - 4 * 12) / 5)


def test_baseline_defaults_to_the_body_leading(styles):
    assert load_stylesheet("base", styles_dir=styles).page.baseline == 12.0


def test_em_lengths_are_relative_to_the_styles_own_size(styles):
    write(styles, "s", """\
        extends: base
        styles:
          deck: {first_indent: 1em, leading: 1.25em}
        """)
    deck = load_stylesheet("s", styles_dir=styles).styles["deck"]
    assert (deck.first_indent, deck.leading) == (14.0, 17.5)


def test_units_convert_to_points(styles):
    write(styles, "s", """\
        extends: base
        page: {margin_top: 1in, margin_bottom: 25.4mm, margin_inside: 2.54cm, margin_outside: 6pc}
        """)
    page = load_stylesheet("s", styles_dir=styles).page
    assert [round(v, 6) for v in (page.margin_top, page.margin_bottom, page.margin_inside,
                                  page.margin_outside)] == [72.0, 72.0, 72.0, 72.0]


@pytest.mark.parametrize("written, expected", [
    ('"#ff0000"', Color("rgb", (1.0, 0.0, 0.0))),
    ('"#f00"', Color("rgb", (1.0, 0.0, 0.0))),
    ('"cmyk(0, 100, 50, 10)"', Color("cmyk", (0.0, 1.0, 0.5, 0.1))),
    ("gray(20)", Color("gray", (0.8,))),
    ("gray(100)", Color("gray", (0.0,))),
    ("white", Color("gray", (1.0,))),
    ("ink", Color("cmyk", (0.0, 0.0, 0.0, 1.0))),
])
def test_colour_forms(styles, written, expected):
    write(styles, "s", f"extends: base\nstyles:\n  body: {{color: {written}}}\n")
    assert load_stylesheet("s", styles_dir=styles).styles["body"].color == expected


@pytest.mark.parametrize("written, expected", [
    ("broadsheet", (864.0, 1638.0)),
    ('"280mm x 430mm"', (280 * 72 / 25.4, 430 * 72 / 25.4)),
    ("{width: 12in, height: 20in}", (864.0, 1440.0)),
])
def test_page_size_forms(styles, written, expected):
    write(styles, "s", f"extends: base\npage: {{size: {written}}}\n")
    page = load_stylesheet("s", styles_dir=styles).page
    assert (page.width, page.height) == pytest.approx(expected)


def test_fallback_is_appended_to_every_chain_without_duplicates(styles):
    write(styles, "s", "extends: base\nstyles:\n  body: {font: [serif, korean]}\n")
    sheet = load_stylesheet("s", styles_dir=styles)
    assert sheet.styles["body"].fonts == ("serif", "korean")
    assert sheet.styles["byline"].fonts == ("sans", "korean")


def test_like_copies_values_and_own_keys_win(styles):
    sheet = load_stylesheet("base", styles_dir=styles)
    subhead, body = sheet.styles["subhead"], sheet.styles["body"]
    assert (subhead.size, subhead.align, subhead.bold) == (body.size, Align.JUSTIFY, True)


def test_child_overrides_one_key_and_inherits_the_rest(styles):
    write(styles, "s", "extends: base\nstyles:\n  body: {size: 9pt}\n")
    body = load_stylesheet("s", styles_dir=styles).styles["body"]
    assert (body.size, body.leading, body.hyphenate) == (9.0, 12.0, True)


def test_headline_map_overrides_ranks_one_by_one(styles):
    write(styles, "s", "extends: base\nheadline:\n  2: {size: 20pt}\n")
    headlines = load_stylesheet("s", styles_dir=styles).headlines
    assert [(h.size, h.leading) for h in headlines] == [(40.0, 42.0), (20.0, 26.0)]


def test_headline_list_replaces_every_rank(styles):
    write(styles, "s", "extends: base\nheadline:\n  - {font: sans, size: 30pt, leading: 32pt}\n")
    headlines = load_stylesheet("s", styles_dir=styles).headlines
    assert [(h.name, h.fonts, h.bold) for h in headlines] == [("headline1", ("sans", "korean"),
                                                               False)]


def test_font_paths_are_relative_to_the_file_that_names_them(styles, tmp_path):
    elsewhere = tmp_path / "edition"
    (elsewhere / "type").mkdir(parents=True)
    (elsewhere / "type" / "Local.ttf").write_bytes(TRUETYPE)
    write(elsewhere, "local", "extends: ../styles/base.yaml\nfonts:\n"
                              "  sans: {regular: type/Local.ttf}\n")
    sheet = load_stylesheet(elsewhere / "local.yaml", styles_dir=styles)
    assert sheet.fonts["sans"].regular == elsewhere / "type" / "Local.ttf"
    assert sheet.fonts["serif"].regular == styles / "fonts" / "Serif.ttf"


def test_a_name_ending_in_yaml_is_a_path(styles, monkeypatch):
    monkeypatch.chdir(styles)
    assert load_stylesheet("base.yaml", styles_dir=Path("/nonexistent")).name == "base"


def test_yaml_merge_keys_are_honoured(styles):
    write(styles, "s", """\
        extends: base
        styles:
          byline: &sans {font: sans, size: 8pt, leading: 12pt}
          caption: {<<: *sans, size: 7pt}
        """)
    caption = load_stylesheet("s", styles_dir=styles).styles["caption"]
    assert (caption.size, caption.leading, caption.fonts[0]) == (7.0, 12.0, "sans")


# --- declarations agree with types.py -------------------------------------------------------

def _defaults(section, ctx=ParseContext()):
    problems = Problems(Origins({}, Path("defaults.yaml")))
    values = read_section(section, {}, (section.name,), ctx, problems)
    assert not problems, problems.errors
    return values


@pytest.mark.parametrize("section, cls", [(JUSTIFICATION, Justification),
                                          (HYPHENATION, Hyphenation), (SPACING, ModuleSpacing),
                                          (FURNITURE, Furniture)])
def test_declared_defaults_match_the_dataclass_defaults(section, cls):
    assert cls(**_defaults(section)) == cls()


def test_declared_rule_defaults_match_the_dataclass_defaults():
    from layout.stylesheet.types import Rule
    values = _defaults(RULES)
    assert Rules(**{slot: Rule(**rule) for slot, rule in values.items()}) == Rules()


def test_declared_text_style_defaults_match_the_dataclass_defaults():
    declared = {p.target: p for p in TEXT_STYLE.properties}
    for field in dataclasses.fields(TextStyle):
        if field.default is dataclasses.MISSING:
            continue
        raw = declared[field.name].default
        value = declared[field.name].kind.parse(raw, ParseContext(em=10.0))
        assert value == field.default, field.name


def test_every_text_style_field_is_declared():
    declared = {p.target for p in TEXT_STYLE.properties} | {"name"}
    assert declared >= {field.name for field in dataclasses.fields(TextStyle)}


# --- shipped style sheets and reference ------------------------------------------------------

def _shipped_styles_with_stand_in_fonts(tmp_path: Path) -> Path:
    """Copies styles/*.yaml next to stand-in fonts at ../fonts/, as in the repository."""
    folder = tmp_path / "styles"
    shutil.copytree(REPO / "styles", folder)
    (tmp_path / "fonts").mkdir()
    for sheet in folder.glob("*.yaml"):
        for name in re.findall(r"\.\./fonts/([\w.-]+\.ttf)", sheet.read_text()):
            (tmp_path / "fonts" / name).write_bytes(TRUETYPE)
    return folder


@pytest.mark.parametrize("name", ["tabloid", "broadsheet", "korean"])
def test_shipped_style_sheets_load(tmp_path, name):
    sheet = load_stylesheet(name, styles_dir=_shipped_styles_with_stand_in_fonts(tmp_path))
    assert sheet.name == name and len(sheet.headlines) >= 4


def test_tabloid_is_the_house_grid(tmp_path):
    sheet = load_stylesheet("tabloid", styles_dir=_shipped_styles_with_stand_in_fonts(tmp_path))
    body = sheet.styles["body"]
    assert (sheet.page.width, sheet.page.height, sheet.page.columns) == (792.0, 1224.0, 5)
    assert (body.size, body.leading, body.align, body.hyphenate) == (9.5, 11.5, Align.JUSTIFY,
                                                                      True)
    assert sheet.page.baseline == body.leading
    assert body.fonts == ("text", "serif", "korean-serif")


def test_broadsheet_is_bigger_than_the_tabloid_it_extends(tmp_path):
    folder = _shipped_styles_with_stand_in_fonts(tmp_path)
    tabloid, broadsheet = (load_stylesheet(n, styles_dir=folder) for n in ("tabloid", "broadsheet"))
    assert (broadsheet.page.width, broadsheet.page.height, broadsheet.page.columns) == \
        (864.0, 1638.0, 6)
    assert broadsheet.headline(1).size > tabloid.headline(1).size
    assert broadsheet.styles["body"] == tabloid.styles["body"]


def test_korean_keeps_latin_faces_first(tmp_path):
    sheet = load_stylesheet("korean", styles_dir=_shipped_styles_with_stand_in_fonts(tmp_path))
    assert sheet.styles["body"].fonts == ("text", "serif", "korean-serif")
    assert sheet.styles["caption"].fonts[:2] == ("sans", "korean-sans")
    assert sheet.headline(1).fonts[:2] == ("sans", "korean-sans")


@pytest.mark.skipif(not (REPO / "fonts" / "NotoSerif-Regular.ttf").is_file(),
                    reason="bundled fonts not in fonts/ yet")
def test_shipped_style_sheets_load_with_the_bundled_fonts():
    for name in ("tabloid", "broadsheet", "korean"):
        sheet = load_stylesheet(name, styles_dir=REPO / "styles")
        assert all(family.regular.is_file() for family in sheet.fonts.values())


def test_reference_documents_every_declared_key():
    text = reference_markdown()
    for section in (TEXT_STYLE, JUSTIFICATION, HYPHENATION, RULES, SPACING, FURNITURE):
        for prop in section.properties:
            assert f"| `{prop.name}` |" in text


def test_committed_reference_is_up_to_date():
    assert (REPO / "docs" / "STYLES.md").read_text() == reference_markdown(), \
        "regenerate with: python -m layout.stylesheet > docs/STYLES.md"
