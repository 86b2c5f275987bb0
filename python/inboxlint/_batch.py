"""Linting many messages: a C++ thread pool with the GIL released, reports
yielded in input order, memory bounded by the batch size."""

from __future__ import annotations

import itertools
import os
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Iterable, Iterator, List, Optional, Tuple, Union

from . import _core
from ._api import BytesLike, _check_bytes
from ._config import Config, default_config
from ._progress import Progress
from ._types import BatchFinding, Report

# What lint_many accepts: raw bytes, a path to a message file, or a
# (name, bytes) pair as the iter_* functions yield.
Source = Union[BytesLike, str, "os.PathLike[str]", Tuple[str, BytesLike]]


def _named(item: Source, index: int) -> Tuple[str, BytesLike]:
    if isinstance(item, tuple):
        name, data = item
        _check_bytes(data)
        return str(name), data
    if isinstance(item, str) and ("\n" in item or len(item) > 4096):
        _check_bytes(item)  # a message passed as str, not a path: the usual TypeError
    if isinstance(item, (str, os.PathLike)):
        with open(item, "rb") as f:
            return os.fspath(item), f.read()
    _check_bytes(item)
    return f"<message {index}>", item


def lint_many(
    items: Iterable[Source],
    config: Optional[Config] = None,
    *,
    workers: Optional[int] = None,
    batch_size: int = 256,
    progress: bool = False,
    total: Optional[int] = None,
    batch: Optional["Batch"] = None,
) -> Iterator[Report]:
    """Lints messages on ``workers`` threads (default: all cores) and yields
    their reports in input order.

    With ``batch`` (an ``inboxlint.Batch``), every report is also added to
    it, for the batch rules (``batch.findings()`` once the stream is done).

    ``items`` may hold bytes-like messages, paths (``str`` or ``PathLike``) of
    message files, or ``(name, bytes)`` pairs such as ``iter_mbox``,
    ``iter_maildir`` and ``iter_dir`` yield. Messages are read and linted
    ``batch_size`` at a time, the next batch while the current one is
    yielded, so at most two batches are in memory on endless streams.
    ``progress=True`` shows a progress line (tqdm when installed).
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    if workers is not None and workers < 1:
        raise ValueError("workers must be at least 1")
    cfg = config or default_config()
    bar = Progress(total if total is not None else _length(items)) if progress else None
    counter = itertools.count()
    iterator = iter(items)

    def read_chunk() -> List[Tuple[str, BytesLike]]:
        return [_named(item, next(counter)) for item in itertools.islice(iterator, batch_size)]

    def start(chunk: List[Tuple[str, BytesLike]]) -> "Future[List[Report]]":
        return ahead.submit(cfg._linter.lint_many, [data for _, data in chunk], [name for name, _ in chunk], workers or 0)

    # The C++ pool lints the next chunk (without the GIL) while this thread
    # hands out the current one's reports: whatever the caller does with them
    # is serial, and without the overlap the workers would wait for it.
    ahead = ThreadPoolExecutor(max_workers=1, thread_name_prefix="inboxlint")
    try:
        chunk = read_chunk()
        pending = start(chunk) if chunk else None
        while pending is not None:
            reports = pending.result()
            following = read_chunk()
            pending = start(following) if following else None
            for report in reports:
                if batch is not None:
                    batch.add(report)
                yield report
            if bar is not None:
                bar.update(len(chunk))
            chunk = following
    finally:
        ahead.shutdown(wait=True, cancel_futures=True)
        if bar is not None:
            bar.close()


def _length(items: Iterable[Source]) -> Optional[int]:
    try:
        return len(items)  # type: ignore[arg-type]
    except TypeError:
        return None


class Batch:
    """The batch rules over many reports: CONT002 (one category sent from
    several From addresses of a domain) and CONT003 (one From address sending
    several categories).

        >>> batch = inboxlint.Batch()
        >>> for report in inboxlint.lint_many(paths, batch=batch):
        ...     pass
        >>> for b in batch.findings():
        ...     print(b.name, b.finding.rule, b.finding.message)

    Only the From address and field and the category of each report are
    kept, so a batch of millions stays small. ``config`` selects and rates
    the batch rules like the per-message ones.
    """

    def __init__(self, config: Optional[Config] = None) -> None:
        self._config = config or default_config()
        self._messages: List[Tuple[object, ...]] = []

    def add(self, report: Report) -> None:
        """Adds a report (its ``source`` bytes give the From field)."""
        self._messages.append(_core.batch_message(report.name, report.source or b"", report.category.name))

    def __len__(self) -> int:
        return len(self._messages)

    def findings(self) -> Tuple[BatchFinding, ...]:
        """The batch findings, in the order the messages were added."""
        names = [str(m[0]) for m in self._messages]
        out = []
        for index, finding, related in self._config._linter.check_batch(self._messages):
            out.append(
                BatchFinding(names[index], index, finding, tuple(names[i] for i in related))
            )
        return tuple(out)
