"""``python -m boilerstrip``: the same as the ``boilerstrip`` command (see :mod:`.cli`)."""

from __future__ import annotations

from .cli import main

if __name__ == "__main__":
    main()
