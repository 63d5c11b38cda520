"""The example notebook runs top to bottom without an error, on the installed package.

examples/kerncijfers-mei-2021.ipynb is executed with nbclient in a kernel that runs this
interpreter (a private kernelspec, so the machine's other kernels cannot interfere). Any
error output fails the test, and so does a warning printed to stderr. The notebook needs
the `notebook` extra (nbclient, ipykernel, pandas, matplotlib); without it the test is
skipped, unless KERNCIJFERS_REQUIRE_NOTEBOOK=1, which makes a missing package an error.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "kerncijfers-mei-2021.ipynb"
KERNEL = "kerncijfers-test"


def _require(module: str) -> Any:
    if os.environ.get("KERNCIJFERS_REQUIRE_NOTEBOOK") == "1":
        return __import__(module)
    return pytest.importorskip(module)


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    # Jupyter's standard (platformdirs) paths; without this, jupyter_core warns on import.
    os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")
    nbformat = _require("nbformat")
    nbclient = _require("nbclient")
    for module in ("ipykernel", "matplotlib", "pandas"):
        _require(module)

    jupyter = tmp_path_factory.mktemp("jupyter")
    spec = jupyter / "kernels" / KERNEL
    spec.mkdir(parents=True)
    spec.joinpath("kernel.json").write_text(
        json.dumps(
            {
                "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                "display_name": "kerncijfers test",
                "language": "python",
            }
        ),
        encoding="utf-8",
    )
    workdir = tmp_path_factory.mktemp("notebook")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    saved = {name: os.environ.get(name) for name in ("JUPYTER_PATH", "MPLBACKEND")}
    # Jupyter searches JUPYTER_PATH first; the kernel picks its own (inline) plot backend.
    os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in (str(jupyter), saved["JUPYTER_PATH"]) if p)
    os.environ.pop("MPLBACKEND", None)
    try:
        client = nbclient.NotebookClient(
            notebook, kernel_name=KERNEL, timeout=300, resources={"metadata": {"path": str(workdir)}}
        )
        client.execute()
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return notebook


def _outputs(notebook: Any) -> list[tuple[int, Any]]:
    return [
        (index, output)
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
    ]


def test_notebook_runs_without_errors(executed: Any) -> None:
    errors = [
        f"cell {index}: {output.ename}: {output.evalue}"
        for index, output in _outputs(executed)
        if output.output_type == "error"
    ]
    assert not errors, "\n".join(errors)


def test_notebook_prints_no_warnings(executed: Any) -> None:
    warnings = [
        f"cell {index}: {output.text.strip()}"
        for index, output in _outputs(executed)
        if output.output_type == "stream"
        and output.name == "stderr"
        and ("Warning" in output.text or "Traceback" in output.text)
    ]
    assert not warnings, "\n".join(warnings)


def test_notebook_shows_the_figures(executed: Any) -> None:
    outputs = _outputs(executed)
    text = "\n".join(
        output.get("text", "") if output.output_type == "stream" else output.get("data", {}).get("text/plain", "")
        for _, output in outputs
    )
    markdown = "\n".join(
        output.get("data", {}).get("text/markdown", "") for _, output in outputs if output.output_type == "display_data"
    )
    images = [output for _, output in outputs if "image/png" in output.get("data", {})]
    # The figures of May 2021 from the bundled data, their statuses, and both pages.
    assert "535 of 955 first asylum applications" in text
    assert "shares sum to 101, not 100: consistent with independent rounding" in text
    assert "[60 12  5 23]" in text
    assert "In mei 2021 kwam 32% van de asielzoekers" in markdown
    assert "In May 2021, 32% of first-time asylum applicants came from Syria" in markdown
    # Fig. 1.0-1.2, the monthly series and the departures.
    assert len(images) == 3


def test_committed_notebook_has_no_outputs() -> None:
    # The notebook is committed stripped: outputs come from running it (tests, docs build).
    nbformat = _require("nbformat")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    stale = [
        index
        for index, cell in enumerate(notebook.cells)
        if cell.cell_type == "code" and (cell.get("outputs") or cell.get("execution_count") is not None)
    ]
    assert not stale, f"cells with committed outputs: {stale} (clear them before committing)"
    assert notebook.metadata["kernelspec"]["name"] == "python3"
