#!/usr/bin/env python3
"""Assembles the seed corpus of every fuzz target in OUT/<target>/, from the
bundled corpus (corpus/), tests/fuzz/seeds/values and the shared test data
(../shared/testdata, read in place and never copied into the repository).

    python3 tests/fuzz/seeds.py OUT [--max-per-target N]

Whole messages seed the targets that take messages; the pieces the other
targets parse (header values, addresses, URLs, domain names, style sheets,
HTML parts, DKIM tag lists) are cut out of the same material; DMARC records
and zones come from tests/fuzz/seeds/values. With --max-per-target the seeds
of a target are thinned evenly to at most N files (short CI runs would
otherwise spend their time on the initial corpus).
"""

from __future__ import annotations

import argparse
import email
import email.policy
import hashlib
import json
import pathlib
import re
import sys
from typing import Dict, Iterable, List

ROOT = pathlib.Path(__file__).resolve().parents[2]
TESTDATA = (ROOT / ".." / "shared" / "testdata").resolve()
MAX_SEED = 65536  # the run's -max_len

_NOT_MAIL = {"MANIFEST.tsv", "NOTICE", "README.md", "LICENSE", "labels.json"}


def files(folder: pathlib.Path, suffixes: Iterable[str] = ()) -> List[pathlib.Path]:
    if not folder.exists():
        return []
    want = tuple(suffixes)
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and p.name not in _NOT_MAIL and not p.name.startswith("LICENSE")
        and (not want or p.name.endswith(want))
    )


def messages() -> List[bytes]:
    out = [p.read_bytes() for p in files(ROOT / "corpus", [".eml"])]
    out += [p.read_bytes() for p in files(TESTDATA / "generated", [".eml"])]
    for sub in ("rspamd-functional", "mimekit", "crymap"):
        out += [p.read_bytes() for p in files(TESTDATA / sub)]
    spam = files(TESTDATA / "spamassassin-public-corpus")
    out += [p.read_bytes() for p in spam[::10]]
    return out


def parsed(raw: List[bytes]) -> List[email.message.Message]:
    out = []
    for data in raw:
        try:
            out.append(email.message_from_bytes(data, policy=email.policy.compat32))
        except Exception:  # a seed source, not a test: skip what the email package cannot read
            pass
    return out


def header_values(msgs: List[email.message.Message], names: Iterable[str]) -> List[bytes]:
    wanted = {n.lower() for n in names}
    out = []
    for m in msgs:
        for part in m.walk():
            for name, value in part.items():
                if name.lower() in wanted:
                    out.append(str(value).encode("utf-8", "surrogateescape"))
    return out


def html_parts(msgs: List[email.message.Message]) -> List[bytes]:
    out = []
    for m in msgs:
        for part in m.walk():
            if part.get_content_type() == "text/html":
                payload = part.get_payload(decode=True)
                if payload:
                    out.append(payload)
    return out


def values(prefixes: Iterable[str]) -> List[bytes]:
    folder = ROOT / "tests" / "fuzz" / "seeds" / "values"
    return [p.read_bytes() for p in files(folder) if p.name.startswith(tuple(prefixes))]


def isemail_addresses() -> List[bytes]:
    out = []
    for xml in files(TESTDATA / "isemail", [".xml"]):
        for m in re.finditer(r"<address>(.*?)</address>", xml.read_text("utf-8"), re.S):
            # Control characters are written as U+2400+n there.
            text = "".join(chr(ord(c) - 0x2400) if 0x2400 <= ord(c) < 0x2420 else c for c in m.group(1))
            text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
            out.append(text.encode("utf-8"))
    return out


def wpt_inputs(name: str) -> List[bytes]:
    path = TESTDATA / "wpt" / name
    if not path.exists():
        return []
    return [t["input"].encode("utf-8", "surrogatepass") for t in json.loads(path.read_text("utf-8")) if isinstance(t, dict)]


def idna_names() -> List[bytes]:
    path = TESTDATA / "unicode" / "icu-72.1" / "IdnaTestV2.txt"
    if not path.exists():
        return []
    out = []
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            source = line.split(";")[0].strip()
            source = re.sub(r"\\u([0-9A-Fa-f]{4})", lambda m: chr(int(m.group(1), 16)), source)
            out.append(source.encode("utf-8", "surrogatepass"))
    return out


def spf_suite_seeds() -> List[bytes]:
    """fuzz_spf input from the openspf suite: zone text, NUL, IP, domain, sender, HELO."""
    path = TESTDATA / "spf" / "rfc7208-tests.yml"
    try:
        import yaml  # PyYAML: optional; without it the hand-written seeds remain
    except ImportError:
        return []
    if not path.exists():
        return []
    out = []
    for scenario in yaml.safe_load_all(path.read_text("utf-8")):
        lines = []
        for name, entries in (scenario.get("zonedata") or {}).items():
            if " " in name:
                continue
            for entry in entries:
                if not isinstance(entry, dict):
                    lines.append(f"{name} SERVFAIL")
                    continue
                for kind, value in entry.items():
                    if kind in ("SPF", "TXT"):
                        text = "".join(value) if isinstance(value, list) else str(value)
                        text = text.replace("\\", "\\\\").replace('"', '\\"')
                        lines.append(f'{name} TXT "{text}"')
                    elif kind == "MX":
                        lines.append(f"{name} MX {value[0]} {value[1] or '.'}")
                    else:
                        lines.append(f"{name} {kind} {value}")
        zone = "\n".join(lines).encode("utf-8", "surrogateescape")
        for test in (scenario.get("tests") or {}).values():
            mailfrom = str(test.get("mailfrom", ""))
            helo = str(test.get("helo", ""))
            domain = mailfrom.rsplit("@", 1)[-1] if mailfrom else helo
            query = f"{test.get('host', '')}\n{domain}\n{mailfrom or 'postmaster@' + helo}\n{helo}\n"
            out.append(zone + b"\0" + query.encode("utf-8", "surrogateescape"))
    return out


