"""The inboxlint command as installed by pip."""

from __future__ import annotations

import json
import pathlib
import subprocess

import pytest

from conftest import CORPUS, inboxlint_command


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    return subprocess.run(inboxlint_command() + list(args), input=stdin, capture_output=True, timeout=120)


def test_clean_message_exits_zero_with_summary() -> None:
    result = run(str(CORPUS / "clean" / "plain-transactional.eml"))
    assert result.returncode == 0, result.stderr
    assert b"1 message, 0 findings" in result.stdout


def test_findings_exit_one_and_fail_on_never_exits_zero() -> None:
    path = str(CORPUS / "from" / "two-mailboxes.eml")
    result = run(path)
    assert result.returncode == 1
    assert b"FROM001" in result.stdout
    assert run("--fail-on", "never", path).returncode == 0


def test_usage_and_io_errors_exit_two() -> None:
    assert run("--format", "xml", "x.eml").returncode == 2
    assert run("--select", "NOPE", str(CORPUS)).returncode == 2
    missing = run("no-such-file.eml")
    assert missing.returncode == 2
    assert b"no such file" in missing.stderr


def test_json_lines_from_a_directory() -> None:
    result = run("--format", "json", "--fail-on", "never", str(CORPUS / "mid"))
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(reports) == len(list((CORPUS / "mid").glob("*.eml")))
    assert all(r["schema_version"] == 1 for r in reports)
    assert b"messages" in result.stderr, "the summary goes to stderr when stdout is JSON"


def test_stdin_and_mbox_splitting() -> None:
    one = (CORPUS / "clean" / "plain-transactional.eml").read_bytes()
    mbox = b"From a@b Thu Mar  5 08:00:00 2026\n" + one + b"\nFrom c@d Thu Mar  5 08:00:01 2026\n" + one
    result = run("--format", "json", "-", stdin=mbox)
    names = [json.loads(line)["name"] for line in result.stdout.splitlines()]
    assert names == ["<stdin>[1]", "<stdin>[2]"]


def test_rules_and_explain_subcommands() -> None:
    rules = run("rules")
    assert rules.returncode == 0
    assert b"FROM001" in rules.stdout and b"multiple-from-addresses" in rules.stdout
    page = run("explain", "MID002")
    assert page.returncode == 0
    assert page.stdout.startswith(b"# MID002 invalid-message-id")
    assert run("explain", "NOPE999").returncode == 2


@pytest.mark.parametrize("flag", ["--select", "--ignore"])
def test_select_and_ignore(flag: str) -> None:
    path = str(CORPUS / "from" / "two-mailboxes.eml")
    result = run(flag, "FROM001", "--format", "json", "--fail-on", "never", path)
    rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert ("FROM001" in rules) == (flag == "--select")


# Command-line inputs (issue 23, point 11).


def findings_of(result: subprocess.CompletedProcess) -> list:  # type: ignore[type-arg]
    return [f for line in result.stdout.splitlines() for f in json.loads(line)["findings"]]


@pytest.mark.parametrize("content", [b"", b"\n", b" \r\n\t\r\n\r\n"])
def test_an_empty_file_is_one_finding(tmp_path: pathlib.Path, content: bytes) -> None:
    path = tmp_path / "empty.eml"
    path.write_bytes(content)
    result = run("--format", "json", str(path))
    assert result.returncode == 1, result.stderr
    findings = findings_of(result)
    assert [f["rule"] for f in findings] == ["MSG016"]
    assert findings[0]["severity"] == "error"
    text = run(str(path))
    assert b"1 message, 1 finding (1 error" in text.stdout


PEM_KEY = b"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n"
BINARY = b"\x00\x01\x02\x03" + bytes(range(256)) * 4


def test_a_directory_walk_skips_keys_and_binaries(tmp_path: pathlib.Path) -> None:
    (tmp_path / "welcome.eml").write_bytes((CORPUS / "clean" / "plain-transactional.eml").read_bytes())
    (tmp_path / "dkim-private").write_bytes(PEM_KEY)  # no extension: only its content tells
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "blob").write_bytes(BINARY)
    result = run("--format", "json", str(tmp_path))
    assert result.returncode == 0, result.stderr
    names = [json.loads(line)["name"] for line in result.stdout.splitlines()]
    assert names == [str(tmp_path / "welcome.eml")]
    assert b"1 message, 0 findings" in result.stderr
    assert f"skipped 2 files under {tmp_path} that are not messages".encode() in result.stderr


def test_a_directory_walk_keeps_mail_that_merely_mentions_a_key(tmp_path: pathlib.Path) -> None:
    mail = b"From: a@example.com\nTo: b@example.org\nSubject: key\n\n" + PEM_KEY
    (tmp_path / "message").write_bytes(mail)
    (tmp_path / "mbox").write_bytes(b"From a@example.com Thu Mar  5 08:00:00 2026\n" + mail)
    result = run("--format", "json", "--fail-on", "never", str(tmp_path))
    assert len(result.stdout.splitlines()) == 2
    assert b"skipped" not in result.stderr


def test_a_file_named_on_the_command_line_is_never_skipped(tmp_path: pathlib.Path) -> None:
    key = tmp_path / "key.txt"
    key.write_bytes(PEM_KEY)
    result = run("--format", "json", "--fail-on", "never", str(key))
    assert len(result.stdout.splitlines()) == 1
    assert b"skipped" not in result.stderr
    assert b"1 message," in result.stderr


def test_a_missing_file_prints_no_summary() -> None:
    result = run("no-such-file.eml")
    assert result.returncode == 2
    assert b"no such file or directory: no-such-file.eml" in result.stderr
    assert b"messages" not in result.stdout + result.stderr
    assert b"0 message" not in result.stdout + result.stderr


def test_a_missing_file_beside_a_read_one_is_counted_in_the_summary() -> None:
    result = run(str(CORPUS / "clean" / "plain-transactional.eml"), "no-such-file.eml")
    assert result.returncode == 2
    assert b"no such file or directory: no-such-file.eml" in result.stderr
    assert b"1 message, 0 findings" in result.stdout
    assert b"(1 input could not be read)" in result.stdout
