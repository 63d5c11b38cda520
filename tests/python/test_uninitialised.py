"""No Python code can crash the interpreter through an object whose __init__ never ran.

`cls.__new__(cls)`, a pickle without state, or an __init__ that raised leave a pybind11
instance without a C++ value; issue 10 found that repr() of such a CountRow, DepartureRow or
Series, render_markdown() of such KeyFigures and pickle.loads() of a stateless Series
segfaulted, and that Month.__new__(Month).iso() returned '-153225983-06'. Every class must
now raise TypeError("kerncijfers.X object is not initialised ...") whenever its value is used.

Each class is probed in a subprocess (a segfault fails the test instead of killing pytest):
one subprocess probes every class and reports each; if it dies, the class it was probing
is recorded as a crash and the rest are probed in a new subprocess.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

# Runs in a subprocess: argv[1] is "list" (print the names of the classes) or a JSON list
# of the names of the classes to probe.
PROBE = textwrap.dedent(
    r'''
    import copy, json, pickle, sys, types
    import kerncijfers as kc
    import kerncijfers._core as core

    NOT_INITIALISED = "object is not initialised"

    def exported_classes():
        classes = {}
        for module in (kc, core):
            for name in dir(module):
                value = getattr(module, name)
                if isinstance(value, type) and value.__module__.startswith("kerncijfers"):
                    classes[name] = value
        # Iterators of PeriodRange: a class of their own per period unit.
        for unit in (kc.IsoWeek(2021, 1), kc.Month(2021, 1), kc.Quarter(2021, 1), kc.Year(2021)):
            iterator = type(iter(kc.PeriodRange(unit)))
            classes[f"iterator over {type(unit).__name__}"] = iterator
        return classes

    def is_pybind11_class(cls):
        return type(cls).__name__ == "pybind11_type"

    def pybind11_attributes(cls):
        """name -> attribute for what the bound classes in cls's MRO define themselves."""
        found = {}
        for klass in reversed(cls.__mro__):
            if is_pybind11_class(klass) and klass.__name__ != "pybind11_object":
                found.update(klass.__dict__)
        return found

    def defined(attributes, *names):
        return any(attributes.get(n) is not None and n in attributes for n in names)

    def outcome(action):
        try:
            return "ok", repr(action())[:200]
        except Exception as error:  # every exception is an outcome; only a crash is not
            return type(error).__name__, str(error)[:300]

    def probe(cls):
        problems = []
        try:
            u = cls.__new__(cls)
        except Exception as error:
            return problems  # cannot even be made without arguments: nothing to use
        if not is_pybind11_class(cls):
            # Plain Python classes: only a crash would count; exercise the protocol.
            for action in (lambda: repr(u), lambda: str(u), lambda: hash(u), lambda: u == u):
                outcome(action)
            return problems
        attributes = pybind11_attributes(cls)

        def expect_refusal(what, action, *dunders):
            kind, text = outcome(action)
            if kind == "TypeError" and NOT_INITIALISED in text:
                if not text.startswith("kerncijfers") and not text.startswith("a kerncijfers"):
                    problems.append(f"{what}: the message does not name the class: {text}")
                return
            if dunders and not defined(attributes, *dunders):
                return  # Python's own behaviour, which never reads the C++ value
            problems.append(f"{what}: {kind}: {text}")

        # The Python protocol.
        expect_refusal("repr", lambda: repr(u), "__repr__")
        expect_refusal("str", lambda: str(u), "__str__", "__repr__")
        expect_refusal("format", lambda: format(u), "__str__", "__repr__", "__format__")
        expect_refusal("hash", lambda: hash(u), "__hash__")
        expect_refusal("==", lambda: u == u, "__eq__")
        expect_refusal("!=", lambda: u != 1, "__ne__", "__eq__")
        expect_refusal("<", lambda: u < u, "__lt__")
        expect_refusal("bool", lambda: bool(u), "__bool__", "__len__")
        expect_refusal("len", lambda: len(u), "__len__")
        expect_refusal("iter", lambda: list(u), "__iter__")
        expect_refusal("in", lambda: None in u, "__contains__")
        expect_refusal("[0]", lambda: u[0], "__getitem__")
        expect_refusal("int", lambda: int(u), "__int__", "__index__")
        expect_refusal("float", lambda: float(u), "__float__")
        expect_refusal("copy", lambda: copy.copy(u), "__copy__", "__getstate__")
        expect_refusal("deepcopy", lambda: copy.deepcopy(u), "__deepcopy__", "__getstate__")
        expect_refusal("pickle", lambda: pickle.dumps(u), "__getstate__", "__reduce__")

        # Every property and method the class binds, with as many arguments as it takes.
        for name, attribute in sorted(attributes.items()):
            if name in ("__init__", "__new__", "__setstate__") or name.startswith("_pybind11"):
                continue  # what gives an instance its value, and pybind11's own cross-module hook
            if type(attribute).__name__ == "pybind11_static_property":
                continue  # of the class, not of an instance: enum __members__, __doc__
            if isinstance(attribute, property):
                expect_refusal(f".{name}", lambda: getattr(u, name))
            elif type(attribute).__name__ == "instancemethod":
                for arity in range(6):
                    kind, text = outcome(lambda: getattr(u, name)(*[None] * arity))
                    # Too few or too many arguments: pybind11 says so (operators: NotImplemented)
                    # before it looks at self.
                    if "incompatible function arguments" not in text and text != "NotImplemented":
                        break
                expect_refusal(f".{name}() with {arity} arguments", lambda: getattr(u, name)(*[None] * arity))

        # Every function of the module, given the object as its first or second argument:
        # refused one way or another (a function taking the class says it is not initialised,
        # others that it is the wrong type), never computed with.
        for fname in dir(core):
            function = getattr(core, fname)
            if isinstance(function, type) or not isinstance(function, types.BuiltinFunctionType):
                continue
            for args in ((u,), (u, "en"), (u, u), (kc.Month(2021, 5), u)):
                kind, text = outcome(lambda: function(*args))
                if kind == "ok":
                    problems.append(f"{fname}{tuple(type(a).__name__ for a in args)} returned {text}")
        return problems

    classes = exported_classes()
    if sys.argv[1] == "list":
        print(json.dumps(sorted(classes)))
        sys.exit()
    for name in json.loads(sys.argv[1]):
        print("START " + name, flush=True)
        print("DONE " + json.dumps({"class": name, "problems": probe(classes[name])}), flush=True)
    '''
)


def class_names() -> list[str]:
    listing = subprocess.run(
        [sys.executable, "-c", PROBE, "list"], capture_output=True, text=True, timeout=120, check=True
    )
    names: list[str] = json.loads(listing.stdout)
    return names


def run_probe(names: list[str]) -> tuple[dict[str, list[str]], str | None, str]:
    """Probes the classes `names` in one subprocess: the problems of each class probed, the
    class being probed when the subprocess died (None if it did not), and its stderr."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(names)], capture_output=True, text=True, timeout=300, check=False
    )
    results: dict[str, list[str]] = {}
    started: str | None = None
    for line in done.stdout.splitlines():
        if line.startswith("START "):
            started = line.removeprefix("START ")
        elif line.startswith("DONE "):
            report = json.loads(line.removeprefix("DONE "))
            results[report["class"]] = report["problems"]
            started = None
    assert done.returncode == 0 or started is not None, done.stderr  # died outside any class
    return results, (started if done.returncode != 0 else None), done.stderr


def test_every_class_refuses_use_before_initialisation() -> None:
    names = class_names()
    assert len(names) >= 60 and "Month" in names and "iterator over Month" in names
    results: dict[str, list[str]] = {}
    crashes: dict[str, str] = {}
    remaining = names
    while remaining:
        found, crashed, stderr = run_probe(remaining)
        results.update(found)
        if crashed is not None:
            crashes[crashed] = stderr[-500:]
        remaining = [n for n in names if n not in results and n not in crashes]
    assert not crashes, crashes
    problems = {name: found for name, found in results.items() if found}
    assert not problems, json.dumps(problems, indent=1)


# --- the reproducers of issue 10, one by one ----------------------------------------------


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize(
    ("expression", "name"),
    [
        ("repr(kc.CountRow.__new__(kc.CountRow))", "CountRow"),
        ("repr(kc.DepartureRow.__new__(kc.DepartureRow))", "DepartureRow"),
        ("repr(kc.Series.__new__(kc.Series))", "Series"),
        ('kc.render_markdown(kc.KeyFigures.__new__(kc.KeyFigures), "en")', "KeyFigures"),
        ('repr(pickle.loads(b"\\x80\\x02ckerncijfers\\nSeries\\n)\\x81."))', "Series"),
        ("kc.Month.__new__(kc.Month).iso()", "Month"),
        ("len(kc.CountsTable.__new__(kc.CountsTable))", "CountsTable"),
    ],
)
def test_issue_reproducers_raise_type_error(expression: str, name: str) -> None:
    code = f"""
import pickle
import kerncijfers as kc
try:
    {expression}
except TypeError as error:
    print(error)
else:
    print("no error")
"""
    done = run_python(code)
    assert done.returncode == 0, done.stderr  # not killed by a signal
    assert done.stdout.startswith(f"kerncijfers.{name} object is not initialised: it was made by {name}.__new__()"), (
        done.stdout
    )


# The checks below use uninitialised objects too, so they also run in a subprocess: before
# the fix they would have killed pytest rather than failed.
PRELUDE = textwrap.dedent(
    r"""
    import copy, pickle, re
    import kerncijfers as kc

    def refused(action, pattern):
        try:
            action()
        except TypeError as error:
            assert re.search(pattern, str(error)), str(error)
        else:
            raise AssertionError(f"no TypeError matching {pattern!r}")
    """
)


def run_isolated(code: str) -> None:
    done = run_python(PRELUDE + textwrap.dedent(code) + "\nprint('all done')\n")
    assert done.returncode == 0 and done.stdout.endswith("all done\n"), f"exit {done.returncode}\n{done.stderr}"


def test_the_message_says_how_to_get_a_value() -> None:
    run_isolated(
        r"""
        refused(lambda: kc.Month.__new__(kc.Month).iso(),
                r"^kerncijfers\.Month object is not initialised: .* call Month\(\.\.\.\) to create one$")
        # A class without a Python constructor.
        refused(lambda: repr(kc.KeyFigures.__new__(kc.KeyFigures)),
                r"^kerncijfers\.KeyFigures object is not initialised: .*KeyFigures objects come from the "
                r"functions and readers that return them$")
        """
    )


def test_pickling_copying_and_subclassing_still_work() -> None:
    run_isolated(
        r"""
        month = kc.Month(2021, 5)
        series = kc.Series(kc.PeriodRange(kc.Month(2021, 1), kc.Month(2021, 3)), [1, 2, 3])
        # An enum member (an enum.Enum) pickles and copies as itself.
        assert pickle.loads(pickle.dumps(kc.Language.en)) is kc.Language.en is copy.deepcopy(kc.Language.en)
        for value in (month, series, kc.PeriodRange(month), kc.RoundedDecimal(7690, 1)):
            assert pickle.loads(pickle.dumps(value)) == value
            assert copy.copy(value) == value and copy.deepcopy(value) == value
            # What pickle does: __new__, then __setstate__ gives it its value.
            blank = type(value).__new__(type(value))
            blank.__setstate__(value.__getstate__())
            assert blank == value

        class Later(kc.Month):
            pass

        assert Later(2021, 5).iso() == "2021-05" and isinstance(Later(2021, 5), kc.Month)
        refused(lambda: Later.__new__(Later).iso(), r"^kerncijfers\.Month object is not initialised")
        """
    )


def test_an_init_that_failed_leaves_no_usable_object() -> None:
    run_isolated(
        r"""
        blank = kc.Month.__new__(kc.Month)
        try:
            blank.__init__(2021, 13)
        except kc.InvalidInput:
            pass
        refused(lambda: blank.iso(), r"^kerncijfers\.Month object is not initialised")
        blank.__init__(2021, 5)
        assert blank.iso() == "2021-05"
        """
    )


def test_passing_an_uninitialised_object_to_a_function() -> None:
    run_isolated(
        r"""
        refused(lambda: kc.render_markdown(kc.KeyFigures.__new__(kc.KeyFigures), "en"),
                r"^kerncijfers\.KeyFigures object is not initialised")
        # Also where the binding unpacks an object itself rather than through its signature.
        refused(lambda: kc.PeriodRange(kc.Month.__new__(kc.Month)), r"^kerncijfers\.Month object is not initialised")
        refused(lambda: kc.Series.__new__(kc.Series).values, r"^kerncijfers\.Series object is not initialised")
        """
    )
