"""A C module built from another version of the source is not used: the Python code runs."""

from __future__ import annotations

import sys
import types

import pytest

from boilerstrip import native, triggers


def _fake(version: int | None) -> types.ModuleType:
    module = types.ModuleType("boilerstrip._tokens")
    module.LineTokens = triggers.LineTokens  # type: ignore[attr-defined]
    if version is not None:
        module.VERSION = version  # type: ignore[attr-defined]
    return module


def test_a_build_of_another_version_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BOILERSTRIP_PURE", raising=False)
    for version in (None, native.TOKENS_VERSION - 1):
        monkeypatch.setitem(sys.modules, "boilerstrip._tokens", _fake(version))
        assert triggers._native() is None
    monkeypatch.setitem(sys.modules, "boilerstrip._tokens", _fake(native.TOKENS_VERSION))
    assert triggers._native() is triggers.LineTokens


def test_boilerstrip_pure_switches_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "boilerstrip._tokens", _fake(native.TOKENS_VERSION))
    monkeypatch.setenv("BOILERSTRIP_PURE", "1")
    assert triggers._native() is None


def test_any_c_module_of_another_version_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BOILERSTRIP_PURE", raising=False)
    module = types.ModuleType("boilerstrip._page")
    monkeypatch.setitem(sys.modules, "boilerstrip._page", module)
    assert native.load("_page", 1) is None  # no version
    module.VERSION = 2  # type: ignore[attr-defined]
    assert native.load("_page", 1) is None
    assert native.load("_page", 2) is module
    monkeypatch.setenv("BOILERSTRIP_PURE", "1")
    assert native.load("_page", 2) is None
