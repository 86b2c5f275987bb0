"""DKIM keys given the same way in Python and on the command line: a mapping,
or a file of ``NAME TXT-VALUE`` lines (zone-file TXT records too)."""

from __future__ import annotations

import json
import pathlib
import pickle
import subprocess

import pytest

import inboxlint
from conftest import CORPUS, inboxlint_command, shared_data

# The example of RFC 8463 appendix A.3 is read in place from the shared test
# data; the corpus holds a copy changed after signing.
RFC8463_CHANGED = CORPUS / "auth" / "rfc8463-subject-changed.eml"


def _rfc8463() -> pathlib.Path:
    return shared_data("crymap") / "rfc-8463.eml"


def _rfc8463_keys() -> dict:  # type: ignore[type-arg]
    """The keys of RFC 8463 appendix A.2, as the corpus .expect file gives them."""
    keys = {}
    for line in RFC8463_CHANGED.with_suffix(".expect").read_text().splitlines():
        if line.startswith("%dkim-key "):
            _, name, value = line.split(" ", 2)
            keys[name] = value
    assert len(keys) == 2
    return keys


def _rules(report: inboxlint.Report) -> set:  # type: ignore[type-arg]
    return {f.rule for f in report.findings}


def test_mapping_verifies_and_judges_the_key() -> None:
    config = inboxlint.Config(dkim_keys=_rfc8463_keys())
    example = _rules(inboxlint.lint_file(_rfc8463(), config))
    assert "AUTH013" in example and "AUTH011" not in example  # both verify; the RSA key has 1024 bits
    changed = inboxlint.lint_file(RFC8463_CHANGED, config)
    assert [f.rule for f in changed.findings].count("AUTH011") == 2
    # Without keys nothing can be verified.
    assert "AUTH011" not in _rules(inboxlint.lint_file(RFC8463_CHANGED))


def test_key_file_in_both_syntaxes(tmp_path: pathlib.Path) -> None:
    keys = _rfc8463_keys()
    plain = tmp_path / "keys.txt"
    plain.write_text("".join(f"{name} {value}\n" for name, value in keys.items()))
    zone = tmp_path / "keys.zone"
    zone.write_text("".join(f'{name}. 3600 IN TXT ( "{value[:20]}"\n  "{value[20:]}" )\n' for name, value in keys.items()))
    for path in (plain, zone, str(zone)):
        config = inboxlint.Config(dkim_keys=path)
        assert [f.rule for f in inboxlint.lint_file(RFC8463_CHANGED, config).findings].count("AUTH011") == 2
        assert pickle.loads(pickle.dumps(config)).dkim_keys == config.dkim_keys


def test_bad_keys_raise_at_once(tmp_path: pathlib.Path) -> None:
    with pytest.raises(ValueError):
        inboxlint.Config(dkim_keys={"example.com": "v=DKIM1; p=AAAA"})
    with pytest.raises(ValueError):
        inboxlint.Config(dkim_keys=str(tmp_path / "missing.txt"))
    with pytest.raises(TypeError):
        inboxlint.Config(dkim_keys={"s._domainkey.example.com": 42})  # type: ignore[dict-item]


def test_command_line_takes_a_key_file(tmp_path: pathlib.Path) -> None:
    plain = tmp_path / "keys.txt"
    plain.write_text("".join(f"{name} {value}\n" for name, value in _rfc8463_keys().items()))
    args = ["--select", "AUTH", "--format", "json", "--fail-on", "never"]
    with_keys = subprocess.run(inboxlint_command() + args + ["--dkim-keys", str(plain), str(RFC8463_CHANGED)],
                               capture_output=True, timeout=120)
    assert with_keys.returncode == 0, with_keys.stderr
    rules = [f["rule"] for f in json.loads(with_keys.stdout)["findings"]]
    assert rules.count("AUTH011") == 2
    bad = subprocess.run(inboxlint_command() + ["--dkim-keys", str(tmp_path / "none.txt"), str(RFC8463_CHANGED)],
                         capture_output=True, timeout=120)
    assert bad.returncode == 2
