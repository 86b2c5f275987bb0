"""inboxlint's full lint vs. Python's email package parsing and decoding every
part of the same messages, single thread, side by side (target: inboxlint at
least 10x the messages per second).

    python tests/bench/bench_vs_email.py [corpus-folder ...] [--runs N]

with the package installed (``pip install .``); the folders are under
../shared/testdata (default: spamassassin-public-corpus and generated).

What the email package does, in two variants, both measured:

- ``policy.default``: ``message_from_bytes`` then ``get_content()`` of every
  leaf part (transfer decoding, and charset decoding to str for text parts);
- ``compat32``: the legacy, faster API: ``get_payload(decode=True)`` of every
  leaf part (transfer decoding), then ``bytes.decode(charset, "replace")`` for
  text parts, which is what inboxlint does (UTF-8 text of every text part).

The ratio that counts is against the faster of the two. inboxlint's side is
``inboxlint.lint`` from Python: the C++ lint with every rule plus building
the Python Report, one message at a time, on one thread. Times are CPU times,
best of N runs, measured in turns.
"""

from __future__ import annotations

import argparse
import codecs
import email
import email.policy
from typing import Callable, Dict, List

import inboxlint
from common import corpus, interleaved_best


def email_default_policy(messages: List[bytes]) -> int:
    decoded = 0
    for data in messages:
        msg = email.message_from_bytes(data, policy=email.policy.default)
        for part in msg.walk():
            if part.is_multipart():
                continue
            try:
                payload = part.get_content()
            except Exception:  # raises on some real messages (unknown charsets, bad headers)
                payload = part.get_payload(decode=True)
            decoded += len(payload or b"")
    return decoded


def _charset(part: email.message.Message) -> str:
    name = part.get_content_charset() or "us-ascii"
    try:
        codecs.lookup(name)
        return name
    except LookupError:
        return "latin-1"


def email_compat32(messages: List[bytes]) -> int:
    decoded = 0
    for data in messages:
        msg = email.message_from_bytes(data)
        for part in msg.walk():
            if part.is_multipart():
                continue
            payload = part.get_payload(decode=True) or b""
            if part.get_content_maintype() == "text":
                decoded += len(payload.decode(_charset(part), "replace"))
            else:
                decoded += len(payload)
    return decoded


def inboxlint_lint(config: inboxlint.Config, messages: List[bytes]) -> int:
    return sum(len(inboxlint.lint(data, config).findings) for data in messages)


def compare(folder: str, runs: int) -> float:
    messages = corpus(folder)
    config = inboxlint.Config()
    works: Dict[str, Callable[[], object]] = {
        "inboxlint full lint": lambda: inboxlint_lint(config, messages),
        "email, policy.default, get_content()": lambda: email_default_policy(messages),
        "email, compat32, get_payload(decode) + decode": lambda: email_compat32(messages),
    }
    best = interleaved_best(runs, works)
    print(f"{folder}: {len(messages)} messages, {sum(map(len, messages)) / 1e6:.1f} MB, best of {runs} (CPU s)")
    for name, seconds in best.items():
        print(f"  {name:48s} {len(messages) / seconds:8.0f} msg/s ({seconds:.3f} s)")
    ours = best["inboxlint full lint"]
    fastest = min(s for name, s in best.items() if name.startswith("email"))
    for name, seconds in best.items():
        if name.startswith("email"):
            print(f"  ratio vs. {name:39s} {seconds / ours:6.1f}x")
    ratio = fastest / ours
    print(f"  => inboxlint: {ratio:.1f}x the messages per second of the faster email variant (target >= 10x)")
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", default=["spamassassin-public-corpus", "generated"])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for folder in args.folders:
        compare(folder, args.runs)


if __name__ == "__main__":
    main()
