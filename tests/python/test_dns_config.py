"""DNS records and the SMTP envelope given to Config: a zone file, a mapping,
a resolver callable; bad ones raise at once. DKIM key lookups read them today,
so a verifying key found through them is what these tests observe."""

from __future__ import annotations

import json
import pathlib
import pickle
import subprocess
from typing import List, Optional, Sequence, Tuple, Union

import pytest

import inboxlint
from conftest import CORPUS, inboxlint_command
from test_dkim_keys import RFC8463_CHANGED, _rfc8463_keys


def _auth011(config: inboxlint.Config) -> int:
    report = inboxlint.lint_file(RFC8463_CHANGED, config)
    return [f.rule for f in report.findings].count("AUTH011")


def test_a_mapping_supplies_the_keys_as_txt_records() -> None:
    records = {(name, "TXT"): [value] for name, value in _rfc8463_keys().items()}
    assert _auth011(inboxlint.Config(dns=records)) == 2  # both signatures checked, both broken by the change
    assert _auth011(inboxlint.Config()) == 0


def test_a_zone_file_supplies_the_keys(tmp_path: pathlib.Path) -> None:
    zone = tmp_path / "example.zone"
    lines = ["$ORIGIN football.example.com.", "$TTL 300"]
    for name, value in _rfc8463_keys().items():
        relative = name[: -len(".football.example.com")]
        lines.append(f'{relative} IN TXT ( "{value[:30]}"\n    "{value[30:]}" ) ; split in two strings')
    zone.write_text("\n".join(lines) + "\n")
    config = inboxlint.Config(dns=zone)
    assert _auth011(config) == 2
    assert pickle.loads(pickle.dumps(config)) == config


def test_a_resolver_is_asked_for_what_is_not_supplied() -> None:
    keys = _rfc8463_keys()
    asked: List[Tuple[str, str]] = []

    def resolver(name: str, rtype: str) -> Optional[Sequence[str]]:
        asked.append((name, rtype))
        return [keys[name]] if name in keys else None

    assert _auth011(inboxlint.Config(dns=resolver)) == 2
    # The keys, and DMARC discovery at the From domain then its organisational domain.
    assert {(name, "TXT") for name in keys} <= set(asked)
    assert ("_dmarc.football.example.com", "TXT") in asked and ("_dmarc.example.com", "TXT") in asked
    assert len(asked) == len(set(asked)), "each name is asked once per message"
    # lint_many calls it from its worker threads, each holding the GIL for the call.
    reports = list(inboxlint.lint_many([RFC8463_CHANGED.read_bytes()] * 8, inboxlint.Config(dns=resolver), workers=4))
    assert all([f.rule for f in r.findings].count("AUTH011") == 2 for r in reports)


@pytest.mark.parametrize("answer", [inboxlint.NXDOMAIN, inboxlint.SERVFAIL, None, [], "garbage", 42])
def test_a_resolver_without_the_key_never_breaks_linting(answer: Union[str, None, list, int]) -> None:
    def resolver(name: str, rtype: str):  # type: ignore[no-untyped-def]
        return answer

    assert _auth011(inboxlint.Config(dns=resolver)) == 0


def test_a_resolver_that_raises_is_a_failed_lookup() -> None:
    def resolver(name: str, rtype: str) -> Sequence[str]:
        raise TimeoutError(name)

    report = inboxlint.lint_file(RFC8463_CHANGED, inboxlint.Config(dns=resolver))
    assert "AUTH011" not in {f.rule for f in report.findings}


def test_nonexistent_names_in_a_mapping() -> None:
    config = inboxlint.Config(dns={("gone.example", "NXDOMAIN"): [], ("slow.example", "SERVFAIL"): []})
    assert config.dns is not None


@pytest.mark.parametrize("bad", [
    {("example.com", "SRV"): ["1 2 3 host"]},
    {("bad..name", "TXT"): ["x"]},
    {("example.com", "A"): ["300.1.1.1"]},
])
def test_bad_records_raise_value_error(bad: dict) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValueError):
        inboxlint.Config(dns=bad)


def test_bad_zone_file_names_file_and_line(tmp_path: pathlib.Path) -> None:
    zone = tmp_path / "broken.zone"
    zone.write_text('ok.example. TXT "fine"\nbad.example. MX mail.example.\n')
    with pytest.raises(ValueError, match=r"broken\.zone, line 2: .*PREFERENCE EXCHANGE"):
        inboxlint.Config(dns=zone)
    with pytest.raises(ValueError):
        inboxlint.Config(dns=tmp_path / "missing.zone")


@pytest.mark.parametrize("bad", [{("example.com",): ["x"]}, {("example.com", "TXT"): [1]}, 42])
def test_wrong_types_raise_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        inboxlint.Config(dns=bad)  # type: ignore[arg-type]


def test_envelope_is_validated_at_once() -> None:
    good = inboxlint.Envelope(client_ip="192.0.2.1", helo="mail.example.com", mail_from="")
    assert inboxlint.Config(envelope=good).envelope == good
    for bad in (inboxlint.Envelope(client_ip="192.0.2"), inboxlint.Envelope(helo="not a name"),
                inboxlint.Envelope(mail_from="nobody")):
        with pytest.raises(ValueError, match="envelope"):
            inboxlint.Config(envelope=bad)
    with pytest.raises(TypeError):
        inboxlint.Config(envelope={"client_ip": "192.0.2.1"})  # type: ignore[arg-type]


def test_command_line_takes_zone_files_and_the_envelope(tmp_path: pathlib.Path) -> None:
    zone = tmp_path / "keys.zone"
    zone.write_text("".join(f'{name}. TXT "{value}"\n' for name, value in _rfc8463_keys().items()))
    args = ["--select", "AUTH", "--format", "json", "--fail-on", "never", "--dns", str(zone),
            "--client-ip", "192.0.2.1", "--helo", "mail.example.com", "--mail-from", "bounce@example.com"]
    run = subprocess.run(inboxlint_command() + args + [str(RFC8463_CHANGED)], capture_output=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert [f["rule"] for f in json.loads(run.stdout)["findings"]].count("AUTH011") == 2
    bad = subprocess.run(inboxlint_command() + ["--client-ip", "nowhere", str(RFC8463_CHANGED)],
                         capture_output=True, timeout=120)
    assert bad.returncode == 2 and b"client IP" in bad.stderr


def test_the_report_carries_the_authentication_summary() -> None:
    case = CORPUS / "dns" / "all-pass"
    config = inboxlint.Config(dns=case.with_suffix(".zone"),
                              envelope=inboxlint.Envelope(client_ip="192.0.2.25", helo="mail.shop.example"))
    report = inboxlint.lint_file(case.with_suffix(".eml"), config)
    assert [(a.method, a.result) for a in report.authentication] == [
        ("iprev", "pass"), ("spf", "pass"), ("dkim", "none"), ("dmarc", "pass")]
    spf = report.authentication[1]
    assert dict(spf.properties) == {"smtp.mailfrom": "shop.example"}
    text = report.authentication_results()
    assert text.startswith("iprev=pass (") and "; spf=pass (" in text and "dmarc=pass (" in text
    assert str(spf).startswith("spf=pass (") and repr(spf) == "<AuthResult spf=pass>"
    assert json.loads(report.to_json())["authentication"][1]["properties"] == {"smtp.mailfrom": "shop.example"}
    assert "authentication: iprev=pass" in report.to_text()
    assert pickle.loads(pickle.dumps(report)) == report
    # Without records only DKIM is summarised: nothing else can be known.
    assert [a.method for a in inboxlint.lint_file(case.with_suffix(".eml")).authentication] == ["dkim"]
