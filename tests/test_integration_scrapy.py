"""The Scrapy pipeline in a real crawl of pages served on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

pytest.importorskip("scrapy", reason="needs the scrapy extra: pip install 'boilerstrip[scrapy]'")

from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from boilerstrip import clean, extract
from boilerstrip.integrations.scrapy import BoilerstripPipeline
from tests.test_html import PAGE

ROOT = Path(__file__).resolve().parent.parent

TEXT = (
    "The ferry will run every hour from May, the port said on Monday.\n\n"
    "Advertisement\n\n"
    "Tickets go on sale next week at the harbour office and online.\n"
)

SPIDER = """
import json, sys
import scrapy
from scrapy.crawler import CrawlerProcess

base, out, fields, text = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[4]

class Pages(scrapy.Spider):
    name = "pages"
    start_urls = [base + "/page.html"]

    def parse(self, response):
        yield {"url": response.url, "html": response.text, "text": text}

process = CrawlerProcess(settings={
    "ITEM_PIPELINES": {"boilerstrip.integrations.scrapy.BoilerstripPipeline": 300},
    "BOILERSTRIP_FIELDS": fields,
    "BOILERSTRIP_KEEP_ORIGINAL": True,
    "FEEDS": {out: {"format": "jsonlines"}},
    "LOG_LEVEL": "WARNING",
    "ROBOTSTXT_OBEY": False,
})
process.crawl(Pages)
process.start()
"""


@pytest.fixture
def site(tmp_path: Path) -> Iterator[str]:
    root = tmp_path / "site"
    root.mkdir()
    (root / "page.html").write_text(PAGE, encoding="utf-8")
    handler = partial(SimpleHTTPRequestHandler, directory=str(root))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_crawl_cleans_text_and_extracts_html(site: str, tmp_path: Path) -> None:
    out = tmp_path / "items.jsonl"
    fields = json.dumps({"text": "text", "html": "html"})
    r = subprocess.run(
        [sys.executable, "-c", SPIDER, site, str(out), fields, TEXT],
        capture_output=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr.decode()
    [item] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert item["text"] == clean(TEXT) and "Advertisement" not in item["text"]
    assert item["text_original"] == TEXT
    assert item["html"] == extract(PAGE)
    assert item["html_original"].startswith("<!DOCTYPE html>")


def test_disabled_and_item_classes() -> None:
    import scrapy

    with pytest.raises(NotConfigured):
        _pipeline(BOILERSTRIP_ENABLED=False)

    class Article(scrapy.Item):
        body = scrapy.Field()
        other = scrapy.Field()

    pipeline = _pipeline(BOILERSTRIP_FIELDS=["body", "missing"])
    item = Article(body=TEXT, other=TEXT)
    assert pipeline.process_item(item) is item  # the new signature
    assert pipeline.process_item(item, None) is item  # and the old one
    assert item["body"] == clean(TEXT) and item["other"] == TEXT


def _pipeline(**settings: object) -> BoilerstripPipeline:
    return BoilerstripPipeline.from_crawler(get_crawler(settings_dict=settings))


@pytest.mark.parametrize(
    ("value", "cleaned"),
    [
        # `scrapy crawl ... -s BOILERSTRIP_FIELDS=text` gives the string "text": issue 19,
        # it was read as the fields "t", "e", "x".
        ("text", ["text"]),
        ("text, body", ["text", "body"]),  # comma-separated, as settings.getlist reads it
        ('["text", "body"]', ["text", "body"]),  # a JSON list
        ('{"body": "text"}', ["body"]),  # a JSON dict, as settings.getdict reads it
        (["text", "body"], ["text", "body"]),
        ("", []),  # -s BOILERSTRIP_FIELDS= : no fields, as settings.getlist reads it
    ],
)
def test_fields_setting_from_the_command_line(value: object, cleaned: list[str]) -> None:
    pipeline = _pipeline(BOILERSTRIP_FIELDS=value)
    item = {"text": TEXT, "body": TEXT, "t": TEXT, "other": TEXT}
    pipeline.process_item(item)
    assert [k for k, v in item.items() if v != TEXT] == cleaned
    assert all(item[k] == clean(TEXT) for k in cleaned)


def test_a_json_dict_setting_that_is_not_json_is_an_error() -> None:
    with pytest.raises(ValueError, match="BOILERSTRIP_FIELDS"):
        _pipeline(BOILERSTRIP_FIELDS='{"body": text}')


def test_runspider_with_fields_on_the_command_line(site: str, tmp_path: Path) -> None:
    spider = tmp_path / "spider.py"
    spider.write_text(
        "import scrapy\n"
        "class Pages(scrapy.Spider):\n"
        "    name = 'pages'\n"
        f"    start_urls = [{site + '/page.html'!r}]\n"
        "    custom_settings = {'ITEM_PIPELINES': "
        "{'boilerstrip.integrations.scrapy.BoilerstripPipeline': 300}}\n"
        "    def parse(self, response):\n"
        f"        yield {{'text': {TEXT!r}, 'title': {TEXT!r}}}\n",
        encoding="utf-8",
    )
    out = tmp_path / "items.jsonl"
    settings = ["-s", "BOILERSTRIP_FIELDS=text", "-s", "LOG_LEVEL=WARNING"]
    r = subprocess.run(
        [sys.executable, "-m", "scrapy", "runspider", str(spider), "-o", str(out), *settings],
        capture_output=True,
        timeout=120,
        cwd=ROOT,
    )
    assert r.returncode == 0, r.stderr.decode()
    [item] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert item == {"text": clean(TEXT), "title": TEXT}


def test_a_field_cleaned_into_another_field() -> None:
    pipeline = _pipeline(BOILERSTRIP_FIELDS={"body": "body_clean"}, BOILERSTRIP_KEEP_ORIGINAL=True)
    item = {"body": TEXT}
    pipeline.process_item(item)
    # The source stays as it was, so no <field>_original copy is made.
    assert item == {"body": TEXT, "body_clean": clean(TEXT)}


def test_html_extracted_into_another_field() -> None:
    pipeline = _pipeline(BOILERSTRIP_FIELDS='{"html": "html:body_text"}')
    item = {"url": "https://example.com/a", "html": PAGE}
    pipeline.process_item(item)
    assert item == {"url": "https://example.com/a", "html": PAGE, "body_text": extract(PAGE)}
    # "html:text" names a destination called "text"; plain "text" would be the 0.1 form.
    item = {"html": PAGE}
    _pipeline(BOILERSTRIP_FIELDS={"html": "html:text"}).process_item(item)
    assert item == {"html": PAGE, "text": extract(PAGE)}


def test_the_0_1_forms_still_clean_in_place() -> None:
    pipeline = _pipeline(BOILERSTRIP_FIELDS={"text": "text", "page": "html"})
    item = {"text": TEXT, "page": PAGE}
    pipeline.process_item(item)
    assert item == {"text": clean(TEXT), "page": extract(PAGE)}


@pytest.mark.parametrize("value", [{"text": "pdf:out"}, {"text": ""}, {"text": 3}, "text,,"])
def test_a_bad_field_setting_fails_the_crawl_loudly(value: object) -> None:
    # Not NotConfigured: that would run the crawl with the pipeline silently left out.
    with pytest.raises(ValueError, match="BOILERSTRIP_FIELDS"):
        _pipeline(BOILERSTRIP_FIELDS=value)


def test_title_from_an_item_field() -> None:
    text = "Storm closes schools\n\nThe storm hit the county at noon.\n"
    plain = {"text": text, "title": "Storm closes schools"}
    _pipeline().process_item(plain)
    assert plain["text"] == text  # no title field set: the headline is part of the story
    pipeline = _pipeline(BOILERSTRIP_TITLE_FIELD="title")
    for title in ("Storm closes schools", ["The Paper", "Storm closes schools"]):
        item = {"text": text, "title": title}
        pipeline.process_item(item)
        assert item["text"] == clean(text, title=title) == "The storm hit the county at noon.\n"
    for title in (None, 3):  # missing or not text: cleaned without a title
        item = {"text": text, "title": title}
        pipeline.process_item(item)
        assert item["text"] == text


def test_title_field_adds_to_the_titles_of_an_html_page() -> None:
    page = PAGE.replace("<title>Council approves three bridges</title>", "")
    page = page.replace("<h1>Council approves three bridges</h1>", "<p>Bridges</p>")
    item = {"html": page, "title": "Bridges"}
    _pipeline(BOILERSTRIP_FIELDS={"html": "html"}, BOILERSTRIP_TITLE_FIELD="title").process_item(
        item
    )
    assert isinstance(item["html"], str) and not item["html"].startswith("Bridges")
    assert extract(page) is not None and extract(page).startswith("Bridges")  # type: ignore[union-attr]
