"""Where a value stands in a JSON text, so that a record's text can be replaced without
touching any other byte of it.

``json.loads`` then ``json.dumps`` would rewrite the whole record: ``1E5`` becomes
``100000.0``, ``1e400`` becomes ``Infinity``, escapes and spacing change. Instead, the
record is parsed (to check it and read its fields), then scanned once more to find the
span of one top-level member's value; the new value is spliced in and the rest of the
line is copied as it was.

>>> doc = '{"id": 1E5, "text" : "old", "x": [1, {"text": 2}]}'
>>> start, end = member_spans(doc)["text"]
>>> doc[:start] + encode_string("new") + doc[end:]
'{"id": 1E5, "text" : "new", "x": [1, {"text": 2}]}'
"""

from __future__ import annotations

import json
import re

_WS = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_SCALAR = re.compile(r"[^,}\]\s]+")  # a number, true, false, null (and NaN, Infinity)
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)
_SURROGATE = re.compile("[\ud800-\udfff]")


def member_spans(doc: str, start: int = 0) -> dict[str, tuple[int, int]]:
    """The (start, end) of each member's value in the JSON object at ``doc[start:]``,
    by key; of duplicate keys, the last (the one ``json.loads`` keeps).

    ``doc`` must be valid JSON (as ``json.loads`` reads it): it is not checked again."""
    spans: dict[str, tuple[int, int]] = {}
    i = _skip_ws(doc, start)
    assert doc[i] == "{"
    i = _skip_ws(doc, i + 1)
    if doc[i] == "}":
        return spans
    while True:
        key_end = _string_end(doc, i)
        key = json.loads(doc[i:key_end])
        i = _skip_ws(doc, key_end)
        assert doc[i] == ":"
        value_start = _skip_ws(doc, i + 1)
        value_end = value_span_end(doc, value_start)
        spans[key] = (value_start, value_end)
        i = _skip_ws(doc, value_end)
        if doc[i] == "}":
            return spans
        assert doc[i] == ","
        i = _skip_ws(doc, i + 1)


def element_spans(doc: str, start: int = 0) -> list[tuple[int, int]]:
    """The (start, end) of each element of the JSON array at ``doc[start:]``.

    >>> element_spans('[ {"a": [1]} , 2 ]')
    [(2, 12), (15, 16)]
    """
    spans: list[tuple[int, int]] = []
    i = _skip_ws(doc, start)
    assert doc[i] == "["
    i = _skip_ws(doc, i + 1)
    if doc[i] == "]":
        return spans
    while True:
        end = value_span_end(doc, i)
        spans.append((i, end))
        i = _skip_ws(doc, end)
        if doc[i] == "]":
            return spans
        assert doc[i] == ","
        i = _skip_ws(doc, i + 1)


def object_end(doc: str, start: int = 0) -> int:
    """Where the closing brace of the JSON object at ``doc[start:]`` is (its index)."""
    return value_span_end(doc, _skip_ws(doc, start)) - 1


def value_span_end(doc: str, i: int) -> int:
    """The end of the JSON value that starts at ``doc[i]``."""
    c = doc[i]
    if c == '"':
        return _string_end(doc, i)
    if c not in "[{":
        m = _SCALAR.match(doc, i)
        assert m is not None
        return m.end()
    depth = 0
    for m in _TOKEN.finditer(doc, i):
        token = m.group()
        if token == "[" or token == "{":
            depth += 1
        elif token == "]" or token == "}":
            depth -= 1
            if depth == 0:
                return m.end()
    raise ValueError("unterminated JSON value")


def encode_string(text: str) -> str:
    """``text`` as a JSON string, non-ASCII characters as they are, but a lone surrogate
    (which a record may hold, as ``"\\ud800"``) as its escape, so the line stays valid
    UTF-8 and reads back as the same string.

    >>> encode_string("caf\\u00e9 \\ud800")
    '"café \\\\ud800"'
    """
    dumped = json.dumps(text, ensure_ascii=False)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def _skip_ws(doc: str, i: int) -> int:
    m = _WS.match(doc, i)
    assert m is not None  # it matches the empty string
    return m.end()


def _string_end(doc: str, i: int) -> int:
    m = _STRING.match(doc, i)
    assert m is not None
    return m.end()
