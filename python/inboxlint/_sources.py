"""Where messages come from: mbox files, Maildir folders and directories.

Each iterator yields ``(name, bytes)`` pairs, which ``lint_many`` accepts, so
reports carry the name of the message they are about.
"""

from __future__ import annotations

import os
from typing import Iterator, List, Tuple, Union

PathLike = Union[str, "os.PathLike[str]"]
Item = Tuple[str, bytes]

# Files in directories that are not mail (corpora keep notes beside messages).
_SKIPPED_EXTENSIONS = {
    ".json", ".md", ".tsv", ".expect", ".pem", ".zone", ".py", ".xml",
    ".mjml", ".csv", ".yml", ".yaml", ".toml", ".gz", ".zip", ".tree",
}


def _mbox_ranges(data: bytes) -> List[Tuple[int, int]]:
    """Messages of an mbox: each starts at a "From " line that begins the data
    or follows a blank line (the same split as the inboxlint command)."""
    if not data.startswith(b"From "):
        return [(0, len(data))]
    ranges = []
    start = 0
    pos = data.find(b"\nFrom ")
    while pos != -1:
        if data[pos - 1 : pos] == b"\n" or data[max(pos - 2, 0) : pos] == b"\n\r":
            ranges.append((start, pos + 1))
            start = pos + 1
        pos = data.find(b"\nFrom ", pos + 1)
    ranges.append((start, len(data)))
    return ranges


def iter_mbox(path: PathLike) -> Iterator[Item]:
    """The messages of an mbox file, named ``path[1]``, ``path[2]``, ..."""
    name = os.fspath(path)
    with open(path, "rb") as f:
        data = f.read()
    ranges = _mbox_ranges(data)
    if len(ranges) == 1:
        yield name, data
        return
    for i, (begin, end) in enumerate(ranges, 1):
        yield f"{name}[{i}]", data[begin:end]


def iter_maildir(path: PathLike) -> Iterator[Item]:
    """The messages of a Maildir folder (``cur/`` and ``new/``), in name order."""
    root = os.fspath(path)
    for sub in ("cur", "new"):
        folder = os.path.join(root, sub)
        if not os.path.isdir(folder):
            continue
        for entry in sorted(os.listdir(folder)):
            if entry.startswith("."):
                continue
            full = os.path.join(folder, entry)
            if os.path.isfile(full):
                with open(full, "rb") as f:
                    yield full, f.read()


def iter_dir(path: PathLike) -> Iterator[Item]:
    """Every message file below a directory, recursively, in name order; mbox
    files are split into their messages."""
    root = os.fspath(path)
    files = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for n in names:
            if n.startswith(".") or os.path.splitext(n)[1].lower() in _SKIPPED_EXTENSIONS:
                continue
            files.append(os.path.join(folder, n))
    for full in sorted(files):
        yield from iter_mbox(full)
