"""Compressed inputs and outputs: gzip, xz and bzip2 from the standard library, zstd
through the ``zstandard`` package (an optional extra, imported when a ``.zst`` file is
met). An output is compressed as its input was.

A compressed file that ends too early is an error, never a shorter output: the
standard library's readers raise ``EOFError``; :class:`_ZstdReader` does the same.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
from pathlib import Path
from typing import IO, Any, cast

SUFFIXES = {".gz": "gzip", ".zst": "zstd", ".xz": "xz", ".bz2": "bz2"}
# compression: (suffix, module, the extra that installs it)
EXTRAS = {"zstd": (".zst", "zstandard", "zstd")}


def compression(path: Path) -> str | None:
    """The compression of a file, from its name: ``gzip``, ``zstd``, ``xz``, ``bz2``."""
    return SUFFIXES.get(path.suffix.lower())


def missing_module(kind: str | None) -> str | None:
    """The message for a compression whose module is not installed, else None."""
    if kind not in EXTRAS:
        return None
    suffix, module, extra = EXTRAS[kind]
    try:
        __import__(module)
    except ImportError:
        return f"{suffix} files need {module}: pip install 'boilerstrip[{extra}]'"
    return None


def read_errors() -> tuple[type[BaseException], ...]:
    """What reading a bad compressed file raises (gzip's BadGzipFile is an OSError)."""
    errors: tuple[type[BaseException], ...] = (OSError, EOFError, lzma.LZMAError)
    try:
        import zstandard
    except ImportError:
        return errors
    return (*errors, zstandard.ZstdError)


def reader(raw: IO[bytes], kind: str | None) -> IO[bytes]:
    """The decompressed bytes of ``raw`` (itself when ``kind`` is None)."""
    if kind == "gzip":
        return cast(IO[bytes], gzip.GzipFile(fileobj=raw, mode="rb"))
    if kind == "xz":
        return lzma.LZMAFile(raw, "rb")
    if kind == "bz2":
        return bz2.BZ2File(raw, "rb")
    if kind == "zstd":
        return io.BufferedReader(_ZstdReader(raw), buffer_size=1 << 20)
    return raw


def writer(raw: IO[bytes], kind: str | None) -> IO[bytes]:
    """A stream that compresses into ``raw``; closing it finishes the compressed data and
    leaves ``raw`` open (to be synced and renamed)."""
    if kind == "gzip":
        return cast(IO[bytes], gzip.GzipFile(fileobj=raw, mode="wb", mtime=0))
    if kind == "xz":
        return lzma.LZMAFile(raw, "wb")
    if kind == "bz2":
        return bz2.BZ2File(raw, "wb")
    if kind == "zstd":
        import zstandard

        stream: IO[bytes] = zstandard.ZstdCompressor().stream_writer(raw, closefd=False)
        return stream
    return raw


def read_all(path: Path) -> bytes:
    """The whole (decompressed) content of a file."""
    with open(path, "rb") as raw, reader(raw, compression(path)) as stream:
        return stream.read()


class _ZstdReader(io.RawIOBase):
    """zstd frames one after the other, decompressed; ``EOFError`` when the data ends in
    the middle of a frame (``zstandard``'s own stream reader then returns what it has)."""

    def __init__(self, raw: IO[bytes]) -> None:
        import zstandard

        self._raw = raw
        self._new = zstandard.ZstdDecompressor().decompressobj
        self._obj: Any = None  # the frame being decompressed
        self._buffer = b""  # decompressed, not yet read from self._pos on
        self._pos = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        while self._pos == len(self._buffer):
            data = self._obj.unused_data if self._obj is not None and self._obj.eof else b""
            if self._obj is not None and self._obj.eof:
                self._obj = None
            if not data:
                data = self._raw.read(1 << 17)
                if not data:
                    if self._obj is not None:
                        raise EOFError("compressed file ended before the end of a zstd frame")
                    return 0
            if self._obj is None:
                self._obj = self._new()
            self._buffer, self._pos = self._obj.decompress(data), 0
        n = min(len(b), len(self._buffer) - self._pos)
        b[:n] = self._buffer[self._pos : self._pos + n]
        self._pos += n
        return n
