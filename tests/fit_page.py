"""Fit the page detector of ``page.outside`` (a script, not a test) and write its weights
to ``boilerstrip/data/page_detector.json``.

    python -m tests.fit_page [--fit bench|wcxb] [--dry-run]

The detector is a logistic regression on the features ``page.read`` gives (counts on a
log scale, shares as they are). It is fitted on one kit and measured on the other:

- bench: the full-page extractors, and the hard-wrapped dumps of a whole page (august,
  html2text, html2text_rs), are pages; every other extractor's text and the gold are not.
- wcxb: html_text_fullpage, and the pages dumped as Markdown here (``markdown_dump``), are
  pages; trafilatura, readability, trafilatura's Markdown extract (links and all) and the
  gold are not.

Texts that are not pages weigh ``--negative-weight`` times more than pages (a false page
costs story; a missed one only leaves debris). Detection rates on both kits are printed
and stored with the weights.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
from collections.abc import Collection, Iterator
from pathlib import Path

import trafilatura

from boilerstrip import Cleaner, Config
from boilerstrip.rules import page
from tests.corpus import SHARED

DATA = Path(__file__).resolve().parent.parent / "boilerstrip" / "data" / "page_detector.json"
FEATURES = (
    "before",
    "after",
    "run",
    "dups",
    "ruled",
    "copyright",
    "digits",
    "prose",
    "links",
    "head",
    "units",
    "top_labels",
    "bottom_labels",
    "top_menu",
    "bottom_menu",
    "tiny",
)
# Hard-wrapped dumps of the whole page on the bench (its README: "the full-page wrapped ones").
WRAPPED_PAGES = ("august", "html2text", "html2text_rs")
# group, feature vector, is a page, whether page.guarded lets it be cut (not fitted)
Row = tuple[str, list[float], bool, bool]


def bench_texts() -> Iterator[tuple[str, str, bool]]:
    """(group, text, is a page) for the bench's inputs and gold."""
    bench = SHARED / "bench"
    layouts = {}
    for row in (bench / "inputs" / "MANIFEST.tsv").read_text().splitlines()[1:]:
        name, _version, layout, *_ = row.split("\t")
        layouts[name] = layout
    for name, layout in sorted(layouts.items()):
        is_page = layout == "full-page" or name in WRAPPED_PAGES
        with gzip.open(bench / "inputs" / f"{name}.json.gz") as f:
            for text in json.load(f).values():
                if text:
                    yield (f"bench {name}", text, is_page)
    gold = json.loads((bench / "ground-truth.json").read_text())
    for item in gold.values():
        yield ("bench gold", item["articleBody"], False)


def wcxb_texts() -> Iterator[tuple[str, str, bool]]:
    wcxb = SHARED / "wcxb"
    with gzip.open(wcxb / "gold.json.gz") as f:
        gold = json.load(f)
    for name in ("html_text_fullpage", "trafilatura", "readability"):
        with gzip.open(wcxb / "inputs" / f"{name}.json.gz") as f:
            for text in json.load(f).values():
                if text:
                    yield (f"wcxb {name}", text, name == "html_text_fullpage")
    for item in gold.values():
        yield ("wcxb gold", item["main_content"], False)
    # The kit's pages as a Markdown converter writes them (links with their addresses),
    # which html_text_fullpage cannot show: pages too.
    # ... and the article as trafilatura extracts it in Markdown, links and all: no page.
    for path in sorted((wcxb / "html").glob("*.html.gz")):
        with gzip.open(path) as f:
            html = f.read()
        text = markdown_dump(html)
        if text:
            yield (MARKDOWN, text, True)
        extract = trafilatura.extract(
            html.decode("utf-8"),
            output_format="markdown",
            include_links=True,
            include_formatting=True,
        )
        if extract:
            yield (MARKDOWN_EXTRACT, extract, False)


