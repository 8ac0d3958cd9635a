"""The ``boilerstrip`` command: ``clean``, ``explain`` and ``rules``.

Exit codes: 0 when all went well, 1 when some inputs had errors (each is reported on
stderr), 2 for usage errors, 130 when interrupted.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import os
import sys
from pathlib import Path
from typing import Any

import click

from . import __version__
from .batch import (
    FORMATS,
    UsageError,
    describe_ignored,
    open_side_file,
    plan,
    read_text,
    run,
)
from .config import LANGUAGES, MODES, Config
from .pipeline import cleaner_for
from .rules import REGISTRY
from .text import split_lines


def _config_options(f: Any) -> Any:
    options = [
        click.option(
            "--config",
            "config_file",
            type=click.Path(dir_okay=False, exists=True),
            help="A TOML file of Config fields.",
        ),
        click.option(
            "--enable",
            multiple=True,
            metavar="ID|NAME|CATEGORY",
            help="Turn a rule or category on (repeatable or comma-separated).",
        ),
        click.option(
            "--disable",
            multiple=True,
            metavar="ID|NAME|CATEGORY",
            help="Turn a rule or category off (repeatable or comma-separated).",
        ),
        click.option(
            "--lang",
            "langs",
            multiple=True,
            metavar="CODE",
            help=f"Phrase languages to load (repeatable or comma-separated; "
            f"default: {' '.join(LANGUAGES)}).",
        ),
        click.option(
            "--no-title",
            is_flag=True,
            help="Remove a headline on the first line (keep_title=False).",
        ),
        click.option(
            "--mode",
            type=click.Choice(MODES),
            default=None,
            help="auto (default): text that reads as a whole page's text loses what is "
            "outside its main text; page: every text is a page's; article: none is.",
        ),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _make_config(
    config_file: str | None,
    enable: tuple[str, ...],
    disable: tuple[str, ...],
    langs: tuple[str, ...],
    no_title: bool,
    mode: str | None = None,
) -> Config:
    try:
        config = Config.from_file(config_file) if config_file else Config()
        changes: dict[str, Any] = {}
        if enable:
            changes["enable"] = (*config.enable, *_items(enable))
        if disable:
            changes["disable"] = (*config.disable, *_items(disable))
        if langs:
            changes["languages"] = _items(langs)
        if no_title:
            changes["keep_title"] = False
        if mode is not None:
            changes["mode"] = mode
        config = dataclasses.replace(config, **changes)
        cleaner_for(config)  # unknown rule names and languages fail here, before any work
    except (ValueError, OSError) as e:
        raise click.UsageError(str(e)) from e
    return config


def _items(values: tuple[str, ...]) -> tuple[str, ...]:
    """The values of a repeatable option, each of which may be a comma-separated list."""
    return tuple(x.strip() for value in values for x in value.split(",") if x.strip())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="boilerstrip")
def main() -> None:
    """Strip leftover boilerplate from scraped article text and keep the story."""


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o",
    "--output",
    "outdir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output directory (mirrors the input tree). Not needed for '-'.",
)
@click.option(
    "--glob",
    "pattern",
    metavar="PATTERN",
    help="Which files of an input directory to clean (default: by extension).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="Read every input as this format (default: from the file name).",
)
@click.option(
    "--text-key", default="text", show_default=True, help="The JSONL field that holds the text."
)
@click.option(
    "--html-key",
    metavar="KEY",
    help="JSONL records carry HTML under KEY: extract the article into --text-key.",
)
@click.option(
    "--title-key",
    metavar="KEY",
    help="JSONL records carry the page's title under KEY: lines that repeat it go.",
)
@click.option(
    "--jobs",
    "-j",
    "n_jobs",
    type=click.IntRange(min=1),
    help="Worker processes (default: all cores).",
)
@click.option("--overwrite", is_flag=True, help="Replace outputs that exist.")
@click.option("--resume", is_flag=True, help="Skip inputs whose output exists (is complete).")
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write, per document, the removed lines with rule and reason (JSONL).",
)
@click.option(
    "--rejected",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write bad JSONL records here instead of copying them to the output.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar, no summary.")
@_config_options
def clean(
    inputs: tuple[str, ...],
    outdir: Path | None,
    pattern: str | None,
    fmt: str | None,
    text_key: str,
    html_key: str | None,
    title_key: str | None,
    n_jobs: int | None,
    overwrite: bool,
    resume: bool,
    report: Path | None,
    rejected: Path | None,
    quiet: bool,
    **config_args: Any,
) -> None:
    """Clean files, directories (recursively) or stdin ('-').

    .txt files (any encoding; written as UTF-8); .jsonl / .ndjson / .json records and
    .parquet tables (only the text changes, every other byte or column passes through);
    .html / .htm pages (through trafilatura, written as .txt); each also compressed
    (.gz, .xz, .bz2, .zst). Stdin and names that say nothing: the content decides. Each
    is written to OUTPUT under the same relative path, to a temporary file renamed when
    complete. See docs/cli.md.
    """
    config = _make_config(**config_args)
    try:
        the_plan = plan(
            list(inputs),
            outdir,
            glob=pattern,
            fmt=fmt,
            overwrite=overwrite,
            resume=resume,
            report=report,
            rejected=rejected,
        )
    except UsageError as e:
        raise click.UsageError(str(e)) from e
    jobs = the_plan.jobs
    total = sum(j.src.stat().st_size for j in jobs if j.src is not None)
    show = not quiet and sys.stderr.isatty()
    bar = _Bar(total, show)
    with contextlib.ExitStack() as stack:
        append = resume and not overwrite  # a resumed run adds to the first run's files
        try:
            report_file = (
                None
                if report is None
                else stack.enter_context(open_side_file(report, binary=False, append=append))
            )
            rejected_file = (
                None
                if rejected is None
                else stack.enter_context(open_side_file(rejected, binary=True, append=append))
            )
        except OSError as e:
            raise click.UsageError(f"cannot write {e.filename}: {e.strerror or e}") from e
        try:
            summary = run(
                jobs,
                config,
                n_jobs=n_jobs or os.cpu_count() or 1,
                text_key=text_key,
                html_key=html_key,
                title_key=title_key,
                report=report_file,
                rejected=rejected_file,
                on_error=bar.write if show else _stderr,
                on_progress=bar.advance,
            )
        finally:
            bar.close()
    summary.skipped = len(the_plan.done)
    summary.ignored = describe_ignored(the_plan.ignored) if the_plan.ignored else ""
    if not quiet or summary.interrupted:
        for line in summary.lines():
            click.echo(f"boilerstrip: {line}", err=True)
    if summary.interrupted:
        sys.exit(1 if summary.errors else 130)
    sys.exit(1 if summary.errors else 0)


def _stderr(message: str) -> None:
    click.echo(message, err=True)


class _Bar:
    """A tqdm progress bar on stderr, or nothing."""

    def __init__(self, total: int, show: bool) -> None:
        self._bar: Any = None
        self._docs = 0
        if show:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total or None,
                unit="B",
                unit_scale=True,
                unit_divisor=1000,
                file=sys.stderr,
                dynamic_ncols=True,
            )

    def advance(self, nbytes: int, ndocs: int) -> None:
        if self._bar is not None:
            self._docs += ndocs
            self._bar.update(nbytes)
            self._bar.set_postfix_str(f"{self._docs} docs", refresh=False)

    def write(self, message: str) -> None:
        if self._bar is not None:
            self._bar.write(message, file=sys.stderr)
        else:
            _stderr(message)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--diff", is_flag=True, help="Print a unified diff instead.")
@_config_options
def explain(file: str, diff: bool, **config_args: Any) -> None:
    """Show FILE with its removed lines marked, each with its rule and reason."""
    config = _make_config(**config_args)
    try:
        data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
        text, warning = read_text(data)
    except (OSError, ValueError) as e:
        click.echo(f"boilerstrip: {file}: {e}", err=True)
        sys.exit(1)
    if warning is not None:
        click.echo(f"boilerstrip: {file}: {warning}", err=True)
    explanation = cleaner_for(config).explain(text)
    if diff:
        before = split_lines(_shown(text))
        after = split_lines(_shown(explanation.text))
        for line in difflib.unified_diff(before, after, file, f"{file} (cleaned)"):
            if line.endswith(("\n", "\r")):
                click.echo(line, nl=False)
            else:  # the text's last line, without a line break: say so, as diff does
                click.echo(line)
                click.echo("\\ No newline at end of file")
        return
    for d in explanation.decisions:
        if d.kept:
            click.echo(f"  {_shown(d.text)}")
        else:
            mark = click.style(f"- {_shown(d.text)}", fg="red")
            why = click.style(f"  [{d.rule_id} {d.rule_name}: {d.reason}]", dim=True)
            click.echo(mark + why)


def _shown(text: str) -> str:
    """``text`` to print: a byte that is not UTF-8 (kept by ``read_text``) as U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


