"""Sphinx configuration of the kerncijfers documentation (built by scripts/build-docs.sh).

The API reference is generated from the *installed* package (its compiled module carries
the docstrings), so build with the Python of a virtual environment that has kerncijfers
installed with the ``docs`` extra. Nothing is fetched at build time: no intersphinx, no
remote images; the notebook is executed by a local Jupyter kernel.
"""

from __future__ import annotations

import inspect
import re

import kerncijfers

project = "kerncijfers"
author = "The kerncijfers developers"
copyright = "the kerncijfers developers"  # noqa: A001 - the name Sphinx reads
release = kerncijfers.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_nb",  # Markdown pages (MyST) and the executed notebook
    "sphinx.ext.autodoc",
]

source_suffix = {".rst": "restructuredtext", ".md": "myst-nb", ".ipynb": "myst-nb"}
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store", "**.ipynb_checkpoints"]
root_doc = "index"
language = "en"

# MyST: fenced directives with colons, "$...$" left alone, heading anchors for links.
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# The notebook and the guide's code cells run on every build, so the outputs shown are
# those of the installed package; an error in any cell fails the build.
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_execution_timeout = 300
nb_merge_streams = True

# API reference: signatures from the pybind11 docstrings' first lines (the constructor's
# with the class); Python modules in source order.
autodoc_default_options = {"members": True, "undoc-members": True, "member-order": "bysource"}
autodoc_docstring_signature = True
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
autoclass_content = "both"

html_theme = "furo"
html_title = f"kerncijfers {release}"
html_static_path: list[str] = []
html_show_sourcelink = False

# --- Docstrings of the compiled module --------------------------------------------------
# pybind11 writes plain-text docstrings: signatures with `*` and `**` (which reStructuredText
# would read as emphasis) and, for overloaded functions, a numbered list of signatures.
# These hooks make them valid reStructuredText without changing what they say.
_TYPE_NAMES = [
    ("kerncijfers._core.", ""),
    ("typing.SupportsInt | typing.SupportsIndex", "int"),
    ("typing.SupportsFloat | typing.SupportsIndex", "float"),
    ("collections.abc.Sequence", "Sequence"),
    ("numpy.typing.NDArray", "NDArray"),
]
_OVERLOAD = re.compile(r"^(\d+)\. (\w+\(.*\).*)$")
_STAR = re.compile(r"(?<!\\)\*")
_SELF = re.compile(r"^\(self(?:: [\w.]+)?(?:, |(?=\)))")


def _short_types(text: str) -> str:
    for long, short in _TYPE_NAMES:
        text = text.replace(long, short)
    return text


def _escape_stars(line: str) -> str:
    # Escape * outside ``literal`` and `interpreted` spans.
    parts = re.split(r"(``.*?``|`[^`]*`)", line)
    return "".join(part if part.startswith("`") else _STAR.sub(r"\\*", part) for part in parts)


def _compiled(obj: object) -> bool:
    """True for what pybind11 made (plain-text docstrings), false for Python code (reST)."""
    if inspect.ismodule(obj) or inspect.isfunction(obj) or inspect.ismethod(obj):
        return False
    if isinstance(obj, type):
        return type(obj).__name__ == "pybind11_type"
    if isinstance(obj, property):
        return not inspect.isfunction(obj.fget)
    return callable(obj) or type(obj).__name__ == "pybind11_static_property"


def _process_docstring(app, what, name, obj, options, lines):  # type: ignore[no-untyped-def]
    if not name.startswith("kerncijfers.") or not _compiled(obj):
        return
    out: list[str] = []
    for line in lines:
        if line.strip() == "Overloaded function.":
            continue
        match = _OVERLOAD.match(line)
        if match:
            out += [f"**Overload {match.group(1)}:** ``{_short_types(match.group(2))}``", ""]
        else:
            out.append(_escape_stars(line))
    lines[:] = out


def _process_signature(app, what, name, obj, options, signature, return_annotation):  # type: ignore[no-untyped-def]
    if not name.startswith("kerncijfers."):
        return None
    if signature:
        # pybind11 names the instance in its signatures: (self: Month, year: int, ...).
        signature = _SELF.sub("(", _short_types(signature))
    return (
        signature,
        _short_types(return_annotation) if return_annotation else return_annotation,
    )


def setup(app):  # type: ignore[no-untyped-def]
    app.connect("autodoc-process-docstring", _process_docstring)
    app.connect("autodoc-process-signature", _process_signature)
