// ObservationFlags (kerncijfers/observation_flags.hpp).
#include "bindings.hpp"

#include <cstdint>
#include <string>

#include <kerncijfers/observation_flags.hpp>

namespace kerncijfers::python {

void register_observation_flags(py::module_& m) {
  py::class_<observation_flags> cls(m, "ObservationFlags",
                                    "The flags a source attaches to a number: lower-case letters a-z, e.g. 'p' "
                                    "provisional, 'e' estimated, 'b' break, 'c' confidential. A set: the letters "
                                    "come back sorted, a repeated letter counts once.");
  cls.def(py::init([](const std::string& letters) { return observation_flags::parse(letters); }),
          py::arg("letters") = "", "The flags named by the letters ('ep'); '' for none.")
      .def_static("parse", &observation_flags::parse, py::arg("letters"),
                  "The flags named by the letters; ParseError for anything but lower-case a-z.")
      .def_static("from_bits", &observation_flags::from_bits, py::arg("bits"),
                  "The flags of a bit pattern (bit 0 is 'a', bit 25 is 'z'), as bits() gives it.")
      .def("bits", &observation_flags::bits, "The set as bits: bit 0 is 'a', ..., bit 25 is 'z'.")
      .def("has", &observation_flags::has, py::arg("letter"), "True when the letter is in the set.")
      .def("provisional", &observation_flags::provisional, "'p': the source may still revise the number.")
      .def("estimated", &observation_flags::estimated, "'e': the source estimated the number.")
      .def("letters", &observation_flags::letters, "The letters, sorted ('ep'); '' for none.")
      .def("__len__", &observation_flags::size)
      .def("__bool__", [](observation_flags f) { return !f.empty(); })
      .def(
          "__contains__",
          [](observation_flags f, const py::object& letter) {
            if (!py::isinstance<py::str>(letter)) return false;
            const std::string text = letter.cast<std::string>();
            return text.size() == 1 && f.has(text[0]);
          },
          py::arg("letter"))
      .def(
          "__or__",
          [](observation_flags a, const py::object& b) -> py::object {
            if (!py::isinstance<observation_flags>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::cast(a | b.cast<observation_flags>());
          },
          py::arg("other"))
      .def("__str__", &observation_flags::letters)
      .def("__repr__", [](observation_flags f) { return "ObservationFlags('" + f.letters() + "')"; });
  def_equality<observation_flags>(cls);
  def_ordering<observation_flags>(cls);
  def_hash<observation_flags>(cls);
  def_copy<observation_flags>(cls);
  def_pickle<observation_flags>(
      cls, [](observation_flags f) { return py::make_tuple(f.letters()); },
      [](const py::tuple& s) { return observation_flags::parse(s[0].cast<std::string>()); });
}

}  // namespace kerncijfers::python
