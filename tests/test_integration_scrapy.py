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

pytest.importorskip("scrapy")

from boilerstrip import clean, extract
from tests.test_html import PAGE

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
    from scrapy.exceptions import NotConfigured
    from scrapy.utils.test import get_crawler

    from boilerstrip.integrations.scrapy import BoilerstripPipeline

    with pytest.raises(NotConfigured):
        BoilerstripPipeline.from_crawler(get_crawler(settings_dict={"BOILERSTRIP_ENABLED": False}))

    class Article(scrapy.Item):
        body = scrapy.Field()
        other = scrapy.Field()

    crawler = get_crawler(settings_dict={"BOILERSTRIP_FIELDS": ["body", "missing"]})
    pipeline = BoilerstripPipeline.from_crawler(crawler)
    item = Article(body=TEXT, other=TEXT)
    assert pipeline.process_item(item) is item  # the new signature
    assert pipeline.process_item(item, None) is item  # and the old one
    assert item["body"] == clean(TEXT) and item["other"] == TEXT
