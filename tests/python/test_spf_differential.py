"""inboxlint's SPF evaluation against pyspf (the reference implementation on
PyPI) on generated record sets: random records of every mechanism and
modifier, includes, redirects, lookup limits, syntax errors and missing
records, with random client IPs. Both read the same records; every
disagreement must be the one documented difference:

- Void lookups (RFC 7208 section 4.6.4, "SHOULD limit void lookups to
  two"): inboxlint counts the lookup a term makes itself (a's A/AAAA, mx's
  MX, ptr's PTR, exists's A; cpp/docs/spf.md), pyspf also counts the
  address lookups of MX and PTR names, so it reaches permerror sooner.
- Self-include: pyspf rejects a record that includes its own domain at once
  ("include has trivial recursion"); RFC 7208 section 4.6 evaluates terms in
  order, so a term before that include that matches decides the result (the
  include itself would end in permerror at the lookup limit)."""

from __future__ import annotations

import random
from typing import Dict, List, Optional, Sequence, Tuple, Union

import spf as pyspf  # pyspf

import inboxlint

DOMAINS = [f"d{i}.example" for i in range(8)]
WORLDS = 150
CLIENTS = ["192.0.2.1", "192.0.2.77", "198.51.100.9", "203.0.113.5", "2001:db8::1", "2001:db8:1::9"]
Records = Dict[Tuple[str, str], List[str]]


def _term(rng: random.Random) -> str:
    qualifier = rng.choice(["", "", "+", "-", "~", "?"])
    target = rng.choice(DOMAINS)
    kind = rng.choice(["ip4", "ip4", "ip6", "a", "a:", "mx", "mx:", "include", "exists", "ptr", "bad"])
    if kind == "ip4":
        return f"{qualifier}ip4:{rng.choice(['192.0.2.0', '192.0.2.77', '198.51.100.0'])}/{rng.choice([24, 32, 16, 8])}"
    if kind == "ip6":
        return f"{qualifier}ip6:2001:db8::/{rng.choice([32, 48, 64, 128])}"
    if kind == "a":
        return f"{qualifier}a" + rng.choice(["", "/24", "//64"])
    if kind in ("a:", "mx:"):
        return f"{qualifier}{kind}{target}" + rng.choice(["", "/16"])
    if kind == "mx":
        return f"{qualifier}mx"
    if kind == "include":
        return f"{qualifier}include:{target}"
    if kind == "exists":
        return f"{qualifier}exists:{rng.choice(['%{i}.', '%{l}.', ''])}{target}"
    if kind == "ptr":
        return f"{qualifier}ptr:{target}"
    return rng.choice(["ip4:192.0.2.0/33", "inclde:x.example", "a:", "exists:%{z}.x.example"])


def _record(rng: random.Random) -> str:
    terms = [_term(rng) for _ in range(rng.randint(0, 4))]
    end = rng.random()
    if end < 0.6:
        terms.append(rng.choice(["-all", "~all", "?all", "+all"]))
    elif end < 0.8:
        terms.append(f"redirect={rng.choice(DOMAINS)}")
    return " ".join(["v=spf1", *terms])


def _world(rng: random.Random) -> Records:
    records: Records = {}
    for name in DOMAINS:
        shape = rng.random()
        if shape < 0.15:
            continue  # no records at all: NXDOMAIN
        txt = [] if shape < 0.25 else [_record(rng)]
        if rng.random() < 0.05:
            txt.append(_record(rng))  # two SPF records: permerror
        if rng.random() < 0.3:
            txt.append("google-site-verification=x")
        records[(name, "TXT")] = txt
        if rng.random() < 0.6:
            records[(name, "A")] = [rng.choice(["192.0.2.1", "192.0.2.77", "198.51.100.9"])]
        if rng.random() < 0.3:
            records[(name, "AAAA")] = ["2001:db8::1"]
        if rng.random() < 0.5:
            records[(name, "MX")] = [f"10 {rng.choice(DOMAINS)}"]
    for client in ("192.0.2.1", "2001:db8::1"):
        records[("1.2.0.192.in-addr.arpa" if "." in client else
                 "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa", "PTR")] = [rng.choice(DOMAINS)]
    for target in ("192.0.2.1", "192.0.2.77"):
        for name in DOMAINS[:3]:
            records[(f"{target}.{name}", "A")] = ["127.0.0.2"]
    return records


def _names(records: Records) -> set:  # type: ignore[type-arg]
    return {name for name, _ in records}


def _inboxlint_result(records: Records, client: str, domain: str) -> str:
    names = _names(records)

    def resolver(name: str, rtype: str) -> Union[Sequence[str], str, None]:
        if (name, rtype) in records:
            return records[(name, rtype)]
        return [] if name in names else inboxlint.NXDOMAIN  # the world is complete

    message = (f"Return-Path: <bounce@{domain}>\r\nFrom: a@{domain}\r\nSubject: x\r\n\r\nx\r\n").encode()
    config = inboxlint.Config(select=["SPF"], dns=resolver,
                              envelope=inboxlint.Envelope(client_ip=client, helo="mta.example"))
    report = inboxlint.lint(message, config)
    results = [a.result for a in report.authentication if a.method == "spf"]
    assert len(results) == 1, report.authentication
    return results[0]


def _pyspf_lookup(records: Records):  # type: ignore[no-untyped-def]
    def lookup(name: str, qtype: str, *args: object, **kwargs: object) -> List[Tuple[Tuple[str, str], object]]:
        name = name.lower().rstrip(".")
        out: List[Tuple[Tuple[str, str], object]] = []
        for value in records.get((name, qtype), []):
            if qtype == "TXT":
                out.append(((name, qtype), (value.encode(),)))
            elif qtype == "MX":
                preference, exchange = value.split()
                out.append(((name, qtype), (int(preference), exchange)))
            else:
                out.append(((name, qtype), value))
        return out

    return lookup


def _pyspf_result(records: Records, client: str, domain: str) -> Tuple[str, str]:
    saved = pyspf.DNSLookup
    pyspf.DNSLookup = _pyspf_lookup(records)
    try:
        result, _, explanation = pyspf.query(i=client, s=f"bounce@{domain}", h="mta.example").check()
    finally:
        pyspf.DNSLookup = saved
    return str(result), str(explanation)


def test_agrees_with_pyspf_on_generated_records() -> None:
    rng = random.Random(7208)
    total, agreed = 0, 0
    void_counting: List[str] = []
    self_include: List[str] = []
    unexplained: List[str] = []
    for world_index in range(WORLDS):
        records = _world(rng)
        for client in CLIENTS:
            for domain in DOMAINS[:4]:
                ours = _inboxlint_result(records, client, domain)
                theirs, why = _pyspf_result(records, client, domain)
                total += 1
                line = f"world {world_index} {client} {domain}: inboxlint {ours}, pyspf {theirs} ({why})"
                if ours == theirs:
                    agreed += 1
                elif theirs == "permerror" and "Void lookup limit" in why:
                    void_counting.append(line)
                elif theirs == "permerror" and "trivial recursion" in why and ours != "permerror":
                    self_include.append(line)
                else:
                    unexplained.append(line)
    print(f"\nSPF differential: {agreed}/{total} agree with pyspf; {len(void_counting)} differ in void-lookup "
          f"counting, {len(self_include)} in pyspf's self-include rule; {len(unexplained)} unexplained")
    for line in unexplained[:20]:
        print("  " + line)
    assert total == WORLDS * len(CLIENTS) * 4
    assert not unexplained, "\n".join(unexplained[:20])
    assert len(void_counting) + len(self_include) <= total // 50, "the documented differences should be rare"
