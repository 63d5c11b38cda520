#pragma once
// Helpers shared by the register_<concept>.cpp files: the Python protocol every value
// type gets (repr, eq, hash, copy, pickle) and the conversion of a language argument.

#include <pybind11/native_enum.h>
#include <pybind11/pybind11.h>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <kerncijfers/language.hpp>
#include <kerncijfers/rolling.hpp>

namespace kerncijfers::python {

namespace py = pybind11;

/// Version of the pickled state of every kerncijfers value type. Bump it only together
/// with a loader for the previous version: pickles in saved notebooks must keep loading.
inline constexpr int pickle_format_version = 1;

/// Accepts `Language.nl`, `"nl"` or `"en"`.
inline language to_language(const py::handle& value) {
  if (py::isinstance<language>(value)) return value.cast<language>();
  if (py::isinstance<py::str>(value)) return parse_language(value.cast<std::string>());
  throw py::type_error("language must be kerncijfers.Language or \"nl\"/\"en\", not " +
                       std::string(py::str(py::type::handle_of(value).attr("__name__"))));
}

/// A file name as Python text, decoded as `os.fsdecode` does: on POSIX a name is any bytes,
/// and bytes that are not UTF-8 become lone surrogates (`surrogateescape`), so the name
/// round-trips through `os.fsencode` and `file_name_from_python` instead of raising
/// UnicodeDecodeError.
inline py::str file_name_to_python(const std::string& name) {
  return py::reinterpret_steal<py::str>(
      PyUnicode_DecodeFSDefaultAndSize(name.data(), static_cast<py::ssize_t>(name.size())));
}

/// The bytes of a file name given as `str` (encoded as `os.fsencode` does), `bytes` or an
/// `os.PathLike`; TypeError naming `what` for anything else.
inline std::string file_name_from_python(const py::handle& value, const char* what) {
  py::object path = py::reinterpret_borrow<py::object>(value);
  if (!py::isinstance<py::str>(path) && !py::isinstance<py::bytes>(path)) {
    PyObject* fspath = PyOS_FSPath(value.ptr());
    if (fspath == nullptr) {
      PyErr_Clear();
      throw py::type_error(std::string(what) + " must be a str, bytes or os.PathLike, not " +
                           py::str(py::type::handle_of(value).attr("__name__")).cast<std::string>());
    }
    path = py::reinterpret_steal<py::object>(fspath);
  }
  if (py::isinstance<py::bytes>(path)) return path.cast<std::string>();
  const py::object encoded = py::reinterpret_steal<py::object>(PyUnicode_EncodeFSDefault(path.ptr()));
  if (!encoded) throw py::error_already_set();
  return encoded.cast<std::string>();
}

/// `==` and `!=` with the same type; other types compare unequal instead of raising.
template <class T, class Class>
void def_equality(Class& cls) {
  cls.def("__eq__", [](const T& self, const py::object& other) -> py::object {
    if (!py::isinstance<T>(other)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
    return py::bool_(self == other.cast<const T&>());
  });
  cls.def("__ne__", [](const T& self, const py::object& other) -> py::object {
    if (!py::isinstance<T>(other)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
    return py::bool_(!(self == other.cast<const T&>()));
  });
}

/// `<`, `<=`, `>`, `>=` with the same type only (other types: TypeError, as Python does).
template <class T, class Class>
void def_ordering(Class& cls) {
  auto op = [&cls](const char* name, auto compare) {
    cls.def(name, [compare](const T& self, const py::object& other) -> py::object {
      if (!py::isinstance<T>(other)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
      return py::bool_(compare(self, other.cast<const T&>()));
    });
  };
  op("__lt__", [](const T& a, const T& b) { return a < b; });
  op("__le__", [](const T& a, const T& b) { return a <= b; });
  op("__gt__", [](const T& a, const T& b) { return a > b; });
  op("__ge__", [](const T& a, const T& b) { return a >= b; });
}

/// `__hash__` from std::hash, consistent with `__eq__`.
template <class T, class Class>
void def_hash(Class& cls) {
  cls.def("__hash__", [](const T& self) { return static_cast<py::ssize_t>(std::hash<T>{}(self)); });
}

/// `copy.copy` and `copy.deepcopy`: value types copy their C++ value.
template <class T, class Class>
void def_copy(Class& cls) {
  cls.def("__copy__", [](const T& self) { return T(self); });
  cls.def(
      "__deepcopy__", [](const T& self, const py::dict&) { return T(self); }, py::arg("memo"));
}

/// Pickling as `(format_version, state)`. `get_state` returns a tuple of plain Python
/// values; `set_state` rebuilds the value from it.
template <class T, class Class, class GetState, class SetState>
void def_pickle(Class& cls, GetState get_state, SetState set_state) {
  cls.def(py::pickle([get_state](const T& self) { return py::make_tuple(pickle_format_version, get_state(self)); },
                     [set_state](const py::tuple& pickled) {
                       if (pickled.size() != 2) throw std::runtime_error("kerncijfers: invalid pickled state");
                       const int format = pickled[0].cast<int>();
                       if (format < 1 || format > pickle_format_version) {
                         throw std::runtime_error("kerncijfers: pickle format " + std::to_string(format) +
                                                  " is newer than this version of kerncijfers understands");
                       }
                       return set_state(pickled[1].cast<py::tuple>());
                     }));
}

/// One member of a bound enum: its Python name, its C++ value and (optionally) a docstring.
template <class E>
struct enum_member {
  std::string name;
  E value;
  std::string doc = {};
};

/// Declares the C++ enum `E` as `name`, a Python `enum.Enum` subclass in `m` (pybind11's
/// native_enum: members are Enum members, so `is`, `Enum` APIs, pickling by name and
/// `typing` all work as for any Python enum), and returns the class, for `def_method`.
template <class E>
py::object def_enum(py::module_& m, const char* name, const char* doc, const std::vector<enum_member<E>>& members) {
  py::native_enum<E> e(m, name, "enum.Enum", doc);
  for (const enum_member<E>& member : members) {
    e.value(member.name.c_str(), member.value, member.doc.empty() ? nullptr : member.doc.c_str());
  }
  e.finalize();
  return m.attr(name);
}

/// Defines method `name` on the class `cls` as `py::class_::def` does (a pybind11 function
/// with its signature and docstring); for classes that are not a `py::class_` (the enums of
/// `def_enum`) and for the methods whose body is Python (register_python_methods.cpp).
template <class Func, class... Extra>
void def_method(const py::object& cls, const char* name, Func&& f, const Extra&... extra) {
  const py::cpp_function method(std::forward<Func>(f), py::name(name), py::is_method(cls),
                                py::sibling(py::getattr(cls, name, py::none())), extra...);
  py::setattr(cls, name, method);
}

/// `__str__` from `operator<<`.
template <class T, class Class>
void def_str_from_stream(Class& cls) {
  cls.def("__str__", [](const T& self) {
    std::ostringstream out;
    out << self;
    return out.str();
  });
}

// One register function per concept (python/register_<concept>.cpp).
void register_errors(py::module_& m);
void register_language(py::module_& m);
void register_period(py::module_& m);
void register_period_range(py::module_& m);
void register_nationality(py::module_& m);
void register_eurostat_codes(py::module_& m);
void register_safe_countries(py::module_& m);
void register_share(py::module_& m);
void register_rounding(py::module_& m);
void register_series(py::module_& m);      // before register_rolling: its Series overloads come first
void register_rolling(py::module_& m);     // rolling.hpp and panel.hpp
void register_top_shares(py::module_& m);  // top_shares.hpp
void register_observation_flags(py::module_& m);
void register_counts(py::module_& m);
void register_eurostat(py::module_& m);  // eurostat.hpp
void register_cbs(py::module_& m);       // cbs.hpp
void register_departures(py::module_& m);
void register_key_figures(py::module_& m);
void register_render(py::module_& m);
void register_checked(py::module_& m);
void register_input_blocks(py::module_& m);    // input_blocks.hpp: the gzip inflater of the build
void register_europe(py::module_& m);          // europe.hpp
void register_frames(py::module_& m);          // bulk numpy <-> table conversions for kerncijfers.pandas
void register_arrow(py::module_& m);           // Arrow streams (__arrow_c_stream__) read into columns
void register_python_methods(py::module_& m);  // methods written in Python (DataFrames, notebook display): last

// Shared by register_rolling.cpp and register_series.cpp (defined in register_rolling.cpp).

/// Accepts `MissingPolicy.skip` or `"skip"`, `"as_zero"`, `"reject"`.
missing_policy to_missing_policy(const py::handle& value);

/// The options of a rolling call from its keyword arguments; `invalid_input` naming the
/// value for a negative window or min_periods (the C++ checks the rest).
rolling_options to_rolling_options(long long window, const py::handle& min_periods, const py::handle& missing);

}  // namespace kerncijfers::python
