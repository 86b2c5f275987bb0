"""The Python API: inputs, results, configuration errors, pickling, threads."""

from __future__ import annotations

import json
import pickle
import threading

import pytest

import inboxlint
from inboxlint import Config, Limits, Severity

TWO_FROM = (
    b"From: a@shop.example, b@shop.example\r\n"
    b"To: you@example.org\r\n"
    b"Subject: Hello\r\n"
    b"Date: Thu, 05 Mar 2026 08:00:00 +0000\r\n"
    b"Message-ID: <1@shop.example>\r\n"
    b"\r\n"
    b"Hi\r\n"
)


def test_lint_reports_rule_severity_and_exact_range() -> None:
    report = inboxlint.lint(TWO_FROM)
    [finding] = report.by_rule("FROM001")
    assert finding.severity is Severity.ERROR
    assert finding.slug == "multiple-from-addresses"
    raw = finding.location.raw
    assert TWO_FROM[raw.begin : raw.end] == b" a@shop.example, b@shop.example"
    assert (finding.location.line, finding.location.column) == (1, 6)
    assert finding.location.part == ""
    assert [r.message for r in finding.related] == ["mailbox a@shop.example", "mailbox b@shop.example"]


@pytest.mark.parametrize("wrap", [bytes, bytearray, memoryview])
def test_every_bytes_like_input_gives_the_same_report(wrap) -> None:  # type: ignore[no-untyped-def]
    assert inboxlint.lint(wrap(TWO_FROM)) == inboxlint.lint(TWO_FROM)


def test_str_is_a_type_error_that_says_what_to_do() -> None:
    with pytest.raises(TypeError, match="bytes"):
        inboxlint.lint(TWO_FROM.decode())  # type: ignore[arg-type]


def test_non_buffer_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        inboxlint.lint(12345)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "kwargs,message",
    [
        ({"select": ["NOPE"]}, "names no rule"),
        ({"ignore": "MSG,XYZ"}, "names no rule"),
        ({"severity": {"MSG": "fatal"}}, "not error, warning or info"),
        ({"options": {"MSG005": {"no_such_option": True}}}, "has no option"),
        ({"options": {"MSG005": {"require_crlf": "yes"}}}, "must be a boolean"),
        ({"options": {"NOPE001": {"x": 1}}}, "not a rule"),
        ({"limits": Limits(max_parts=0)}, "at least 1"),
    ],
)
def test_bad_configuration_is_a_value_error_at_construction(kwargs, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=message):
        Config(**kwargs)


def test_select_ignore_and_severity_overrides() -> None:
    report = inboxlint.lint(TWO_FROM, Config(select="FROM", severity={"FROM001": "info"}))
    assert [f.rule for f in report.findings] == ["FROM001"]
    assert report.findings[0].severity is Severity.INFO
    assert inboxlint.lint(TWO_FROM, Config(ignore=["multiple-from-addresses"])).by_rule("FROM001") == ()


def test_rule_options_take_effect() -> None:
    lf_message = TWO_FROM.replace(b"\r\n", b"\n")
    assert not inboxlint.lint(lf_message).by_rule("MSG005")
    strict = Config(options={"MSG005": {"require_crlf": True}})
    assert inboxlint.lint(lf_message, strict).by_rule("MSG005")


def test_results_pickle_and_compare() -> None:
    report = inboxlint.lint(TWO_FROM)
    again = pickle.loads(pickle.dumps(report))
    assert again == report
    assert again.source == TWO_FROM
    config = Config(select=["MSG"])
    assert pickle.loads(pickle.dumps(config)) == config
    assert inboxlint.lint(TWO_FROM, pickle.loads(pickle.dumps(config))).by_rule("FROM") == ()


def test_results_are_frozen() -> None:
    report = inboxlint.lint(TWO_FROM)
    with pytest.raises(AttributeError):
        report.findings[0].rule = "X"  # type: ignore[misc]


def test_short_reprs() -> None:
    report = inboxlint.lint(TWO_FROM)
    assert repr(report).startswith(f"<Report <message>: {len(report.findings)} findings (")
    assert repr(report.findings[0]).startswith("<Finding FROM001 error 1:6")


def test_part_tree() -> None:
    report = inboxlint.lint_file(__import__("conftest").CORPUS / "clean" / "multipart-lf.eml")
    assert [(p.path, p.body_path, p.content_type) for p in report.parts] == [
        ("", "", "multipart/alternative"),
        ("1", "1", "text/plain"),
        ("2", "2", "text/html"),
    ]
    assert report.parts[2].transfer_encoding == "base64"
    assert report.parts[1].charset == "utf-8"


def test_formatters() -> None:
    report = inboxlint.lint(TWO_FROM, name="draft.eml")
    doc = json.loads(report.to_json())
    assert doc["schema_version"] == 1
    assert doc["findings"][0]["rule"] == "FROM001"
    assert doc["findings"][0]["location"]["raw"] == {"begin": 5, "end": 36}
    assert "draft.eml:1:6" in report.to_text()
    assert json.loads(report.to_sarif())["version"] == "2.1.0"
    assert "FROM001" in report._repr_html_()
    assert "FROM001" in report.findings[0]._repr_html_()


def test_rules_and_explain() -> None:
    rules = inboxlint.rules()
    ids = [r.id for r in rules]
    assert ids == sorted(ids)
    assert "FROM001" in ids
    msg005 = next(r for r in rules if r.id == "MSG005")
    assert msg005.options[0].name == "require_crlf"
    assert msg005.options[0].default is False
    assert inboxlint.explain("FROM001").startswith("# FROM001 multiple-from-addresses")
    assert inboxlint.explain("multiple-from-addresses") == inboxlint.explain("FROM001")
    with pytest.raises(KeyError):
        inboxlint.explain("NOPE999")


def test_threads_share_a_config_safely() -> None:
    config = Config()
    messages = [TWO_FROM, TWO_FROM.replace(b"Date", b"X-Date"), TWO_FROM.replace(b"<1@", b"<")] * 20
    expected = [inboxlint.lint(m, config) for m in messages]
    results: list = [None] * len(messages)  # type: ignore[type-arg]

    def work(start: int) -> None:
        for i in range(start, len(messages), 4):
            results[i] = inboxlint.lint(messages[i], config)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == expected


@pytest.mark.parametrize("data", [b"", b"\r\n\r\n", " \n".encode()])
def test_an_empty_input_is_one_finding_from_the_core(data: bytes) -> None:
    report = inboxlint.lint(data)
    assert [f.rule for f in report.findings] == ["MSG016"]
    assert report.findings[0].severity is Severity.ERROR
    raw = report.findings[0].location.raw
    assert (raw.begin, raw.end) == (0, len(data))
