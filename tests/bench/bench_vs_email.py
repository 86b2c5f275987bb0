"""inboxlint's full lint vs. Python's email package parsing and decoding every
part of the same messages, single thread, side by side (target: inboxlint at
least 10x the messages per second).

    python tests/bench/bench_vs_email.py [corpus-folder] [runs]
"""

from __future__ import annotations

import email
import email.policy
import sys
from typing import List

import inboxlint
from common import best_of, messages


def python_parse_and_decode(corpus: List[bytes]) -> int:
    decoded = 0
    for data in corpus:
        msg = email.message_from_bytes(data, policy=email.policy.default)
        for part in msg.walk():
            if part.is_multipart():
                continue
            try:
                payload = part.get_content()
            except Exception:  # the email package raises on some real messages
                payload = part.get_payload(decode=True)
            decoded += len(payload or b"")
    return decoded


def inboxlint_lint(linter: inboxlint.Config, corpus: List[bytes]) -> int:
    return sum(len(inboxlint.lint(data, linter).findings) for data in corpus)


def main() -> None:
    folder = sys.argv[1] if len(sys.argv) > 1 else "spamassassin-public-corpus"
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    corpus = [data for _, data in messages(folder)]
    config = inboxlint.Config()
    ours = best_of(runs, lambda: inboxlint_lint(config, corpus))
    theirs = best_of(runs, lambda: python_parse_and_decode(corpus))
    print(f"{folder}: {len(corpus)} messages, {sum(map(len, corpus)) / 1e6:.1f} MB")
    print(f"inboxlint full lint:          {len(corpus) / ours:8.0f} msg/s ({ours:.3f} s)")
    print(f"email parse + decode parts:   {len(corpus) / theirs:8.0f} msg/s ({theirs:.3f} s)")
    print(f"ratio: inboxlint is {theirs / ours:.1f}x the messages per second of Python's email package")


if __name__ == "__main__":
    main()
