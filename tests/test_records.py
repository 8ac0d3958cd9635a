"""JSONL records: only the text value may change; every other byte of a record comes out
as it went in (numbers, escapes, spacing, key order, duplicate keys)."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from boilerstrip import Config, batch, clean
from tests.test_cli import CLEAN_STORY, STORY, cli

batch._init_worker_inline(Config(), detail=False)
DUMPED_STORY = json.dumps(STORY)  # ASCII, with \n escapes
DUMPED_CLEAN = json.dumps(CLEAN_STORY, ensure_ascii=False)


def _one(raw: bytes, fields: batch.Fields | None = None) -> batch.Result:
    [result] = batch._clean_records("t", [(1, raw)], fields or batch.Fields())
    return result


def test_other_values_keep_their_bytes() -> None:
    rest = '"n": 1E5, "big": 1e400, "f": 0.1000000000000000055511151231257827, "s": "\\ud800"'
    raw = ('{ "text" :  ' + DUMPED_STORY + " ,\t" + rest + "}\n").encode()
    r = _one(raw)
    assert r.error is None
    expected = ('{ "text" :  ' + DUMPED_CLEAN + " ,\t" + rest + "}\n").encode()
    assert r.out == expected


def test_a_lone_surrogate_in_the_text_is_written_as_an_escape() -> None:
    raw = b'{"text": "\\ud800 A line.\\n\\nAdvertisement\\n\\nThe end.\\n"}\n'
    r = _one(raw)
    assert r.out is not None
    r.out.decode("utf-8")  # valid UTF-8, which boilerstrip itself reads back
    assert json.loads(r.out)["text"] == clean("\ud800 A line.\n\nAdvertisement\n\nThe end.\n")
    assert b"\\ud800" in r.out


def test_duplicate_keys_the_last_one_is_the_text() -> None:
    # json.loads takes the last of duplicate keys: that is the value cleaned and replaced
    raw = ('{"text": "first", "id": 1, "text": ' + DUMPED_STORY + "}").encode()
    assert _one(raw).out == ('{"text": "first", "id": 1, "text": ' + DUMPED_CLEAN + "}").encode()


def test_a_last_line_without_a_line_break_stays_without() -> None:
    raw = ('{"text": ' + DUMPED_STORY + "}").encode()
    assert _one(raw).out == ('{"text": ' + DUMPED_CLEAN + "}").encode()


def test_crlf_line_break_is_kept() -> None:
    raw = ('{"text": ' + DUMPED_STORY + "}\r\n").encode()
    assert _one(raw).out == ('{"text": ' + DUMPED_CLEAN + "}\r\n").encode()


def test_text_key_inside_a_nested_object_is_not_the_text() -> None:
    raw = ('{"meta": {"text": "x"}, "text": ' + DUMPED_STORY + ', "z": ["text", {}]}').encode()
    out = _one(raw).out
    assert (
        out == ('{"meta": {"text": "x"}, "text": ' + DUMPED_CLEAN + ', "z": ["text", {}]}').encode()
    )


def test_html_record_gets_its_text_added_and_the_rest_kept() -> None:
    from boilerstrip import extract
    from tests.test_html import PAGE

    page = json.dumps(PAGE)
    raw = ('{"html":' + page + ',"n":1E5}\n').encode()
    out = _one(raw, batch.Fields(html="html")).out
    text = json.dumps(extract(PAGE), ensure_ascii=False)
    assert out == ('{"html":' + page + ',"n":1E5, "text": ' + text + "}\n").encode()
    # a record that has a text field already: its value is replaced in place
    raw = ('{"text" : null,"html":' + page + ',"n":1E5}\n').encode()
    out = _one(raw, batch.Fields(html="html")).out
    assert out == ('{"text" : ' + text + ',"html":' + page + ',"n":1E5}\n').encode()


def test_cli_keeps_numbers_and_escapes_of_every_other_field(tmp_path: Path) -> None:
    rest = '"n":1E5,"big":1e400,"f":0.1000000000000000055511151231257827,"s":"\\ud800\\u00e9"'
    line = ("{" + rest + ',  "text":' + DUMPED_STORY + "}\n").encode()
    (tmp_path / "in.jsonl").write_bytes(line)
    r = cli("clean", tmp_path / "in.jsonl", "-o", tmp_path / "out")
    assert r.returncode == 0, r.stderr
    out = (tmp_path / "out" / "in.jsonl").read_bytes()
    assert out == ("{" + rest + ',  "text":' + DUMPED_CLEAN + "}\n").encode()


# -- the property: output == input outside the text value --------------------------------

_KEYS = st.text(min_size=0, max_size=8)
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=4),
    max_leaves=12,
)
_WS = st.sampled_from(["", " ", "  ", "\t", " \t "])
_NUMBER_SPELLINGS = st.sampled_from(["1E5", "1e400", "-0", "0.10000000000000000555", "1.0e-7"])
_LINE = (
    "Advertisement",
    "RELATED: Council race heats up",
    "The mayor signed it on Friday, officials said.",
    "Jane Doe contributed to this report.",
    "",
    "Zürich \ud800 caf\u00e9 \U0001f600",
)
_TEXTS = st.lists(st.sampled_from(_LINE), max_size=8).map("\n".join) | st.text(max_size=40)


def _encode_value(draw: st.DrawFn, value: object) -> str:
    """A JSON spelling of ``value`` as some other writer might have made it."""
    ws = draw(_WS)
    if isinstance(value, dict):
        members = [
            f"{ws}{_encode_string(draw, k)}{ws}:{ws}{_encode_value(draw, v)}"
            for k, v in value.items()
        ]
        return "{" + ",".join(members) + ws + "}"
    if isinstance(value, list):
        return "[" + ",".join(ws + _encode_value(draw, v) for v in value) + ws + "]"
    if isinstance(value, str):
        return _encode_string(draw, value)
    if isinstance(value, float) and draw(st.booleans()):
        return draw(_NUMBER_SPELLINGS)
    return json.dumps(value)


def _encode_string(draw: st.DrawFn, value: str) -> str:
    if draw(st.booleans()):
        return json.dumps(value)  # \uXXXX escapes
    return json.dumps(value, ensure_ascii=False).replace("\ud800", "\\ud800")


@st.composite
def _records(draw: st.DrawFn) -> tuple[str, str, str]:
    """(the raw line, its text, the line with a placeholder where the text value is)."""
    before = draw(st.dictionaries(_KEYS.filter(lambda k: k != "text"), _VALUES, max_size=4))
    after = draw(st.dictionaries(_KEYS.filter(lambda k: k != "text"), _VALUES, max_size=4))
    text = draw(_TEXTS)
    ws = draw(_WS)
    parts = [f'{ws}"text"{ws}:{ws}\x00']
    for k, v in (*before.items(), *after.items()):
        parts.insert(
            draw(st.integers(0, len(parts))),
            f"{ws}{_encode_string(draw, k)}{ws}:{ws}{_encode_value(draw, v)}",
        )
    template = "{" + ",".join(parts) + ws + "}" + draw(st.sampled_from(["\n", "\r\n", ""]))
    return template.replace("\x00", _encode_string(draw, text)), text, template


@given(_records())
@example(('{"text": "\\ud800\\nAdvertisement"}\n', "\ud800\nAdvertisement", '{"text": \x00}\n'))
def test_only_the_text_value_changes(case: tuple[str, str, str]) -> None:
    raw, text, template = case
    assert json.loads(raw)["text"] == text  # the generator's own check
    r = _one(raw.encode("utf-8"))
    assert r.error is None and r.out is not None
    head, tail = template.split("\x00")
    out = r.out.decode("utf-8")  # valid UTF-8 always
    assert out.startswith(head) and out.endswith(tail)
    assert json.loads(out[len(head) : len(out) - len(tail)]) == clean(text)


def test_a_record_nested_too_deeply_is_a_bad_record_not_a_crash(tmp_path: Path) -> None:
    deep = b'{"text": "x", "a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n"
    r = _one(deep)
    assert r.error is not None and "invalid JSON" in r.error and r.out == deep
    (tmp_path / "d.jsonl").write_bytes(deep + b'{"text": "Advertisement\\nThe end."}\n')
    (tmp_path / "d.data").write_bytes(deep)  # the format is sniffed from this line
    for name in ("d.jsonl", "d.data"):
        r2 = cli("clean", tmp_path / name, "-o", tmp_path / f"out-{name}")
        assert r2.returncode == 1 and b"Traceback" not in r2.stderr, r2.stderr
        assert (tmp_path / f"out-{name}" / name).read_bytes().startswith(deep)


def test_the_title_value_keeps_its_bytes() -> None:
    title = '"Council race heats up \\u00e9\\ud800"'
    raw = ('{"title" :' + title + ', "text": "RELATED: Council race heats up\\nThe end."}').encode()
    out = _one(raw, batch.Fields(title="title")).out
    assert out == ('{"title" :' + title + ', "text": "The end."}').encode()
