"""Config validation: a value boilerstrip cannot use fails at ``Config(...)``, naming the
field (and the file, for ``from_file``) and what is allowed, never later in ``clean()``."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from boilerstrip import Category, Cleaner, Config, clean
from boilerstrip.config import ConfigError
from boilerstrip.phrases import available

STORY = "The vote passed.\n\nAdvertisement\n\nThe mayor signed the bill on Friday.\n"


def _error(**fields: Any) -> str:
    with pytest.raises(ConfigError) as info:
        Config(**fields)
    return str(info.value)


def test_config_error_is_a_value_error() -> None:
    # Callers (the CLI) catch ValueError; the new class must not escape them.
    assert issubclass(ConfigError, ValueError)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("teaser_max_chars", "abc"),  # issue 20: accepted, then clean() raised TypeError
        ("teaser_max_chars", 0),
        ("tail_max_lines", -1),
        ("headline_max_chars", 2.5),
        ("caption_max_chars", True),  # a bool is an int to Python, not a length
        ("caption_max_chars", None),
    ],
)
def test_counts_and_lengths_must_be_ints_of_at_least_one(name: str, value: Any) -> None:
    message = _error(**{name: value})
    assert name in message and "int >= 1" in message and repr(value) in message


@pytest.mark.parametrize("value", [-0.1, 1.5, math.nan, "0.3", True, None])
def test_headline_max_overlap_is_a_number_from_0_to_1(value: Any) -> None:
    message = _error(headline_max_overlap=value)
    assert "headline_max_overlap" in message and "from 0 to 1" in message


def test_valid_thresholds_are_kept_and_an_int_overlap_becomes_a_float() -> None:
    config = Config(teaser_max_chars=1, tail_max_lines=3, headline_max_overlap=1)
    assert config.teaser_max_chars == 1 and config.tail_max_lines == 3
    assert config.headline_max_overlap == 1.0 and isinstance(config.headline_max_overlap, float)
    assert Config(headline_max_overlap=0).headline_max_overlap == 0.0


@pytest.mark.parametrize("value", ["false", 0, 1, None])
def test_keep_title_must_be_a_real_bool(value: Any) -> None:
    # "false" is truthy: accepting it would keep the title the user asked to drop.
    message = _error(keep_title=value)
    assert "keep_title" in message and "true or false" in message


@pytest.mark.parametrize("name", ["languages", "enable", "disable"])
@pytest.mark.parametrize("value", [3, ["en", 3], b"en", {"en": 1}])
def test_selectors_and_languages_are_strings(name: str, value: Any) -> None:
    message = _error(**{name: value})
    assert name in message and "string" in message


def test_a_single_string_is_still_one_selector() -> None:
    assert Config(disable="ad").disable == ("ad",)
    assert Config(languages="de").languages == ("de",)


def test_unknown_selector_fails_at_config_time() -> None:
    # Checked against the rule registry when the Config is made, not when a Cleaner is.
    message = _error(enable=("ad.labell",))
    assert "enable" in message and "'ad.labell'" in message and "categories" in message
    assert "disable" in _error(disable=("nonsense",))
    assert Config(enable=("BS0701", "ad.label", "ad")).enable == ("BS0701", "ad.label", "ad")


def test_unknown_phrase_list_is_an_error_with_a_suggestion() -> None:
    # Issue 20: a misspelt list name was silently ignored.
    message = _error(phrases={"related.headng": ("Mehr aus der Region",)})
    assert "phrases" in message and "'related.headng'" in message
    assert "'related.heading'" in message  # the close match
    assert "boilerstrip.phrases.available()" in message


def test_every_bundled_phrase_list_is_a_valid_key() -> None:
    names = {name for lists in available().values() for name in lists}
    assert "related.heading" in names and "credit.agency" in names
    config = Config(phrases={name: ("Zzyzx qqq",) for name in names})
    assert set(config.phrases) == names
    assert clean(STORY, config) == clean(STORY)  # the made-up phrase is in no line


def test_dotted_toml_key_without_quotes_gets_a_hint(tmp_path: Path) -> None:
    # [phrases] related.heading = [...] is the nested table {"related": {"heading": [...]}}.
    path = tmp_path / "boilerstrip.toml"
    path.write_text('[phrases]\nrelated.heading = ["Mehr"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="quote the name") as info:
        Config.from_file(path)
    assert str(path) in str(info.value)


@pytest.mark.parametrize(
    ("phrases", "words"),
    [
        ({"ad.label": 3}, "string or a list of strings"),
        ({"ad.label": ["Anzeige", 3]}, "string or a list of strings"),
        ({"ad.label": ("",)}, "a word"),  # was an IndexError in Cleaner(...)
        ({"ad.label": (" \t",)}, "a word"),
        # Placeholders alone match any number or name: was a ValueError in Cleaner(...).
        ({"author.contributed_word": ("{n}",)}, "a word"),
        ({"ad.label": ("{n} {n}",)}, "a word"),
        ({"ad.label": ("{name} says",)}, "{name}"),  # was a ValueError in Cleaner(...)
        # credit.agency is matched by the line's last word: it cannot be a name placeholder.
        ({"credit.agency": ("Photo by {name}",)}, "{name}"),
    ],
)
def test_phrases_must_be_phrases(phrases: dict[str, Any], words: str) -> None:
    message = _error(phrases=phrases)
    assert "phrases" in message and words in message


def test_a_phrase_may_end_with_a_name_where_lists_start_with_their_phrase() -> None:
    # Bundled related.heading has "More from {name}"; the user may add the same shape.
    config = Config(phrases={"related.heading": ("Mehr von {name}",)})
    assert clean("Story.\n\nMehr von Der Zeitung\n", config) == "Story.\n"


@pytest.mark.parametrize(
    ("patterns", "words"),
    [
        ({"adv": ("x",)}, "categories"),
        ({"layout": ("x",)}, "categories"),  # layout.blank is boilerstrip's own
        ({"ad": 3}, "string or a list of strings"),
        ({"ad": ("promoted by (",)}, "not a valid regex"),  # issue 20: failed at first use
        ({"ad": ("ok", "x{2,1}")}, "patterns['ad'][1]"),
        ({"ad": ("",)}, "empty"),
        ({"ad": ("(?R)",)}, "recursi"),  # compiles, then fullmatch raises MemoryError
        ({"ad": ("(a(?1)?b)",)}, "recursi"),
    ],
)
def test_patterns_must_compile_under_a_category(patterns: dict[str, Any], words: str) -> None:
    message = _error(patterns=patterns)
    assert "patterns" in message and words in message


def test_patterns_compile_with_the_pipelines_flags() -> None:
    # The pipeline compiles user patterns case-insensitively; so does validation.
    config = Config(patterns={"ad": (r"promoted by \w+",)})
    assert clean("Story.\n\nPROMOTED BY ACME\n", config) == "Story.\n"


def test_bad_regex_is_reported_with_the_file(tmp_path: Path) -> None:
    path = tmp_path / "boilerstrip.toml"
    path.write_text('[patterns]\nad = ["promoted by ("]\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        Config.from_file(path)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "patterns['ad'][0]" in message
    assert info.value.path == str(path) and info.value.field == "patterns"


def test_bad_threshold_and_bad_toml_are_reported_with_the_file(tmp_path: Path) -> None:
    path = tmp_path / "boilerstrip.toml"
    path.write_text('teaser_max_chars = "abc"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="teaser_max_chars") as info:
        Config.from_file(path)
    assert str(path) in str(info.value)
    path.write_text("teaser_max_chars = \n", encoding="utf-8")
    with pytest.raises(ConfigError, match="TOML") as info:
        Config.from_file(path)
    assert str(path) in str(info.value)
    path.write_text('languagez = ["en"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown config key") as info:
        Config.from_file(path)
    assert str(path) in str(info.value)


def test_replace_validates_too() -> None:
    with pytest.raises(ConfigError, match="tail_max_lines"):
        dataclasses.replace(Config(), tail_max_lines="12")


def test_the_cli_reports_a_bad_config_file_as_a_usage_error(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from boilerstrip.cli import main

    path = tmp_path / "boilerstrip.toml"
    path.write_text('[patterns]\nad = ["("]\n', encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(main, ["clean", str(text), "--config", str(path)])
    assert result.exit_code == 2 and "patterns['ad'][0]" in result.output


# --- property: an accepted config never makes clean() raise -------------------------------

_LISTS = sorted({name for lists in available().values() for name in lists})
_CATEGORIES = [c.value for c in Category]

_STRINGS = st.text(max_size=12) | st.sampled_from(["en", "de", "xx", "ad", "BS0701", "ad.label"])
_ANY = st.none() | st.booleans() | st.integers(-3, 10**6) | st.floats() | _STRINGS
_ANY = _ANY | st.lists(_ANY, max_size=2) | st.dictionaries(_STRINGS, _ANY, max_size=2)
_PHRASES = st.sampled_from(["", " ", "{name}", "{n}", "{n} {name}", "More from {name}"])
_PATTERNS = st.sampled_from(["(?R)", "(", ".*", "a*", r"\w+ \d+", "(?i)x", "[", "\\", "(?x)#"])
_SELECTORS = st.sampled_from([*_CATEGORIES, "BS0701", "ad.label", "meta.headline"])
# The values each field takes when it is not the one field drawn from anything at all.
_VALID: dict[str, st.SearchStrategy[Any]] = {
    "languages": st.lists(st.sampled_from(["en", "de", "pl"]), max_size=3),
    "enable": st.lists(_SELECTORS, max_size=2),
    "disable": st.lists(_SELECTORS, max_size=2),
    "keep_title": st.booleans(),
    "phrases": st.dictionaries(
        st.sampled_from(_LISTS), st.lists(_PHRASES | st.text(max_size=20), max_size=3), max_size=3
    ),
    "patterns": st.dictionaries(
        st.sampled_from(_CATEGORIES), st.lists(_PATTERNS | st.text(max_size=10), max_size=3)
    ),
    "teaser_max_chars": st.integers(1, 10**6),
    "tail_max_lines": st.integers(1, 10**6),
    "headline_max_chars": st.integers(1, 10**6),
    "caption_max_chars": st.integers(1, 10**6),
    "headline_max_overlap": st.floats(0, 1),
}


@st.composite
def _configs(draw: st.DrawFn) -> dict[str, Any]:
    """Some fields of a config; at most one of them drawn from any value at all."""
    broken = draw(st.none() | st.sampled_from(sorted(_VALID)))
    fields: dict[str, Any] = {}
    for name, valid in _VALID.items():
        if name == broken:
            fields[name] = draw(_ANY | valid)
        elif draw(st.booleans()):
            fields[name] = draw(valid)
    return fields


_TEXT = st.text(max_size=200) | st.sampled_from(
    [STORY, "Headline of the story\n\nRelated Articles\nOther story\n", "Photo: AP\n12\n"]
)


@settings(
    # Each accepted config builds a Cleaner (~30 ms): half of the profile's examples.
    max_examples=max(50, settings.default.max_examples // 2),
    suppress_health_check=[HealthCheck.too_slow],
    deadline=None,
)
@given(_configs(), _TEXT)
@example({"teaser_max_chars": "abc"}, STORY)
@example({"patterns": {"ad": ["(?R)"]}}, STORY)
@example({"phrases": {"ad.label": [""]}}, STORY)
@example({"phrases": {"author.contributed_word": ["{n}"]}}, "")
@example({"phrases": {"credit.agency": ["x {name}"]}}, STORY)
@example({"phrases": {"prompt.comment_count": ["{n} {name}"]}}, "12 Jane Doe\n")
def test_a_config_either_fails_at_once_or_clean_returns_a_str(
    fields: dict[str, Any], text: str
) -> None:
    try:
        config = Config(**fields)
    except ConfigError:
        event("refused")
        return
    event("accepted")
    assert isinstance(clean(text, config), str)
    assert isinstance(Cleaner(config).explain(text).text, str)


def test_a_config_with_phrases_and_patterns_pickles() -> None:
    # Spark UDFs, datatrove workers and process pools send the config by pickle; the
    # read-only mapping refused the item assignment unpickling does.
    import pickle

    config = Config(phrases={"ad.label": ("Anzeige x",)}, patterns={"ad": ("x+",)})
    copy = pickle.loads(pickle.dumps(config))
    assert copy == config and hash(copy) == hash(config)
    assert clean("Story.\n\nxxx\n", copy) == "Story.\n"
