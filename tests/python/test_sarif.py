"""SARIF output validates against the SARIF 2.1.0 schema."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import CORPUS, inboxlint_command, shared_data

jsonschema = pytest.importorskip("jsonschema")


def test_corpus_sarif_validates_against_the_schema() -> None:
    schema = json.loads((shared_data("sarif") / "sarif-schema-2.1.0.json").read_text())
    result = subprocess.run(
        inboxlint_command() + ["--format", "sarif", "--fail-on", "never", str(CORPUS)],
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    log = json.loads(result.stdout)
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "inboxlint"
    assert run["results"], "the corpus has findings"
    messages = [a for a in run["artifacts"] if "parentIndex" not in a]
    assert len(messages) == len(list(CORPUS.rglob("*.eml")))
    for result in run["results"]:
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["byteOffset"] >= 0 and region["startLine"] >= 1