def cut(pattern: bytes, texts: Iterable[bytes]) -> List[bytes]:
    rx = re.compile(pattern, re.S | re.I)
    return [m.group(1) for t in texts for m in rx.finditer(t)]


def compose_seeds(msgs: List[email.message.Message]) -> List[bytes]:
    """fuzz_compose input: header lines, NUL, text body, NUL, HTML body."""
    out = []
    for m in msgs[:300]:
        headers = b"".join(f"{k}: {v}\n".encode("utf-8", "surrogateescape") for k, v in m.items()
                           if k.lower() in ("from", "to", "subject", "reply-to", "list-unsubscribe"))
        text = html = b""
        for part in m.walk():
            if part.get_content_type() == "text/plain" and not text:
                text = part.get_payload(decode=True) or b""
            if part.get_content_type() == "text/html" and not html:
                html = part.get_payload(decode=True) or b""
        out.append(headers + b"\0" + text + b"\0" + html)
    return out


def arc_messages() -> List[bytes]:
    """The messages of the ARC validation suite (YAML; skipped without PyYAML)."""
    path = TESTDATA / "arc" / "arc-draft-validation-tests.yml"
    try:
        import yaml  # type: ignore
    except ImportError:
        return []
    if not path.exists():
        return []
    out = []
    for scenario in yaml.safe_load_all(path.read_text()):
        for test in (scenario or {}).get("tests", {}).values():
            if test.get("message"):
                out.append(test["message"].encode())
    return out


def assemble() -> Dict[str, List[bytes]]:
    raw = messages()
    msgs = parsed(raw)
    html = html_parts(msgs) + [p.read_bytes() for p in files(TESTDATA / "email-html", [".html"])]
    urls = cut(rb'href\s*=\s*"([^"]*)"', html) + wpt_inputs("urltestdata.json")
    hosts = [h for u in urls for h in re.findall(rb"^[a-z]+://(?:[^@/]*@)?([^/:?#]+)", u)]
    return {
        "fuzz_lint": raw,
        "fuzz_scanner": raw,
        "fuzz_dkim": header_values(msgs, ["DKIM-Signature", "List-Unsubscribe", "List-Id"])
        + [p.read_bytes() for p in files(TESTDATA / "generated" / "keys", [".zone"])] + raw[::4],
        "fuzz_address": header_values(msgs, ["From", "To", "Cc", "Reply-To", "Sender"]) + isemail_addresses()
        + values(["address", "group", "route"]),
        "fuzz_encoded_word": header_values(msgs, ["Subject", "From", "Date"]) + values(["encoded-word", "date"]),
        "fuzz_header_values": header_values(msgs, ["Content-Type", "Content-Disposition", "Message-ID",
                                                   "References", "Content-Transfer-Encoding"])
        + values(["content-type", "msg-id", "qp-base64"]),
        "fuzz_url": urls + values(["url"]),
        "fuzz_idn": hosts + idna_names() + wpt_inputs("toascii.json") + values(["idn", "url-idn"]),
        "fuzz_html": html,
        "fuzz_css": cut(rb"<style[^>]*>(.*?)</style>", html) + cut(rb'style\s*=\s*"([^"]*)"', html),
        "fuzz_compose": compose_seeds(msgs),
        "fuzz_category": html + raw[::4],
        "fuzz_dmarc": values(["dmarc"])
        + [p.read_bytes() for p in files(TESTDATA / "generated" / "keys", [".zone"])],
        "fuzz_spf": spf_suite_seeds() + values(["spf"]),
        "fuzz_arc": arc_messages() + raw[::8],
    }


def write(out: pathlib.Path, seeds: Dict[str, List[bytes]], limit: int) -> None:
    for target, items in seeds.items():
        unique = sorted({s[:MAX_SEED] for s in items if s})
        if limit and len(unique) > limit:
            step = len(unique) / limit
            unique = [unique[int(i * step)] for i in range(limit)]
        folder = out / target
        folder.mkdir(parents=True, exist_ok=True)
        for s in unique:
            (folder / hashlib.sha1(s).hexdigest()).write_bytes(s)
        print(f"{target}: {len(unique)} seeds", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=pathlib.Path)
    parser.add_argument("--max-per-target", type=int, default=0)
    args = parser.parse_args()
    if not TESTDATA.exists():
        print(f"shared test data not found: {TESTDATA}; seeding from the corpus only", file=sys.stderr)
    write(args.out, assemble(), args.max_per_target)


if __name__ == "__main__":
    main()