MARKDOWN = "wcxb markdown_dump"
MARKDOWN_EXTRACT = "wcxb trafilatura_markdown"
# Elements that start a new line in a dump, elements whose text is never shown.
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    ]
)
_HIDDEN = frozenset(
    ["script", "style", "noscript", "template", "head", "svg", "iframe", "select", "option"]
)


def markdown_dump(html: bytes) -> str:
    """A whole page's text as a simple HTML-to-Markdown converter writes it: a line per
    block, headings with '#', list items with '* ', links as [text](address). Written
    here (lxml) so that no converter of the bench's is fitted on."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        root = lxml_html.fromstring(html, parser=lxml_html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return ""
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        line = " ".join("".join(current).split())
        current.clear()
        if line:
            lines.append(line)

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in _HIDDEN:
            return
        block = tag in _BLOCKS
        if block:
            flush()
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                current.append("#" * int(tag[1]) + " ")
            elif tag == "li":
                current.append("* ")
        if tag == "a" and el.get("href"):
            label = " ".join(el.text_content().split())
            if label:
                current.append(f"[{label}]({el.get('href')})")
        elif tag == "img" and el.get("alt"):
            current.append(f"![{el.get('alt')}]({el.get('src', '')})")
        else:
            if el.text and tag:
                current.append(el.text)
            for child in el:
                walk(child)
                if child.tail:
                    current.append(child.tail)
        if block:
            flush()

    body = root.find("body")
    walk(body if body is not None else root)
    flush()
    return "\n\n".join(lines) + "\n"


def readings(texts: Iterator[tuple[str, str, bool]]) -> list[Row]:
    """(group, feature vector, is a page), with the features page.outside computes (in
    the pipeline, so ``ruled`` counts the line rules' verdicts as it sees them)."""
    seen: list[page.Reading] = []
    real = page.read

    def record(
        lines: list[str], ruled: Collection[int], titles: tuple[str, ...] = ()
    ) -> page.Reading | None:
        reading = real(lines, ruled, titles)
        if reading is not None:
            seen.append(reading)
        return reading

    cleaner = Cleaner(Config(mode="page"))
    out = []
    page.read = record  # type: ignore[assignment]
    try:
        for group, text, is_page in texts:
            seen.clear()
            cleaner.clean(text)
            if seen:
                reading = seen[0]
                allowed = page.cut_region(reading) is not None
                out.append((group, page.inputs(reading.features, FEATURES), is_page, allowed))
    finally:
        page.read = real  # type: ignore[assignment]
    return out


def fit(rows: list[Row], negative_weight: float, ridge: float = 1.0) -> tuple[list[float], float]:
    """Weighted logistic regression by Newton's method (with a small ridge penalty)."""
    d = len(FEATURES) + 1
    beta = [0.0] * d
    for _ in range(30):
        grad = [0.0] * d
        hess = [[0.0] * d for _ in range(d)]
        for _group, x, y, _allowed in rows:
            xs = [*x, 1.0]
            z = sum(b * v for b, v in zip(beta, xs, strict=True))
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            w = 1.0 if y else negative_weight
            g = w * (p - (1.0 if y else 0.0))
            h = w * p * (1 - p)
            for i in range(d):
                grad[i] += g * xs[i]
                for j in range(d):
                    hess[i][j] += h * xs[i] * xs[j]
        for i in range(d - 1):
            grad[i] += ridge * beta[i]
            hess[i][i] += ridge
        step = _solve(hess, grad)
        beta = [b - s for b, s in zip(beta, step, strict=True)]
        if max(map(abs, step)) < 1e-6:
            break
    return beta[:-1], beta[-1]


def fit_one(
    rows: list[Row], weights: list[float], bias: float, k: int, negative_weight: float
) -> float:
    """The weight of feature k alone, the others as fitted: weighted logistic regression
    on one variable, each text's score without feature k as its offset."""
    # (texts without evidence on this feature have nothing to fit)
    fitted = [
        (
            bias + sum(w * v for j, (w, v) in enumerate(zip(weights, x, strict=True)) if j != k),
            x[k],
            y,
        )
        for _group, x, y, _allowed in rows
        if x[k]
    ]
    beta = 0.0
    for _ in range(50):
        grad = hess = 0.0
        for z0, xk, y in fitted:
            z = z0 + beta * xk
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            w = 1.0 if y else negative_weight
            grad += w * (p - (1.0 if y else 0.0)) * xk
            hess += w * p * (1 - p) * xk * xk
        step = grad / (hess + 1.0)
        beta -= step
        if abs(step) < 1e-6:
            break
    return beta


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    n = len(b)
    m = [[*row, v] for row, v in zip(a, b, strict=True)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[c][c]:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c], strict=True)]
    return [m[i][n] / m[i][i] if m[i][i] else 0.0 for i in range(n)]


