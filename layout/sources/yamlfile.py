"""Stage 1 helper: YAML text in → plain Python values plus the source line of every key out.

Private to ``layout.sources`` (``layout.stylesheet`` has its own loader). Safety:
only ``yaml.compose`` with ``yaml.SafeLoader`` is used — nothing is ever constructed from a
Python tag; files over :data:`MAX_BYTES` are refused; aliases are expanded by our own walk, which
counts nodes and stops at :data:`MAX_NODES` ("billion laughs") and refuses recursive aliases.
Duplicate keys and merge keys (``<<``) are refused rather than silently resolved.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Union

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import LayoutError

MAX_BYTES = 4 * 1024 * 1024
MAX_NODES = 100_000
MAX_DEPTH = 64

KeyPath = tuple[Union[str, int], ...]

_SCALAR_TAGS = {f"tag:yaml.org,2002:{name}" for name in
                ("null", "bool", "int", "float", "str", "timestamp")}
_SEQUENCE_TAG = "tag:yaml.org,2002:seq"
_MAPPING_TAG = "tag:yaml.org,2002:map"


def format_key(path: KeyPath) -> str:
    """``("images", 0, "file")`` → ``images[0].file``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


@dataclass(frozen=True)
class YamlDoc:
    """A parsed YAML document.

    ``value`` holds plain values: dict (str keys), list, str, int, float, bool, None,
    ``datetime.date``/``datetime.datetime``. ``lines`` maps a key path to the 1-based line of
    that key (or list item) in the *file*; ``plain`` maps a key path to the source text of an
    unquoted scalar, so a text field can take ``headline: 1984`` or ``section: yes`` as written.
    """

    value: object
    file: str
    lines: Mapping[KeyPath, int]
    plain: Mapping[KeyPath, str]

    def line(self, path: KeyPath) -> int | None:
        """Line of ``path``, or of its nearest ancestor that has one."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]

    def error(self, path: KeyPath, message: str, hint: str | None = None) -> LayoutError:
        """A :class:`LayoutError` at ``path``: file, line and key filled in."""
        return LayoutError(message, file=self.file, line=self.line(path),
                           key=format_key(path) or None, hint=hint)


def load_yaml(text: str, file: str, *, first_line: int = 1) -> YamlDoc:
    """Parse ``text`` (one YAML document) that starts at line ``first_line`` of ``file``.

    Raises :class:`LayoutError` for syntax errors (with line and column), unsupported tags,
    duplicate keys, alias bombs and oversized input. An empty document gives ``value=None``.
    """
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise LayoutError(f"YAML over {MAX_BYTES // (1024 * 1024)} MB; refusing to read it",
                          file=file, line=first_line)
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "syntax error"
        context = f" ({error.context})" if error.context and error.problem else ""
        hint = ("indent with spaces; YAML does not allow tabs" if "'\\t'" in problem else
                "check indentation, and quote text that contains ': ' or starts with a special "
                "character such as * & ! | > ' \" % @ `")
        raise LayoutError(
            f"not valid YAML: {problem}{context}", file=file,
            line=mark.line + first_line if mark else None,
            column=mark.column + 1 if mark else None, hint=hint) from None
    except yaml.YAMLError as error:
        raise LayoutError(f"not valid YAML: {error}", file=file, line=first_line) from None
    if root is None:
        return YamlDoc(None, file, {}, {})
    walker = _Walker(file, first_line)
    value = walker.walk(root, (), 0)
    return YamlDoc(value, file, walker.lines, walker.plain)


class _Walker:
    """Turns a node graph into plain values, counting nodes as aliases are expanded."""

    def __init__(self, file: str, first_line: int):
        self.file = file
        self.first_line = first_line
        self.count = 0
        self.active: set[int] = set()
        self.lines: dict[KeyPath, int] = {}
        self.plain: dict[KeyPath, str] = {}
        self.constructor = yaml.SafeLoader("")

    def _line(self, node: Node) -> int:
        return node.start_mark.line + self.first_line

    def _error(self, node: Node, path: KeyPath, message: str, hint: str | None = None):
        return LayoutError(message, file=self.file, line=self._line(node),
                           key=format_key(path) or None, hint=hint)

    def walk(self, node: Node, path: KeyPath, depth: int) -> object:
        self.count += 1
        if self.count > MAX_NODES:
            raise self._error(node, path, f"more than {MAX_NODES:,} values once aliases are "
                                          "expanded; refusing a possible alias bomb")
        if depth > MAX_DEPTH or id(node) in self.active:
            raise self._error(node, path, "nested too deeply (or an alias refers to itself)")
        self.lines.setdefault(path, self._line(node))
        if isinstance(node, ScalarNode):
            return self._scalar(node, path)
        self.active.add(id(node))
        try:
            if isinstance(node, SequenceNode):
                if node.tag != _SEQUENCE_TAG:
                    raise self._error(node, path, f"unsupported YAML tag {node.tag}")
                return [self.walk(item, path + (index,), depth + 1)
                        for index, item in enumerate(node.value)]
            if isinstance(node, MappingNode):
                return self._mapping(node, path, depth)
            raise self._error(node, path, "unsupported YAML node")
        finally:
            self.active.discard(id(node))

    def _mapping(self, node: MappingNode, path: KeyPath, depth: int) -> dict:
        if node.tag != _MAPPING_TAG:
            raise self._error(node, path, f"unsupported YAML tag {node.tag}")
        out: dict[str, object] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise self._error(key_node, path, "YAML merge keys (<<) are not supported",
                                  hint="write the keys out")
            if not isinstance(key_node, ScalarNode):
                raise self._error(key_node, path, "a key must be plain text, not a list or mapping")
            key = key_node.value
            key_path = path + (key,)
            if key in out:
                raise self._error(key_node, key_path,
                                  f"duplicate key (first given on line {self.lines[key_path]})")
            self.lines[key_path] = self._line(key_node)
            out[key] = self.walk(value_node, key_path, depth + 1)
        return out

    def _scalar(self, node: ScalarNode, path: KeyPath) -> object:
        if node.tag not in _SCALAR_TAGS:
            raise self._error(node, path, f"unsupported YAML tag {node.tag}",
                              hint="write plain text, numbers, dates, lists and mappings only")
        if node.style is None:
            self.plain[path] = node.value
        try:
            return self.constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, OverflowError):
            # e.g. ``date: 2024-02-30`` matches the timestamp pattern but is no date: keep the
            # text so the field's own check can say what is wrong with it.
            return node.value
