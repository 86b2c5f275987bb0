"""lint_many, the message sources, drafts and DataFrames."""

from __future__ import annotations

import mailbox
import pickle

import pytest

import inboxlint
from conftest import CORPUS


def corpus_files():  # type: ignore[no-untyped-def]
    return sorted(CORPUS.rglob("*.eml"))


def test_lint_many_matches_lint_in_order_for_every_worker_count() -> None:
    files = corpus_files()
    expected = [inboxlint.lint(p.read_bytes()) for p in files]
    for workers in (1, 2, 4):
        got = list(inboxlint.lint_many((p.read_bytes() for p in files), workers=workers, batch_size=7))
        assert [r.findings for r in got] == [r.findings for r in expected], workers


def test_lint_many_accepts_paths_pairs_and_bytes() -> None:
    path = CORPUS / "from" / "two-mailboxes.eml"
    data = path.read_bytes()
    reports = list(inboxlint.lint_many([path, str(path), ("named", data), bytearray(data), memoryview(data)]))
    assert [r.name for r in reports][:3] == [str(path), str(path), "named"]
    assert all(r.findings == reports[0].findings for r in reports)
    with pytest.raises(TypeError):
        list(inboxlint.lint_many([data.decode()]))  # a str that is not a path: read as a path, fails
    with pytest.raises(ValueError):
        list(inboxlint.lint_many([data], workers=0))


def test_lint_many_streams_without_reading_everything_first() -> None:
    consumed = []

    def source():  # type: ignore[no-untyped-def]
        for i in range(10):
            consumed.append(i)
            yield (CORPUS / "clean" / "plain-transactional.eml").read_bytes()

    stream = inboxlint.lint_many(source(), batch_size=3)
    next(stream)
    assert len(consumed) == 6, "the batch being yielded and the one linted ahead, no more"
    assert len(list(stream)) == 9


def test_iter_dir_and_iter_mbox(tmp_path) -> None:  # type: ignore[no-untyped-def]
    names = [n for n, _ in inboxlint.iter_dir(CORPUS)]
    assert len(names) == len(corpus_files())
    box = mailbox.mbox(str(tmp_path / "box.mbox"))
    for p in corpus_files()[:3]:
        box.add(p.read_bytes())
    box.flush()
    items = list(inboxlint.iter_mbox(tmp_path / "box.mbox"))
    assert [n.rsplit("[", 1)[1] for n, _ in items] == ["1]", "2]", "3]"]
    assert all(data.startswith(b"From ") for _, data in items)


def test_iter_maildir(tmp_path) -> None:  # type: ignore[no-untyped-def]
    md = mailbox.Maildir(str(tmp_path / "md"))
    for p in corpus_files()[:4]:
        md.add(p.read_bytes())
    items = list(inboxlint.iter_maildir(tmp_path / "md"))
    assert len(items) == 4
    assert sorted(d for _, d in items) == sorted(p.read_bytes() for p in corpus_files()[:4])


def test_progress_line_on_stderr(capsys) -> None:  # type: ignore[no-untyped-def]
    list(inboxlint.lint_many(corpus_files()[:5], progress=True))
    assert "5/5 messages" in capsys.readouterr().err


def test_draft_findings_map_back_to_the_draft() -> None:
    headers = {
        "From": "a@shop.example, b@shop.example",
        "To": "robin@example.org",
        "Subject": "Hello",
        "Date": "Thu, 05 Mar 2026 08:00:00 +0000",
        "Message-ID": "<d1@shop.example>",
    }
    result = inboxlint.lint_draft(headers, text="Hi\n", html="<p>Hi</p>")
    pairs = {f.rule: loc for f, loc in result.findings()}
    assert pairs["FROM001"].source == "header" and pairs["FROM001"].header == "From"
    r = pairs["FROM001"].range
    assert headers["From"][r.begin : r.end] == "a@shop.example, b@shop.example"
    assert result.message.startswith(b"From: a@shop.example")
    assert pickle.loads(pickle.dumps(result)) == result


def test_dataframes() -> None:
    pd = pytest.importorskip("pandas")
    reports = list(inboxlint.lint_many(corpus_files()))
    frame = inboxlint.to_dataframe(reports)
    assert len(frame) == sum(len(r.findings) for r in reports)
    assert set(frame["rule"]) == {f.rule for r in reports for f in r.findings}
    by_name = {r.name: r.category.name for r in reports}
    assert all(frame["category"] == frame["name"].map(by_name))
    one = reports[0].to_pandas()
    assert isinstance(one, pd.DataFrame) and list(one.columns)[:3] == ["name", "rule", "slug"]
