"""Edge reader, shared by stages 1 and 2: YAML text → plain Python values + the line of every key.

The one YAML reader of the project: ``edition.yaml``, article front matter and style sheets.

``load_yaml`` composes the text with ``yaml.SafeLoader`` (never a full loader) and walks the node
tree itself, so that it can remember where each value was written and refuse hostile input:

* texts over :data:`MAX_YAML_SIZE` characters and files over as many bytes;
* alias "billion laughs" expansions over :data:`MAX_NODES` values, and recursive aliases;
* nesting deeper than :data:`MAX_DEPTH`;
* duplicate keys (PyYAML keeps the last one silently; we say so instead);
* tags other than the plain YAML types (``!!python/object`` and friends).

Every problem, including YAML syntax errors, becomes a :class:`~layout.errors.LayoutError` naming
the file, 1-based line and column. Merge keys (``<<: *defaults``) are honoured; explicit keys win.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Hashable, Mapping

import yaml

from .errors import LayoutError

MAX_YAML_SIZE = 4 * 1024 * 1024    # characters of text / bytes of a file; sheets are a few kB
MAX_NODES = 100_000                # values visited while expanding aliases
MAX_DEPTH = 100                    # nested mappings/lists

KeyPath = tuple[Hashable, ...]     # ("styles", "body", "leading"), ("fallback", ListIndex(0))

_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MERGE_TAG = "tag:yaml.org,2002:merge"


class ListIndex(int):
    """A list position inside a key path. Equal to (and hashes like) the plain int, so lookups
    may use either; only :func:`format_key_path` tells them apart from integer mapping keys."""


def format_key_path(path: KeyPath) -> str:
    """``("styles", "body", "font", ListIndex(1))`` → ``"styles.body.font[1]"``; an integer
    mapping key such as a headline rank reads ``headline.2``."""
    text = ""
    for part in path:
        if isinstance(part, ListIndex) and text:
            text += f"[{int(part)}]"
        else:
            text += ("." if text else "") + str(part)
    return text


@dataclass(frozen=True)
class Located:
    """A YAML document as plain values (dicts, lists, scalars) plus where each value was written.

    ``positions`` maps a key path to the 1-based ``(line, column)`` of the mapping *key* (for a
    mapping entry) or of the item (for a list item); the root ``()`` maps to the document start.
    ``plain`` maps the key path of every unquoted scalar to its text as written, so that a text
    field can take ``headline: 1984`` or ``section: yes`` literally.
    """

    value: Any
    file: Path
    positions: Mapping[KeyPath, tuple[int, int]] = field(default_factory=dict)
    plain: Mapping[KeyPath, str] = field(default_factory=dict)

    def line_of(self, path: KeyPath) -> int | None:
        """The line where ``path`` was written, or None if the document does not contain it."""
        position = self.positions.get(tuple(path))
        return position[0] if position else None

    def column_of(self, path: KeyPath) -> int | None:
        """The 1-based column where ``path`` was written, or None."""
        position = self.positions.get(tuple(path))
        return position[1] if position else None

    def nearest_line(self, path: KeyPath) -> int | None:
        """The line of ``path`` or, if it is missing (a required key left out), of its closest
        parent."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path][0]
            path = path[:-1]
        return self.line_of(())

    def error(self, message: str, path: KeyPath, hint: str | None = None) -> LayoutError:
        """A LayoutError for the value at ``path``, naming this file, its line and the key path."""
        return LayoutError(message, file=self.file, line=self.nearest_line(path),
                           key=format_key_path(path) or None, hint=hint)


#: libyaml's safe loader where PyYAML was built with it.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


def load_yaml(text: str, file: Path, line_offset: int = 0) -> Located:
    """Parse one YAML document safely; ``line_offset`` is added to every line (front matter).

    An empty document gives ``Located(value=None)``. Raises LayoutError for any bad input.
    """
    file = Path(file)
    if len(text) > MAX_YAML_SIZE:
        raise LayoutError(f"YAML text is {len(text):,} characters; refusing more than "
                          f"{MAX_YAML_SIZE:,}", file=file)
    fast = _FAST_LOADER is not None and "\t" not in text
    if fast:
        # libyaml composes the same nodes with the same marks, several times faster; on any
        # error the text is composed again by the Python loader, whose messages we report.
        # (A tab is left to the Python loader: libyaml takes one inside a plain scalar, which
        # PyYAML refuses, and the two must accept the same files.)
        loader = _FAST_LOADER(text)
        try:
            root = loader.get_single_node()
        except (yaml.YAMLError, RecursionError):
            loader.dispose()
            fast = False
    if not fast:
        try:
            loader = yaml.SafeLoader(text)  # the reader checks for forbidden characters here
        except yaml.reader.ReaderError as exc:
            raise _reader_error(exc, text, file, line_offset) from None
    try:
        try:
            if not fast:
                root = loader.get_single_node()
        except yaml.reader.ReaderError as exc:
            raise _reader_error(exc, text, file, line_offset) from None
        except yaml.YAMLError as exc:
            raise _syntax_error(exc, file, line_offset) from None
        except RecursionError:
            raise LayoutError("YAML is nested too deeply", file=file) from None
        if root is None:
            return Located(None, file, {})
        walker = _Walker(loader, file, line_offset)
        value = walker.walk(root, (), 0)
        return Located(value, file, walker.positions, walker.plain)
    finally:
        loader.dispose()


