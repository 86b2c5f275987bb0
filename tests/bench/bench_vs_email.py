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

CPU times on a shared machine drift; instruction counts do not. For those,
``--once WORK`` makes one pass of one work over one folder, without timing;
run it under callgrind for each work and for ``load`` (the corpus read, no
work) and subtract:

    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        python tests/bench/bench_vs_email.py spamassassin-public-corpus --once compat32
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


def works_on(messages: List[bytes]) -> Dict[str, Callable[[], object]]:
    config = inboxlint.Config()
    return {
        "inboxlint full lint": lambda: inboxlint_lint(config, messages),
        "email, policy.default, get_content()": lambda: email_default_policy(messages),
        "email, compat32, get_payload(decode) + decode": lambda: email_compat32(messages),
    }


def compare(folder: str, runs: int) -> float:
    messages = corpus(folder)
    best = interleaved_best(runs, works_on(messages))
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


# --once: one pass of one work, for an instruction count that machine load
# does not move; the work's own count is the difference to "load". Every
# work first runs on the first message, whichever is chosen, so one-time
# set-up (imports, inboxlint's vocabularies) falls in the "load" count.
ONCE = {"load": None, "inboxlint": "inboxlint full lint", "default": "email, policy.default, get_content()",
        "compat32": "email, compat32, get_payload(decode) + decode"}


def run_once(folder: str, work: str) -> None:
    messages = corpus(folder)
    for warm_up in works_on(messages[:1]).values():
        warm_up()
    name = ONCE[work]
    if name is not None:
        works_on(messages)[name]()
    print(f"{folder}: {len(messages)} messages, one pass of: {name or 'nothing (the corpus loaded)'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", default=["spamassassin-public-corpus", "generated"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--once", choices=ONCE, help="one pass of one work and no timing, for callgrind")
    args = parser.parse_args()
    for folder in args.folders:
        if args.once:
            run_once(folder, args.once)
        else:
            compare(folder, args.runs)


if __name__ == "__main__":
    main()
