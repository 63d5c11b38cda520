// The exception hierarchy of errors.hpp, as Python classes: bad values are ValueError
// subclasses, unknown codes KeyError subclasses, and the messages are the C++ ones.
//
// Any bytes a C++ message or value holds must reach Python: a translator that fails to
// build its exception would replace the error with a UnicodeDecodeError (the issue-10 bug).
// Messages are decoded with "backslashreplace" (they are UTF-8 already when built with
// `quote`; this guards the rest); the raw values `.input` and `.code` with
// "surrogateescape", so they keep every byte, as os.fsdecode does for file names:
// `e.input.encode("utf-8", "surrogateescape")` gives the bytes back.

#include <cstring>
#include <string_view>

#include "bindings.hpp"

#include <kerncijfers/csv.hpp>
#include <kerncijfers/errors.hpp>

namespace kerncijfers::python {

namespace {

py::object make_exception_class(py::module_& m, const char* name, const py::handle& base, const char* doc) {
  const std::string qualified = std::string("kerncijfers.") + name;
  py::object cls =
      py::reinterpret_steal<py::object>(PyErr_NewExceptionWithDoc(qualified.c_str(), doc, base.ptr(), nullptr));
  if (!cls) throw py::error_already_set();
  m.add_object(name, cls);
  return cls;
}

py::str decode(std::string_view text, const char* errors) {
  PyObject* decoded = PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), errors);
  if (decoded == nullptr) throw py::error_already_set();  // only out of memory: both handlers accept any byte
  return py::reinterpret_steal<py::str>(decoded);
}

// A message as Python text, whatever bytes it holds.
py::str message_text(const std::exception& e) {
  return decode(std::string_view(e.what(), std::strlen(e.what())), "backslashreplace");
}

// A value from the input (a field, a code) as Python text that keeps every byte.
py::str raw_text(std::string_view value) { return decode(value, "surrogateescape"); }

void raise(const py::object& cls, const std::exception& e) { PyErr_SetObject(cls.ptr(), message_text(e).ptr()); }

}  // namespace

void register_errors(py::module_& m) {
  // Kept alive for the lifetime of the interpreter: the translator refers to them.
  static py::object invalid_input_cls = make_exception_class(
      m, "InvalidInput", PyExc_ValueError, "A value that is not acceptable input (C++ kerncijfers::invalid_input).");
  static py::object parse_error_cls = make_exception_class(
      m, "ParseError", invalid_input_cls,
      "Text that does not parse (C++ kerncijfers::parse_error); .input holds it as given (bytes that are not UTF-8 "
      "as surrogate escapes: .input.encode('utf-8', 'surrogateescape') gives them back).");
  static py::object range_error_cls = make_exception_class(
      m, "RangeError", invalid_input_cls, "An empty, reversed or gapped range (C++ kerncijfers::range_error).");
  static py::object count_error_cls =
      make_exception_class(m, "CountError", invalid_input_cls,
                           "A negative count, a part above its whole, a zero total (C++ kerncijfers::count_error).");
  static py::object overflow_error_cls =
      make_exception_class(m, "CountOverflowError", invalid_input_cls,
                           "A sum of counts that does not fit in 64 bits (C++ kerncijfers::overflow_error).");
  static py::object unknown_designation_cls =
      make_exception_class(m, "UnknownDesignation", invalid_input_cls,
                           "A safe-country question the sources cannot answer (C++ kerncijfers::unknown_designation).");
  static py::object unknown_code_cls = make_exception_class(
      m, "UnknownCode", PyExc_KeyError,
      "A code or name that is not in its table (C++ kerncijfers::unknown_code); .code (as given, bytes that are not "
      "UTF-8 as surrogate escapes) and .suggestions.");
  // KeyError's str() is the repr of its argument; ours shows the message as written.
  unknown_code_cls.attr("__str__") =
      py::reinterpret_steal<py::object>(PyObject_GetAttrString(PyExc_Exception, "__str__"));

  // The vocabulary of "missing value" in messages: kerncijfers.pandas words a missing value
  // in a DataFrame as the CSV readers word one in a file.
  m.def(
      "is_missing_marker", [](std::string_view value) { return csv::is_missing_marker(value); }, py::arg("value"),
      "Whether a text says that a value is missing: empty, #N/A, N/A, n.a., n.v.t., -, .., : or ? (any case, "
      "surrounding spaces ignored). NA is not one: it is Namibia's code.");

  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const parse_error& e) {
      py::object error = parse_error_cls(message_text(e));
      error.attr("input") = raw_text(e.input());
      PyErr_SetObject(parse_error_cls.ptr(), error.ptr());
    } catch (const range_error& e) {
      raise(range_error_cls, e);
    } catch (const count_error& e) {
      raise(count_error_cls, e);
    } catch (const overflow_error& e) {
      raise(overflow_error_cls, e);
    } catch (const unknown_designation& e) {
      raise(unknown_designation_cls, e);
    } catch (const invalid_input& e) {
      raise(invalid_input_cls, e);
    } catch (const unknown_code& e) {
      py::object error = unknown_code_cls(message_text(e));
      error.attr("code") = raw_text(e.code());
      py::list suggestions;
      for (const std::string& name : e.suggestions()) suggestions.append(raw_text(name));
      error.attr("suggestions") = suggestions;
      PyErr_SetObject(unknown_code_cls.ptr(), error.ptr());
    }
  });
}

}  // namespace kerncijfers::python
