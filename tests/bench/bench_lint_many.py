"""Throughput of inboxlint.lint_many on the SpamAssassin public corpus with 1
and 2 workers, side by side; prints messages per second and the ratio
(target: at least 1.7 on two cores).

    python tests/bench/bench_lint_many.py [runs]
"""

from __future__ import annotations

import sys
import time

import inboxlint
from common import corpus, interleaved_best


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    messages = corpus("spamassassin-public-corpus")
    size = sum(len(m) for m in messages)
    config = inboxlint.Config()
    # Wall-clock time (CPU time would add up the workers' threads), in turns
    # so that the shared machine's changing load hits both alike.
    works = {
        workers: (lambda w=workers: sum(1 for _ in inboxlint.lint_many(messages, config, workers=w)))
        for workers in (1, 2)
    }
    results = interleaved_best(runs, works, clock=time.perf_counter)
    for workers, seconds in results.items():
        print(f"workers={workers}: {len(messages) / seconds:8.0f} msg/s  {size / seconds / 1e6:6.1f} MB/s  ({seconds:.3f} s)")
    print(f"speed-up with 2 workers: {results[1] / results[2]:.2f}x  ({len(messages)} messages, {size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
