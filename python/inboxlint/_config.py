"""Configuration: validated when it is made, so mistakes show up at once."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Dict, Mapping, Optional, Sequence, Tuple, Union

from . import _core

OptionValue = Union[bool, int, str, Sequence[str]]


@dataclass(frozen=True)
class Limits:
    """Resource limits; hitting one is a LINT001 finding and marks the report truncated."""

    max_message_size: int = 64 << 20
    max_header_fields: int = 10000
    max_depth: int = 40
    max_parts: int = 10000
    max_decoded_size: int = 128 << 20
    max_html_nodes: int = 500000
    max_findings_per_rule: int = 100


def _strings(value: Union[str, Sequence[str]], name: str) -> Tuple[str, ...]:
    if isinstance(value, str):
        return tuple(s.strip() for s in value.split(",") if s.strip())
    items = tuple(value)
    for item in items:
        if not isinstance(item, str):
            raise TypeError(f"{name} must hold strings, not {type(item).__name__}")
    return items


@dataclass(frozen=True)
class Config:
    """Which rules run, at what severity, with which options and limits.

    ``select`` and ``ignore`` take rule ids, id prefixes (``"MSG"``) or slugs,
    as a sequence or a comma-separated string. ``severity`` maps the same
    selectors to ``"error"``, ``"warning"`` or ``"info"``; ``options`` maps a
    rule id to its option values. ``dkim_keys`` gives DKIM public keys, as
    a mapping of ``"selector._domainkey.domain"`` to the TXT value
    (``"v=DKIM1; k=rsa; p=..."``) or as the path of a file of
    ``NAME TXT-VALUE`` lines (zone-file TXT records work too); signatures
    are then verified. A bad configuration raises ``ValueError`` here, not
    later.
    """

    select: Union[str, Sequence[str]] = ()
    ignore: Union[str, Sequence[str]] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, OptionValue]] = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)
    dkim_keys: Union[Mapping[str, str], str, "os.PathLike[str]"] = field(default_factory=dict)
    # Built in __post_init__ (and again after unpickling): never None in use.
    _linter: "_core.Linter" = field(default=None, init=False, repr=False, compare=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        object.__setattr__(self, "select", _strings(self.select, "select"))
        object.__setattr__(self, "ignore", _strings(self.ignore, "ignore"))
        if not isinstance(self.limits, Limits):
            raise TypeError("limits must be an inboxlint.Limits")
        if isinstance(self.dkim_keys, (str, os.PathLike)):
            object.__setattr__(self, "dkim_keys", os.fspath(self.dkim_keys))
        elif isinstance(self.dkim_keys, Mapping):
            for name, record in self.dkim_keys.items():
                if not isinstance(name, str) or not isinstance(record, str):
                    raise TypeError("dkim_keys must map str names to str TXT values")
            object.__setattr__(self, "dkim_keys", dict(self.dkim_keys))
        else:
            raise TypeError("dkim_keys must be a mapping or a path")
        object.__setattr__(self, "_linter", _core.Linter(self._as_dict()))

    def _as_dict(self) -> Dict[str, Any]:
        return {
            "select": list(self.select),
            "ignore": list(self.ignore),
            "severity": {str(k): str(v) for k, v in self.severity.items()},
            "options": {str(rule): dict(values) for rule, values in self.options.items()},
            "limits": dict(vars(self.limits)),
            "dkim_keys": self.dkim_keys,
        }

    def __getstate__(self) -> Dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_linter", None)
        return state

    def __setstate__(self, state: Dict[str, Any]) -> None:
        for key, value in state.items():
            object.__setattr__(self, key, value)
        object.__setattr__(self, "_linter", _core.Linter(self._as_dict()))


_default_config: Optional[Config] = None


def default_config() -> Config:
    global _default_config
    if _default_config is None:
        _default_config = Config()
    return _default_config