def rates(rows: list[Row], weights: list[float], bias: float) -> dict[str, tuple[int, int]]:
    """Per group: (texts detected as pages, texts)."""
    out: dict[str, tuple[int, int]] = {}
    for group, x, _y, allowed in rows:
        hit = allowed and bias + sum(w * v for w, v in zip(weights, x, strict=True)) > 0
        k, n = out.get(group, (0, 0))
        out[group] = (k + hit, n + 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fit", choices=("bench", "wcxb"), default="bench")
    ap.add_argument("--negative-weight", type=float, default=30.0)
    ap.add_argument(
        "--allow",
        type=float,
        default=0.002,
        help="the share of the fitted kit's texts that are not pages that may score above 0 "
        "(the bias is lowered until no more do)",
    )
    ap.add_argument("--dry-run", action="store_true", help="print, do not write the weights")
    args = ap.parse_args()
    kits = {"bench": readings(bench_texts()), "wcxb": readings(wcxb_texts())}
    rows = kits[args.fit]
    # Link text (the "links" feature) shows only in Markdown dumps: the other weights are
    # fitted without them, then the weight of links alone on all texts.
    weights, bias = fit(
        [r for r in rows if r[0] not in (MARKDOWN, MARKDOWN_EXTRACT)], args.negative_weight
    )
    k = FEATURES.index("links")
    weights[k] = fit_one(rows, weights, bias, k, args.negative_weight)
    # A margin: at most --allow of the fitted kit's texts that are not pages score above 0.
    negatives = [
        bias + sum(w * v for w, v in zip(weights, x, strict=True))
        for _g, x, y, allowed in rows
        if not y and allowed
    ]
    negatives.sort(reverse=True)
    print("highest scores of texts that are not pages:", [round(x, 2) for x in negatives[:12]])
    allowed = int(len(negatives) * args.allow)
    margin = negatives[allowed] if allowed < len(negatives) else 0.0
    bias -= margin
    print(f"margin {margin:.3f} ({allowed} texts that are not pages allowed above 0)")
    print(
        f"fitted on {args.fit}: "
        + ", ".join(f"{k} {w:+.3f}" for k, w in zip(FEATURES, weights, strict=True))
        + f", bias {bias:+.3f}"
    )
    measured = {}
    for rows in kits.values():
        for group, (k, n) in sorted(rates(rows, weights, bias).items()):
            measured[group] = f"{k}/{n}"
            print(f"  {group:32s} {k:5d}/{n:5d} = {k / n:.3f}")
    if not args.dry_run:
        data = {
            "about": "page.outside's page detector, written by python -m tests.fit_page",
            "fitted_on": args.fit,
            "negative_weight": args.negative_weight,
            "margin": round(margin, 4),
            "allow": args.allow,
            "features": list(FEATURES),
            "weights": [round(w, 4) for w in weights],
            "bias": round(bias, 4),
            "detected": measured,
        }
        DATA.write_text(json.dumps(data, indent=1) + "\n")
        print(f"wrote {DATA}")


if __name__ == "__main__":
    main()
