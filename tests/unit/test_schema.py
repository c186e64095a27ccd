"""Designer tool: the JSON Schema of the style sheet.

Contract: the committed ``styles/style.schema.json`` is what ``newsprint schema`` prints; every
shipped sheet names it on its first line and validates against it; and what the loader refuses
for a key, a unit or a range, the schema refuses too (while it accepts the unchanged sheet).
"""
from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from layout.build import STYLES_DIR
from layout.designer.schema import SCHEMA_FILE, schema_text, style_schema
from layout.errors import LayoutError
from layout.stylesheet import load_stylesheet

SHIPPED = sorted(STYLES_DIR.glob("*.yaml"))


def _validator():
    return jsonschema.Draft202012Validator(style_schema())


def _as_json(data):
    """YAML data as a language server sees it (JSON: mapping keys are strings)."""
    return json.loads(json.dumps(data))


def test_committed_schema_is_what_the_command_prints():
    printed = subprocess.run([sys.executable, "-m", "layout", "schema"], capture_output=True,
                             text=True, check=True).stdout
    assert printed == schema_text()
    assert (STYLES_DIR / SCHEMA_FILE).read_text(encoding="utf-8") == printed, \
        "regenerate with: newsprint schema > styles/style.schema.json"


def test_schema_is_a_valid_2020_12_schema():
    schema = style_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("sheet", SHIPPED, ids=lambda p: p.name)
def test_shipped_sheet_names_the_schema_and_validates(sheet: Path):
    first = sheet.read_text(encoding="utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema={SCHEMA_FILE}"
    data = _as_json(yaml.safe_load(sheet.read_text(encoding="utf-8")))
    errors = [e.message for e in _validator().iter_errors(data)]
    assert errors == []


def _tabloid() -> dict:
    return yaml.safe_load((STYLES_DIR / "tabloid.yaml").read_text(encoding="utf-8"))


def _set(data: dict, path: tuple, value) -> dict:
    changed = copy.deepcopy(data)
    target = changed
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return changed


BROKEN = {
    "unknown key in a text style": (("styles", "body", "leadng"), "11pt"),
    "unknown top-level key": (("colours",), {"ink": "black"}),
    "unknown style name": (("styles", "bodytext"), {"font": "text", "size": 9, "leading": 11}),
    "bad unit": (("page", "gutter"), "1px"),
    "not a length": (("styles", "body", "leading"), "eleven"),
    "em outside a text style": (("page", "margin_top"), "2em"),
    "columns out of range": (("page", "columns"), 50),
    "size out of range": (("styles", "body", "size"), 500),
    "ratio out of range": (("justification", "word_space_max"), 9),
    "not a choice": (("styles", "body", "align"), "justified"),
    "not a bool": (("hyphenation", "capitalized"), "maybe"),
    "jump line without {page}": (("furniture", "jump_to"), "Continued on page"),
    "bad colour": (("colors", "accent"), "#12"),
    "unknown page size": (("page", "size"), "tabloidd"),
    "unknown field in a furniture word": (("furniture", "jump_to"), "Continued on page {pg}"),
    "unknown word of a language": (("furniture", "languages"), {"ko": {"jump_too": "{page}면"}}),
}


@pytest.mark.parametrize("name", BROKEN)
def test_schema_refuses_what_the_loader_refuses(name, tmp_path):
    path, value = BROKEN[name]
    data = _set(_tabloid(), path, value)
    sheet = tmp_path / "styles" / "broken.yaml"
    sheet.parent.mkdir()
    sheet.write_text(yaml.safe_dump(data, allow_unicode=True).replace(
        "../fonts/", str(STYLES_DIR.parent / "fonts") + "/"), encoding="utf-8")
    with pytest.raises(LayoutError):
        load_stylesheet(sheet, styles_dir=STYLES_DIR)
    assert list(_validator().iter_errors(_as_json(data))), f"schema accepted {name}"


def test_schema_accepts_what_the_loader_accepts(tmp_path):
    """The same round trip as above with good values: both accept, so the refusals above are
    the changed value's doing."""
    data = _set(_tabloid(), ("styles", "body", "size"), "9pt")
    data = _set(data, ("styles", "body", "align"), "Justify")
    data = _set(data, ("page", "size"), "280mm x 430mm")
    sheet = tmp_path / "styles" / "good.yaml"
    sheet.parent.mkdir()
    sheet.write_text(yaml.safe_dump(data, allow_unicode=True).replace(
        "../fonts/", str(STYLES_DIR.parent / "fonts") + "/"), encoding="utf-8")
    load_stylesheet(sheet, styles_dir=STYLES_DIR)
    assert [e.message for e in _validator().iter_errors(_as_json(data))] == []


def test_a_sheet_without_extends_must_give_the_required_sections():
    assert list(_validator().iter_errors({"page": {"columns": 5}}))
    assert [e.message for e in _validator().iter_errors(
        {"extends": "tabloid", "styles": {"body": {"size": "9pt"}}})] == []
