"""Batch cleaning: files, directories, JSONL and stdin, in parallel, never losing data.

Three parts, each in its module:

- :mod:`.planning`: :func:`plan` maps every input file to its output file and refuses
  what could lose data (writing into an input directory, over an input, over an existing
  output without ``overwrite``, a report or rejected file over an input or an output).
- :mod:`.worker`: what cleans one task (a text file, an HTML page, a chunk of JSONL
  lines) in a worker process. Bad input (an unreadable or binary file, invalid UTF-8, a
  line that is not a JSON object, a record without a string under the text key) is a
  result with an error; a bad JSONL record is copied to the output unchanged, or to the
  rejected file.
- :mod:`.runner`: :func:`run` cuts the inputs into tasks, cleans them in worker
  processes, at most a few tasks ahead of the writer so memory stays flat, and writes
  each output to a temporary file renamed into place when complete: an output that
  exists is a finished one, which is what ``resume`` relies on.

And what they use: :mod:`.records` (where a value stands in a JSON text, so a record's
text is replaced without touching its other bytes), :mod:`.streams` (compressed files),
:mod:`.tables` (Parquet, through pyarrow).
"""

from __future__ import annotations

from .planning import FORMATS, Job, Plan, UsageError, describe_ignored, detect_format, plan
from .runner import Summary, _Output, open_side_file, run
from .worker import Fields, Result, decode_text, read_text
from .worker import clean_records as _clean_records
from .worker import init_inline as _init_worker_inline

__all__ = [
    "FORMATS",
    "Fields",
    "Job",
    "Plan",
    "Result",
    "Summary",
    "UsageError",
    "_Output",
    "_clean_records",
    "_init_worker_inline",
    "decode_text",
    "describe_ignored",
    "detect_format",
    "open_side_file",
    "plan",
    "read_text",
    "run",
]
