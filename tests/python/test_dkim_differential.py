"""inboxlint's DKIM verification against dkimpy (the reference implementation
on PyPI): messages signed by dkimpy with keys made here, then changed in the
ways mail is changed in transit (or not at all), verified by both with the
keys answered from the same records. Pass or not must agree on every one."""

from __future__ import annotations

import base64
import pathlib
import random
import subprocess
from typing import Callable, Dict, List, Tuple

import dkim  # dkimpy

import inboxlint
from conftest import CORPUS

DOMAIN = "signer.example"


def _rsa_key(tmp: pathlib.Path, bits: int) -> Tuple[bytes, str]:
    private = tmp / f"rsa{bits}.pem"
    subprocess.run(["openssl", "genrsa", "-out", str(private), str(bits)], check=True, capture_output=True)
    public = subprocess.run(["openssl", "rsa", "-in", str(private), "-pubout", "-outform", "DER"],
                            check=True, capture_output=True).stdout
    return private.read_bytes(), base64.b64encode(public).decode()


def _messages() -> List[bytes]:
    out = []
    for path in sorted(CORPUS.rglob("*.eml")):
        data = path.read_bytes()
        if b"DKIM-Signature" in data or b"\nFrom:" not in b"\n" + data or len(data) > 20000:
            continue
        out.append(data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    return out[:40]


Change = Callable[[bytes], bytes]
CHANGES: Dict[str, Change] = {
    "unchanged": lambda m: m,
    "subject-changed": lambda m: m.replace(b"Subject:", b"Subject: [list]", 1),
    "body-appended": lambda m: m + b"-- \r\nSent via a list\r\n",
    "trailing-blank-lines": lambda m: m + b"\r\n\r\n",
    "header-refolded": lambda m: m.replace(b"Subject: ", b"Subject:\r\n  ", 1),
    "from-case": lambda m: m.replace(b"From:", b"FROM:", 1),
    "body-space-run": lambda m: m.replace(b" ", b"  ", 1) if b"\r\n\r\n" in m else m,
}


def _sign(message: bytes, key: bytes, canon: Tuple[bytes, bytes], length: bool) -> bytes:
    headers = [b"from", b"to", b"subject", b"date", b"message-id"]
    signature = dkim.sign(message, b"s1", DOMAIN.encode(), key, canonicalize=canon, include_headers=headers,
                          length=length)
    return signature + message


def test_agrees_with_dkimpy_on_signed_and_changed_messages(tmp_path: pathlib.Path) -> None:
    private, public = _rsa_key(tmp_path, 2048)
    record = f"v=DKIM1; k=rsa; p={public}"
    name = f"s1._domainkey.{DOMAIN}"

    def dnsfunc(query: bytes, timeout: int = 5) -> bytes:
        return record.encode() if query.decode().rstrip(".").lower() == name else b""

    config = inboxlint.Config(select=["AUTH"], dns={(name, "TXT"): [record]})
    rng = random.Random(6376)
    total, agreed, passed = 0, 0, 0
    disagreements: List[str] = []
    for index, message in enumerate(_messages()):
        canon = rng.choice([(b"relaxed", b"relaxed"), (b"simple", b"simple"), (b"relaxed", b"simple")])
        signed = _sign(message, private, canon, length=rng.random() < 0.2)
        for change_name, change in CHANGES.items():
            changed = change(signed)
            theirs = bool(dkim.verify(changed, dnsfunc=dnsfunc))
            results = [a.result for a in inboxlint.lint(changed, config).authentication if a.method == "dkim"]
            ours = results == ["pass"]
            total += 1
            passed += theirs
            if ours == theirs:
                agreed += 1
            else:
                disagreements.append(f"message {index} {canon} {change_name}: inboxlint {results}, dkimpy {theirs}")
    print(f"\nDKIM differential: {agreed}/{total} agree with dkimpy ({passed} pass in dkimpy)")
    assert total >= 100 and 0 < passed < total
    assert not disagreements, "\n".join(disagreements[:20])


def test_feedback_id_counts_as_signed_only_when_h_lists_it(tmp_path: pathlib.Path) -> None:
    private, public = _rsa_key(tmp_path, 2048)
    record = f"v=DKIM1; k=rsa; p={public}"
    config = inboxlint.Config(select=["FBL"], dns={(f"s1._domainkey.{DOMAIN}", "TXT"): [record]})
    message = (b"From: News <news@signer.example>\r\nTo: ann@example.net\r\nSubject: Spring\r\n"
               b"Feedback-ID: spring:news:promo:signer01\r\n\r\nHello\r\n")
    for headers, expected in (([b"from", b"subject", b"feedback-id"], []), ([b"from", b"subject"], ["FBL002"])):
        signed = dkim.sign(message, b"s1", DOMAIN.encode(), private, include_headers=headers) + message
        assert [f.rule for f in inboxlint.lint(signed, config).findings] == expected, headers
