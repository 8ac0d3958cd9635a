from collections.abc import Collection
from typing import Any

VERSION: int

def raw_units(
    lines: list[str],
    wrap: bool,
    wrap_min: int,
    closers: str,
    ends: str,
    table: bytes,
) -> list[tuple[int, int, str, float, int, bool]]: ...
def short_lines(lines: list[str], short: int) -> tuple[int, int]: ...
def visible(line: str) -> tuple[str, int]: ...
def words_of(text: str, table: bytes) -> list[str] | None: ...
def score_units(
    raw: list[tuple[int, int, str, float, int, bool]],
    counts: list[int],
    debris: Collection[int],
    stop: frozenset[str] | None,
    words: bytes,
    cjk: bytes,
    unit: type,
    limits: tuple[int, float, float, float],
) -> list[Any]: ...
def language_hits(words: list[str], index: dict[str, bytes], n: int) -> list[int]: ...
