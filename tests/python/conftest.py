"""Shared fixtures: where the corpus and the shared test data are."""

from __future__ import annotations

import os
import pathlib
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
TESTDATA = (ROOT / ".." / "shared" / "testdata").resolve()


def shared_data(sub: str) -> pathlib.Path:
    """A folder of the shared test data, or skip the test when it is absent
    (fail it when INBOXLINT_REQUIRE_TESTDATA is set, as CI does)."""
    path = TESTDATA / sub
    if not path.exists():
        if os.environ.get("INBOXLINT_REQUIRE_TESTDATA"):
            pytest.fail(f"shared test data not found: {path}")
        pytest.skip(f"shared test data not found: {path}")
    return path


def inboxlint_command() -> list[str]:
    """The installed inboxlint script next to this interpreter."""
    script = pathlib.Path(sys.executable).with_name("inboxlint")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "inboxlint"]


@pytest.fixture
def corpus() -> pathlib.Path:
    return CORPUS


os.environ.setdefault("PYTHONHASHSEED", "0")
