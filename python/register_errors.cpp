// The exception hierarchy of errors.hpp, as Python classes: bad values are ValueError
// subclasses, unknown codes KeyError subclasses, and the messages are the C++ ones.
#include <pybind11/stl.h>

#include "bindings.hpp"

#include <kerncijfers/errors.hpp>

namespace kerncijfers::python {

namespace {

py::object make_exception_class(py::module_& m, const char* name, const py::handle& base, const char* doc) {
  const std::string qualified = std::string("kerncijfers.") + name;
  py::object cls = py::reinterpret_steal<py::object>(
      PyErr_NewExceptionWithDoc(qualified.c_str(), doc, base.ptr(), nullptr));
  if (!cls) throw py::error_already_set();
  m.add_object(name, cls);
  return cls;
}

void raise(const py::object& cls, const char* message) {
  PyErr_SetObject(cls.ptr(), py::str(message).ptr());
}

}  // namespace

void register_errors(py::module_& m) {
  // Kept alive for the lifetime of the interpreter: the translator refers to them.
  static py::object invalid_input_cls = make_exception_class(
      m, "InvalidInput", PyExc_ValueError, "A value that is not acceptable input (C++ kerncijfers::invalid_input).");
  static py::object parse_error_cls = make_exception_class(
      m, "ParseError", invalid_input_cls, "Text that does not parse (C++ kerncijfers::parse_error); .input holds it.");
  static py::object range_error_cls = make_exception_class(
      m, "RangeError", invalid_input_cls, "An empty, reversed or gapped range (C++ kerncijfers::range_error).");
  static py::object count_error_cls = make_exception_class(
      m, "CountError", invalid_input_cls,
      "A negative count, a part above its whole, a zero total (C++ kerncijfers::count_error).");
  static py::object overflow_error_cls = make_exception_class(
      m, "CountOverflowError", invalid_input_cls,
      "A sum of counts that does not fit in 64 bits (C++ kerncijfers::overflow_error).");
  static py::object unknown_designation_cls = make_exception_class(
      m, "UnknownDesignation", invalid_input_cls,
      "A safe-country question the sources cannot answer (C++ kerncijfers::unknown_designation).");
  static py::object unknown_code_cls = make_exception_class(
      m, "UnknownCode", PyExc_KeyError,
      "A code or name that is not in its table (C++ kerncijfers::unknown_code); .code and .suggestions.");
  // KeyError's str() is the repr of its argument; ours shows the message as written.
  unknown_code_cls.attr("__str__") = py::reinterpret_steal<py::object>(PyObject_GetAttrString(PyExc_Exception, "__str__"));

  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const parse_error& e) {
      py::object error = parse_error_cls(py::str(e.what()));
      error.attr("input") = e.input();
      PyErr_SetObject(parse_error_cls.ptr(), error.ptr());
    } catch (const range_error& e) {
      raise(range_error_cls, e.what());
    } catch (const count_error& e) {
      raise(count_error_cls, e.what());
    } catch (const overflow_error& e) {
      raise(overflow_error_cls, e.what());
    } catch (const unknown_designation& e) {
      raise(unknown_designation_cls, e.what());
    } catch (const invalid_input& e) {
      raise(invalid_input_cls, e.what());
    } catch (const unknown_code& e) {
      py::object error = unknown_code_cls(py::str(e.what()));
      error.attr("code") = e.code();
      error.attr("suggestions") = py::cast(e.suggestions());
      PyErr_SetObject(unknown_code_cls.ptr(), error.ptr());
    }
  });
}

}  // namespace kerncijfers::python
