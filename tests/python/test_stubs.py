"""The type stubs (_core.pyi) describe the compiled module as it is.

mypy's stubtest compares every class, function, method and property of the stubs with the
runtime module. What pybind11 cannot express the way a stub does is expected and listed
here by kind; anything else it reports (a function missing from the stubs, a stub for
something that is gone, a wrong parameter) fails the test.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy")

import kerncijfers._core as core  # noqa: E402

STUBS = Path(core.__file__).with_name("_core.pyi")

# Kinds of report that say nothing about drift between the stubs and the module:
EXPECTED = [
    # pybind11 classes have pybind11's metaclass; the stubs leave it out.
    re.compile(r"is inconsistent, metaclass differs$"),
    # Factories are static methods at runtime; the stubs make them classmethods returning
    # Self, so that Month.parse returns a Month for every period type.
    re.compile(r"is inconsistent, stub is a classmethod but runtime is not$"),
    # Records without a Python constructor: pybind11 gives them __init__(*args, **kwargs)
    # that raises; the stubs give them none.
    re.compile(r"\.__init__ is inconsistent, stub does not have \*args parameter \"args\"$"),
    # pybind11's record of a native enum (a capsule on each enum.Enum class), not an API.
    re.compile(r"\.__pybind11_native_enum__ is not present in stub$"),
    # Set before registration so that pybind11 creates everything as kerncijfers.X (module.cpp).
    re.compile(r"^kerncijfers\._core\.__module__ is not present in stub$"),
]


def stub_only_names() -> set[str]:
    """Names the stubs define for type checking only: type aliases, type variables and
    @type_check_only classes."""
    names: set[str] = set()
    for node in ast.parse(STUBS.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
        elif isinstance(node, ast.ClassDef) and any(
            isinstance(d, ast.Name) and d.id == "type_check_only" for d in node.decorator_list
        ):
            names.add(node.name)
    return names


def test_stubs_match_the_compiled_module(tmp_path: Path) -> None:
    # The installed package (py.typed) is found by stubtest as by mypy; run outside the
    # source tree so that only the installed package can be imported.
    done = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "kerncijfers._core", "--concise"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    reports = [line for line in done.stdout.splitlines() if line.startswith("kerncijfers._core.")]
    assert done.returncode == 0 or reports, done.stdout + done.stderr  # stubtest ran and said why
    stub_only = stub_only_names()
    unexpected = []
    for line in reports:
        name = line.split(" ", 1)[0].removeprefix("kerncijfers._core.")
        if name in stub_only and line.endswith("is not present at runtime"):
            continue
        if any(kind.search(line) for kind in EXPECTED):
            continue
        unexpected.append(line)
    assert not unexpected, "\n".join(unexpected)
    # The filter above must not be what makes the test pass: the module is really checked.
    assert any("metaclass differs" in line for line in reports), done.stdout


def test_enums_are_enum_classes_in_the_stubs_and_at_runtime() -> None:
    # Every enum of the module is a Python enum.Enum (pybind11's native_enum), and its stub
    # says so, with the members in C++ order and their C++ values.
    import enum

    stubbed = {
        node.name: node
        for node in ast.parse(STUBS.read_text(encoding="utf-8")).body
        if isinstance(node, ast.ClassDef)
        and any(isinstance(b, ast.Attribute) and ast.unparse(b) == "enum.Enum" for b in node.bases)
    }
    runtime = {name: cls for name, cls in vars(core).items() if isinstance(cls, type) and issubclass(cls, enum.Enum)}
    assert set(stubbed) == set(runtime)
    assert {"Language", "RoundingMode", "Category", "FigureProblem"} <= set(runtime)
    for name, cls in runtime.items():
        assert cls.__module__ == "kerncijfers", name
        members = [
            (ast.unparse(s.targets[0]), ast.literal_eval(s.value))
            for s in stubbed[name].body
            if isinstance(s, ast.Assign)
        ]
        assert members == [(m.name, m.value) for m in cls], name
