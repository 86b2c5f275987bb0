"""Shared by the benchmarks: where the test data is, and timing helpers.

Benchmarks compare side by side in one run and print ratios; absolute times
on a shared machine are noise, ratios measured back to back are not. Times
are CPU times of the process (time.process_time), which other processes on a
loaded machine do not inflate; single-threaded work only.
"""

from __future__ import annotations

import gc
import pathlib
import statistics
import time
from typing import Callable, Dict, List, Tuple

ROOT = pathlib.Path(__file__).resolve().parents[2]
TESTDATA = (ROOT / ".." / "shared" / "testdata").resolve()

# Files in the test data folders that are not messages.
_NOT_MAIL = {"MANIFEST.tsv", "NOTICE", "README.md", "LICENSE", "labels.json"}


def messages(sub: str, suffix: str = "") -> List[Tuple[str, bytes]]:
    """Every file below ``TESTDATA/sub`` whose name ends with ``suffix`` (one
    message per file, as stored), in path order."""
    folder = TESTDATA / sub
    if not folder.exists():
        raise SystemExit(f"shared test data not found: {folder}")
    out = []
    for path in sorted(folder.rglob("*")):
        if (
            path.is_file()
            and path.name not in _NOT_MAIL
            and not path.name.startswith("LICENSE")
            and path.name.endswith(suffix)
        ):
            out.append((str(path.relative_to(folder)), path.read_bytes()))
    return out


def corpus(sub: str) -> List[bytes]:
    """The messages of a test data folder: ``generated`` holds .eml files
    beside its sources and keys, the other folders only messages."""
    return [data for _, data in messages(sub, ".eml" if sub == "generated" else "")]


def best_of(runs: int, work: Callable[[], object], clock: Callable[[], float] = time.process_time) -> float:
    """The best of `runs` timings (seconds), after one warm-up run."""
    work()
    times = []
    for _ in range(runs):
        gc.collect()
        start = clock()
        work()
        times.append(clock() - start)
    return min(times)


def interleaved_best(
    runs: int, works: Dict[str, Callable[[], object]], clock: Callable[[], float] = time.process_time
) -> Dict[str, float]:
    """The best time (CPU time unless `clock` says otherwise) of each work,
    measured in turns (a, b, a, b, ...) so that a change in machine load hits
    all of them alike."""
    for work in works.values():
        work()
    best = {name: float("inf") for name in works}
    for _ in range(runs):
        for name, work in works.items():
            gc.collect()
            start = clock()
            work()
            best[name] = min(best[name], clock() - start)
    return best


def median_of(runs: int, work: Callable[[], object]) -> float:
    work()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