def load_yaml_file(file: Path, line_offset: int = 0) -> Located:
    """Read ``file`` as UTF-8 (a BOM is allowed) and :func:`load_yaml` it.

    Missing, unreadable, oversized or non-UTF-8 files raise LayoutError like bad YAML does.
    """
    file = Path(file)
    try:
        size = file.stat().st_size
        if size > MAX_YAML_SIZE:
            raise LayoutError(f"file is {size:,} bytes; refusing YAML files over "
                              f"{MAX_YAML_SIZE:,} bytes", file=file)
        data = file.read_bytes()
    except FileNotFoundError:
        raise LayoutError("file not found", file=file) from None
    except IsADirectoryError:
        raise LayoutError("expected a YAML file, found a directory", file=file) from None
    except OSError as exc:
        raise LayoutError(f"cannot read file: {exc.strerror or exc}", file=file) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1 + line_offset
        raise LayoutError(f"not valid UTF-8 (byte {exc.start})", file=file, line=line,
                          hint="save the file as UTF-8") from None
    return load_yaml(text, file, line_offset)


def _reader_error(exc: yaml.reader.ReaderError, text: str, file: Path,
                  line_offset: int) -> LayoutError:
    line = text.count("\n", 0, exc.position) + 1 + line_offset
    return LayoutError(f"character U+{exc.character:04X} is not allowed in YAML", file=file,
                       line=line, hint="remove control characters from the file")


def _syntax_error(exc: yaml.YAMLError, file: Path, line_offset: int) -> LayoutError:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None)
    if mark is None or problem is None:   # ReaderError (bad characters) and other mark-less errors
        return LayoutError(f"YAML syntax error: {exc}", file=file)
    context = getattr(exc, "context", None)
    message = f"YAML syntax error: {problem}" + (f" ({context})" if context else "")
    hint = None
    if "\\t" in problem or "\t" in problem:
        hint = "YAML indents with spaces, not tabs"
    elif "mapping values are not allowed" in problem:
        hint = 'put values that contain ": " in quotes, and check the indentation'
    return LayoutError(message, file=file, line=mark.line + 1 + line_offset, column=mark.column + 1,
                       hint=hint)


class _Walker:
    """Turns composed nodes into plain values, recording positions and counting every visit."""

    def __init__(self, loader: yaml.SafeLoader, file: Path, line_offset: int):
        self.loader = loader
        self.file = file
        self.line_offset = line_offset
        self.positions: dict[KeyPath, tuple[int, int]] = {}
        self.plain: dict[KeyPath, str] = {}
        self.visited = 0
        self.active: set[int] = set()   # ids of collection nodes being walked (recursive aliases)

    def position(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1 + self.line_offset, node.start_mark.column + 1

    def fail(self, message: str, node: yaml.Node, hint: str | None = None) -> LayoutError:
        line, column = self.position(node)
        return LayoutError(message, file=self.file, line=line, column=column, hint=hint)

    def walk(self, node: yaml.Node, path: KeyPath, depth: int) -> Any:
        self.visited += 1
        if self.visited > MAX_NODES:
            raise self.fail(f"YAML expands to more than {MAX_NODES:,} values; refusing "
                            "(aliases nested like a 'billion laughs' bomb?)", node)
        if depth > MAX_DEPTH:
            raise self.fail(f"YAML is nested more than {MAX_DEPTH} levels deep", node)
        if path not in self.positions:
            self.positions[path] = self.position(node)
        if isinstance(node, yaml.ScalarNode):
            if not node.style:         # plain: None from PyYAML's composer, "" from libyaml's
                self.plain[path] = node.value
            return self.scalar(node)
        if id(node) in self.active:
            raise self.fail("an alias refers to the list or mapping that contains it", node)
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                if node.tag != _SEQ_TAG:
                    raise self.fail(f"unsupported YAML tag {node.tag}", node)
                return [self.walk(item, path + (ListIndex(index),), depth + 1)
                        for index, item in enumerate(node.value)]
            if node.tag != _MAP_TAG:
                raise self.fail(f"unsupported YAML tag {node.tag}", node)
            return self.mapping(node, path, depth)
        finally:
            self.active.discard(id(node))

    def scalar(self, node: yaml.ScalarNode) -> Any:
        try:
            return self.loader.construct_object(node)
        except yaml.constructor.ConstructorError as exc:
            raise self.fail(f"cannot read value: {exc.problem}", node,
                            hint="only plain YAML values are allowed here") from None
        except (ValueError, OverflowError):
            # A timestamp such as 2024-02-30 that is no date: keep the text, so the field's own
            # check says what is wrong with it.
            return node.value

    def mapping(self, node: yaml.MappingNode, path: KeyPath, depth: int) -> dict:
        result: dict = {}
        seen_at: dict[Hashable, int] = {}
        merges: list[yaml.Node] = []
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                merges.append(value_node)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail("mapping keys must be plain values, not lists or mappings",
                                key_node)
            key = self.scalar(key_node)
            line = self.position(key_node)[0]
            if key in seen_at:
                split = isinstance(value_node, yaml.ScalarNode) and value_node.value == ""
                raise self.fail(f'key "{key}" appears twice (lines {seen_at[key]} and {line})',
                                key_node, hint='inside { }, commas split values: put values like '
                                '"cmyk(0, 0, 0, 100)" in quotes' if split else "delete one of them")
            seen_at[key] = line
            self.positions.setdefault(path + (key,), self.position(key_node))
            result[key] = self.walk(value_node, path + (key,), depth + 1)
        for merge_node in merges:   # YAML merge keys: explicit keys win, earlier merges win
            is_list = isinstance(merge_node, yaml.SequenceNode)
            sources = merge_node.value if is_list else [merge_node]
            for source in sources:
                if not isinstance(source, yaml.MappingNode):
                    raise self.fail("<< (merge) needs a mapping or a list of mappings", source)
                merged = self.walk(source, path, depth + 1)
                for key, value in merged.items():
                    result.setdefault(key, value)
        return result
