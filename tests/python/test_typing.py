"""The public API type-checks cleanly with mypy --strict, and so does the
typed example pipeline."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

pytest.importorskip("mypy")


def test_package_and_example_pass_mypy_strict() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental",
         str(ROOT / "python" / "inboxlint"), str(ROOT / "python" / "examples" / "pipeline.py")],
        capture_output=True, text=True, cwd=ROOT, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_example_pipeline_runs(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "blocked.jsonl"
    result = subprocess.run(
        [sys.executable, str(ROOT / "python" / "examples" / "pipeline.py"), str(ROOT / "corpus"), str(out)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "messages" in result.stdout and out.exists() and out.read_text().count("\n") > 0
