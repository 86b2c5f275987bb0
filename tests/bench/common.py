"""Shared by the benchmarks: where the test data is, and timing helpers.

Benchmarks compare side by side in one run and print ratios; absolute times
on a shared machine are noise, ratios measured back to back are not.
"""

from __future__ import annotations

import gc
import pathlib
import statistics
import time
from typing import Callable, List, Tuple

ROOT = pathlib.Path(__file__).resolve().parents[2]
TESTDATA = (ROOT / ".." / "shared" / "testdata").resolve()


def messages(sub: str) -> List[Tuple[str, bytes]]:
    folder = TESTDATA / sub
    if not folder.exists():
        raise SystemExit(f"shared test data not found: {folder}")
    import inboxlint

    return list(inboxlint.iter_dir(folder))


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The best of `runs` timings (seconds), after one warm-up run."""
    work()
    times = []
    for _ in range(runs):
        gc.collect()
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def median_of(runs: int, work: Callable[[], object]) -> float:
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
