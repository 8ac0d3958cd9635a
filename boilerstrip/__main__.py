"""``python -m boilerstrip [FILE]``: clean a file (or stdin) and print the story.

The full batch CLI (directories, JSONL, parallel jobs) is tracked separately; this entry
point cleans one text.
"""

from __future__ import annotations

import argparse
import sys

from . import __version__, clean, explain


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="boilerstrip", description="Strip leftover boilerplate from scraped article text."
    )
    parser.add_argument("file", nargs="?", default="-", help="a UTF-8 text file, or - for stdin")
    parser.add_argument("--explain", action="store_true", help="list removed lines and why")
    parser.add_argument("--version", action="version", version=f"boilerstrip {__version__}")
    args = parser.parse_args(argv)
    try:
        if args.file == "-":
            text = sys.stdin.read()
        else:
            with open(args.file, encoding="utf-8", errors="surrogateescape", newline="") as f:
                text = f.read()
    except OSError as e:
        print(f"boilerstrip: cannot read {args.file}: {e.strerror}", file=sys.stderr)
        return 2
    if args.explain:
        print(explain(text))
    else:
        out = clean(text)
        sys.stdout.buffer.write(out.encode("utf-8", "surrogateescape"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
