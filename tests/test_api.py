from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

import boilerstrip
from boilerstrip import Category, Cleaner, Config, clean, explain, rules

STORY = "The vote passed.\n\nAdvertisement\n\nThe mayor signed the bill on Friday.\n"


def test_clean_removes_and_explain_names_rule_and_reason() -> None:
    assert clean(STORY) == "The vote passed.\n\nThe mayor signed the bill on Friday.\n"
    removed = [d for d in explain(STORY).removed if d.stage != "layout"]
    assert [(d.line, d.text, d.rule_id, d.rule_name, d.category) for d in removed] == [
        (3, "Advertisement", "BS0701", "ad.label", "ad")
    ]
    assert removed[0].reason == "an advertisement label"


def test_blank_line_dropped_with_its_neighbour_is_explained_as_layout() -> None:
    layout = [d for d in explain(STORY).removed if d.stage == "layout"]
    assert [(d.line, d.rule_name) for d in layout] == [(4, "layout.blank")]


def test_line_endings_are_preserved() -> None:
    crlf = STORY.replace("\n", "\r\n")
    assert clean(crlf) == "The vote passed.\r\n\r\nThe mayor signed the bill on Friday.\r\n"
    cr = STORY.replace("\n", "\r")
    assert clean(cr) == "The vote passed.\r\rThe mayor signed the bill on Friday.\r"


def test_no_final_newline_stays_absent() -> None:
    assert clean("A story.\nAdvertisement") == "A story."


def test_cleaner_clean_many_equals_map_clean() -> None:
    texts = [STORY, "", "Related Articles\n", "Nothing to see.\n"]
    assert list(Cleaner().clean_many(texts)) == [clean(t) for t in texts]


def test_rules_lists_every_rule_with_metadata() -> None:
    listed = rules()
    assert len(listed) >= 30
    for rule in listed:
        assert rule.id.startswith("BS") and rule.name and rule.description
        assert isinstance(rule.category, Category)
    heading = next(r for r in listed if r.name == "related.heading")
    assert set(heading.languages) == set(boilerstrip.LANGUAGES)
    slash = next(r for r in listed if r.name == "credit.slash")
    assert slash.languages == ()  # structural: any language


def test_disable_by_id_name_and_category() -> None:
    for sel in ("BS0701", "ad.label", "ad"):
        assert clean(STORY, Config(disable=(sel,))) == STORY


def test_unknown_selector_and_language_raise_helpful_errors() -> None:
    with pytest.raises(ValueError, match="categories"):
        Cleaner(Config(disable=("nonsense",)))
    with pytest.raises(ValueError, match="bundled languages"):
        Config(languages=("xx",))


def test_languages_limit_phrase_lists() -> None:
    text = "Der Rat tagte.\n\nAnzeige\n\nDie Sitzung dauerte lange.\n"
    assert clean(text, Config(languages=("de",))) != text
    assert clean(text, Config(languages=("en",))) == text


def test_keep_title_false_removes_a_headline_first_line() -> None:
    text = "Storm closes schools across the county\n\nThe storm hit at noon.\n"
    assert clean(text) == text
    assert clean(text, Config(keep_title=False)) == "The storm hit at noon.\n"


def test_user_phrases_and_patterns() -> None:
    text = "The vote passed.\n\nMehr aus der Region\n\nPromoted by Acme\n\nIt was close.\n"
    config = Config(
        phrases={"related.heading": ("Mehr aus der Region",)},
        patterns={"ad": (r"promoted by \w+",)},
    )
    out = explain(text, config)
    assert out.text == "The vote passed.\n\nIt was close.\n"
    assert {d.rule_name for d in out.removed} >= {"related.heading", "user.ad"}


def test_config_from_toml_file(tmp_path: Path) -> None:
    path = tmp_path / "boilerstrip.toml"
    path.write_text(
        'languages = ["en"]\ndisable = ["ad"]\nkeep_title = false\n'
        '[phrases]\n"related.heading" = ["Elsewhere on the site"]\n',
        encoding="utf-8",
    )
    config = Config.from_file(path)
    assert config.languages == ("en",) and config.disable == ("ad",) and not config.keep_title
    assert clean("A story.\nElsewhere on the site\n", config) == "A story.\n"
    with pytest.raises(ValueError, match="unknown config key"):
        Config.from_dict({"languagez": ["en"]})


def test_config_is_frozen_and_hashable() -> None:
    config = Config(phrases={"related.heading": ("X",)})
    assert hash(config) == hash(dataclasses.replace(config))
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.keep_title = False  # type: ignore[misc]


def test_non_str_input_raises_type_error() -> None:
    with pytest.raises(TypeError):
        clean(b"bytes")  # type: ignore[arg-type]


def test_module_cli_cleans_a_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(STORY, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "boilerstrip", "clean", str(path)], capture_output=True, check=True
    )
    assert out.stdout.decode() == clean(STORY)
    piped = subprocess.run(
        [sys.executable, "-m", "boilerstrip", "clean", "-"],
        input=STORY.encode(),
        capture_output=True,
    )
    assert piped.stdout.decode() == clean(STORY)


def test_the_verdicts_a_cleaner_remembers_stay_bounded() -> None:
    from boilerstrip import pipeline

    cleaner = Cleaner()
    lines = [f"Advertisement {i}\n" for i in range(pipeline._MEMO + 500)]
    text = "Storm closes schools.\n\n" + "".join(lines)
    assert cleaner.clean(text) == cleaner.clean(text)
    assert 0 < len(cleaner._memo) <= pipeline._MEMO
    # A remembered verdict is the verdict: the same line in another text goes the same way.
    assert cleaner.clean("Storm closes schools.\n\nAdvertisement\n") == "Storm closes schools.\n"


def test_a_memory_emptied_by_another_thread_between_two_looks_is_no_error() -> None:
    # One cleaner serves every thread (cleaner_for); another thread may empty its memory
    # of verdicts at any moment, as when it fills up.
    class EmptiedAfterALook(dict[object, object]):
        def __contains__(self, key: object) -> bool:
            found = super().__contains__(key)
            self.clear()
            return found

    cleaner = Cleaner()
    text = "Storm closes schools.\n\nAdvertisement\n\nThe storm hit at noon.\n"
    expected = cleaner.clean(text)
    cleaner._memo = EmptiedAfterALook(cleaner._memo)
    assert cleaner.clean(text) == expected
