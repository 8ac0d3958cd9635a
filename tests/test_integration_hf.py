"""The Hugging Face ``datasets`` helper on small in-memory datasets."""

from __future__ import annotations

import pytest

pytest.importorskip("datasets", reason="needs the hf extra: pip install 'boilerstrip[hf]'")

import datasets

from boilerstrip import Category, Config, clean
from boilerstrip.integrations.hf import cleaner

STORY = "The vote passed.\n\nAdvertisement\n\nThe mayor signed it.\n"
TITLED = "Storm closes schools\n\nThe storm hit the county at noon.\n"
TITLE = "Storm closes schools"


def _dataset() -> datasets.Dataset:
    return datasets.Dataset.from_dict(
        {
            "id": [1, 2, 3, 4],
            "text": [STORY, TITLED, None, ""],
            "title": [None, TITLE, TITLE, None],
        }
    )


def test_batched_map_cleans_the_text_column_in_place() -> None:
    out = _dataset().map(cleaner(), batched=True, batch_size=2)
    assert out.column_names == ["id", "text", "title"]
    assert out["text"] == [clean(STORY), TITLED, None, ""]  # null stays null
    assert out["id"] == [1, 2, 3, 4]


def test_title_column_and_another_output_column() -> None:
    fn = cleaner(title_column="title", output_column="clean")
    out = _dataset().map(fn, batched=True)
    assert out["text"] == [STORY, TITLED, None, ""]  # the source column is left as it was
    assert out["clean"] == [clean(STORY), clean(TITLED, title=TITLE), None, ""]
    assert out["clean"][1] == "The storm hit the county at noon.\n"


def test_counts_column_has_every_category_so_batches_share_one_schema() -> None:
    fn = cleaner(title_column="title", counts_column="removed")
    out = _dataset().map(fn, batched=True, batch_size=1)  # one schema over four batches
    first, second, null, empty = out["removed"]
    assert list(first["by_category"]) == [c.value for c in Category]
    assert {k: v for k, v in first["by_category"].items() if v} == {"ad": 1, "layout": 1}
    assert first["lines_removed"] == 2
    assert {k: v for k, v in second["by_category"].items() if v} == {"meta": 1, "layout": 1}
    assert null is None
    assert empty["lines_removed"] == 0


def test_a_config_and_unbatched_map() -> None:
    config = Config(keep_title=False, phrases={"ad.label": ("Promo corner",)})
    text = "Storm closes schools across the county\n\nPromo corner\n\nThe storm hit at noon.\n"
    ds = datasets.Dataset.from_dict({"text": [text]})
    out = ds.map(cleaner(config=config))  # one example at a time works too
    assert out["text"] == [clean(text, config)] == ["The storm hit at noon.\n"]


def test_the_function_hashes_for_the_datasets_cache() -> None:
    # datasets fingerprints the map function to reuse cached results: equal cleaners give
    # equal hashes, a different config another one.
    from datasets.fingerprint import Hasher

    assert Hasher.hash(cleaner()) == Hasher.hash(cleaner())
    assert Hasher.hash(cleaner()) != Hasher.hash(cleaner(config=Config(keep_title=False)))


def test_a_missing_column_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match=r"'body'.*columns: id, text, title"):
        _dataset().map(cleaner(text_column="body"), batched=True)
