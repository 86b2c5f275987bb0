"""The functions of the package: lint, lint_file, rules, explain."""

from __future__ import annotations

import os
from typing import Optional, Tuple, Union

from . import _core
from ._config import Config, default_config
from ._convert import rule_from_tuple
from ._types import Report, RuleInfo

BytesLike = Union[bytes, bytearray, memoryview]


def _check_bytes(data: object) -> None:
    if isinstance(data, str):
        raise TypeError(
            "inboxlint lints raw mail bytes, not str: pass the bytes as read from the file or "
            "socket (open(path, 'rb').read()), or message.as_bytes() for an email.message.Message"
        )


def lint(data: BytesLike, config: Optional[Config] = None, *, name: str = "<message>") -> Report:
    """Lints the raw bytes of one RFC 5322 message and returns its report.

    The GIL is released while the C++ core works, so threads lint in parallel.
    """
    _check_bytes(data)
    cfg = config or default_config()
    return cfg._linter.lint(data, name)


def lint_file(path: Union[str, "os.PathLike[str]"], config: Optional[Config] = None) -> Report:
    """Lints the message stored in a file (an mbox ``From`` line first is fine)."""
    with open(path, "rb") as f:
        data = f.read()
    return lint(data, config, name=os.fspath(path))


_rules_cache: Optional[Tuple[RuleInfo, ...]] = None


def rules() -> Tuple[RuleInfo, ...]:
    """Every rule in the catalogue, in id order."""
    global _rules_cache
    if _rules_cache is None:
        _rules_cache = tuple(rule_from_tuple(t) for t in _core.rules())
    return _rules_cache


def explain(rule: str) -> str:
    """The documentation page (Markdown) of a rule id or slug."""
    page = _core.explain(rule)
    if page is None:
        raise KeyError(f"no rule named {rule!r}")
    return str(page)
