from collections.abc import Callable

VERSION: int

def raw_units(
    lines: list[str],
    wrap: bool,
    wrap_min: int,
    visible: Callable[[str], tuple[str, int]],
    closers: str,
    ends: str,
    table: bytes,
) -> list[tuple[int, int, str, float, int, bool]]: ...
def short_lines(
    lines: list[str], short: int, visible: Callable[[str], tuple[str, int]]
) -> tuple[int, int]: ...
def language_hits(words: list[str], index: dict[str, bytes], n: int) -> list[int]: ...
