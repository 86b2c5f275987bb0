"""python/examples/quickstart.ipynb runs top to bottom and shows what it
promises."""

from __future__ import annotations

import pytest

from conftest import CORPUS, ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("pandas")


def _outputs(cell) -> str:  # type: ignore[no-untyped-def]
    text = []
    for out in cell.get("outputs", []):
        data = out.get("data", {})
        text.append(data.get("text/html", "") + data.get("text/plain", "") + out.get("text", ""))
    return "\n".join(text)


def test_quickstart_notebook_executes_and_shows_findings() -> None:
    path = ROOT / "python" / "examples" / "quickstart.ipynb"
    nb = nbformat.read(path, as_version=4)
    nbclient.NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    code = [c for c in nb.cells if c.cell_type == "code"]
    report_html = _outputs(code[1])
    assert "<table>" in report_html and "FROM001" in report_html and "<mark" in report_html
    assert "FROM001" in _outputs(code[2])
    assert "(1, 6" in _outputs(code[3]) or "1, 6" in _outputs(code[3])
    assert _outputs(code[4]).strip().endswith(str(len(list(CORPUS.rglob("*.eml")))))
    assert "MSG0" in _outputs(code[5]) or "MIME0" in _outputs(code[5])
    assert "# FROM001 multiple-from-addresses" in _outputs(code[6])
