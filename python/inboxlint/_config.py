"""Configuration: validated when it is made, so mistakes show up at once."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple, Union

from . import _core

OptionValue = Union[bool, int, str, Sequence[str]]

#: What a DNS resolver callable returns for a name that does not exist, and
#: for a lookup that failed (a timeout, SERVFAIL). ``None`` means "not
#: supplied": the check that needed the name cannot conclude, and says so.
NXDOMAIN = "NXDOMAIN"
SERVFAIL = "SERVFAIL"

DnsRecords = Mapping[Tuple[str, str], Union[str, Sequence[str]]]
DnsResolver = Callable[[str, str], Union[Sequence[str], str, None]]


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
class Envelope:
    """The SMTP connection a message arrives on (or will be sent on), for SPF and PTR.

    ``client_ip`` is the sending IP (IPv4 or IPv6), ``helo`` the HELO/EHLO
    name, ``mail_from`` the MAIL FROM address (``""`` for the null path
    ``<>``; ``None``: the message's Return-Path). Without a client IP, SPF
    is judged only as far as the records go.
    """

    client_ip: str = ""
    helo: str = ""
    mail_from: Optional[str] = None

    def __post_init__(self) -> None:
        for name in ("client_ip", "helo"):
            if not isinstance(getattr(self, name), str):
                raise TypeError(f"Envelope.{name} must be a str")
        if self.mail_from is not None and not isinstance(self.mail_from, str):
            raise TypeError("Envelope.mail_from must be a str or None")


def _dns_records(dns: Any) -> Union[None, str, List[Tuple[str, str, str]], DnsResolver]:
    """The dns argument as the core takes it: a path, (name, type, value) triples or a callable."""
    if dns is None:
        return None
    if isinstance(dns, (str, os.PathLike)):
        return os.fspath(dns)
    if isinstance(dns, Mapping):
        triples: List[Tuple[str, str, str]] = []
        for key, values in dns.items():
            if not (isinstance(key, tuple) and len(key) == 2 and all(isinstance(k, str) for k in key)):
                raise TypeError("dns must map (name, type) tuples of str to values")
            for value in [values] if isinstance(values, str) else values:
                if not isinstance(value, str):
                    raise TypeError(f"dns values must be str, not {type(value).__name__}")
                triples.append((key[0], key[1].upper(), value))
            if key[1].upper() in (NXDOMAIN, SERVFAIL) and not values:
                triples.append((key[0], key[1].upper(), ""))
        return triples
    if callable(dns):
        resolver: DnsResolver = dns
        return resolver
    raise TypeError("dns must be a zone file's path, a mapping {(name, type): [values]} or a resolver callable")


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
    are then verified.

    ``dns`` supplies the DNS records SPF, DMARC, BIMI, PTR and DKIM key
    lookups read (the core never queries DNS): the path of a zone file, a
    mapping ``{(name, type): [values]}`` (``("gone.example", "NXDOMAIN"): []``
    marks a name nonexistent), or a resolver callable ``(name, type) ->
    list[str] | None | NXDOMAIN | SERVFAIL`` for a pipeline's own cache or
    resolver; ``None`` from it means "not supplied", which is not NXDOMAIN,
    and an exception counts as SERVFAIL. ``envelope`` is the SMTP connection
    (:class:`Envelope`). A bad configuration raises ``ValueError`` here, not
    later.
    """

    select: Union[str, Sequence[str]] = ()
    ignore: Union[str, Sequence[str]] = ()
    severity: Mapping[str, str] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, OptionValue]] = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)
    dkim_keys: Union[Mapping[str, str], str, "os.PathLike[str]"] = field(default_factory=dict)
    dns: Union[None, str, "os.PathLike[str]", DnsRecords, DnsResolver] = None
    envelope: Optional[Envelope] = None
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
        if self.envelope is not None and not isinstance(self.envelope, Envelope):
            raise TypeError("envelope must be an inboxlint.Envelope")
        object.__setattr__(self, "_linter", _core.Linter(self._as_dict()))

    def _as_dict(self) -> Dict[str, Any]:
        return {
            "select": list(self.select),
            "ignore": list(self.ignore),
            "severity": {str(k): str(v) for k, v in self.severity.items()},
            "options": {str(rule): dict(values) for rule, values in self.options.items()},
            "limits": dict(vars(self.limits)),
            "dkim_keys": self.dkim_keys,
            "dns": _dns_records(self.dns),
            "envelope": None if self.envelope is None else dict(vars(self.envelope)),
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