@main.command(name="rules")
@click.option("--markdown", is_flag=True, help="Print a Markdown table (docs/rules.md).")
def rules_command(markdown: bool) -> None:
    """List every rule: id, name, category, languages, description."""
    if markdown:
        click.echo(rules_markdown(), nl=False)
        return
    for rule in REGISTRY:
        langs = ",".join(rule.languages) or "any"
        click.echo(
            f"{rule.id}  {rule.name:<22} {rule.category.value:<8} {langs:<23} {rule.description}"
        )


def rules_markdown() -> str:
    """Every rule as a Markdown page, with an example of what it removes."""
    lines = [
        "# Rules",
        "",
        "Generated by `boilerstrip rules --markdown` (a test checks that it is current).",
        "Every rule runs by default unless marked otherwise; `--disable` takes an id, a",
        "name or a category. Languages are those with phrases for the rule (`any`: the",
        "rule has no phrases).",
        "",
        "| id | name | category | languages | what and why | removes, e.g. |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for rule in REGISTRY:
        langs = " ".join(rule.languages) or "any"
        example = rule.removes[0].replace("\n", " ⏎ ") if rule.removes else ""
        if len(example) > 70:
            example = example[:67] + "..."
        note = "" if rule.default else " (off by default)"
        cells = [
            rule.id,
            f"`{rule.name}`",
            rule.category.value,
            langs,
            rule.description + note,
            f"`{example}`" if example else "",
        ]
        lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    return "\n".join(lines) + "\n"
