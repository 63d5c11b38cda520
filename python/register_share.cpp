// Share: kerncijfers::share<std::int64_t>, an exact part over a whole.
#include "bindings.hpp"

#include <kerncijfers/share.hpp>

namespace kerncijfers::python {

using share64 = share<std::int64_t>;

void register_share(py::module_& m) {
  py::class_<share64> cls(m, "Share",
                          "An exact share: part over whole (integers). part > whole, negative counts and a zero "
                          "whole raise CountError unless allow_undefined=True (then a zero whole gives an "
                          "undefined share).");
  cls.def(py::init([](std::int64_t part, std::int64_t whole, bool allow_undefined) {
            return allow_undefined ? share64(part, whole, share64::allow_undefined) : share64(part, whole);
          }),
          py::arg("part"), py::arg("whole"), py::kw_only(), py::arg("allow_undefined") = false)
      .def_static("undefined_if_zero", &share64::undefined_if_zero, py::arg("part"), py::arg("whole"))
      .def_property_readonly("part", &share64::part)
      .def_property_readonly("whole", &share64::whole)
      .def("defined", &share64::defined, "False for an undefined share (whole 0).")
      .def("fraction", &share64::fraction, "part / whole as a float (NaN when undefined).")
      .def("percent_double", &share64::percent_double,
           "100 * part / whole as a float (NaN when undefined); kerncijfers.percent() rounds it.")
      .def("same_counts", &share64::same_counts, py::arg("other"), "True when part and whole are both equal.")
      .def("__repr__",
           [](const share64& s) {
             return "Share(" + std::to_string(s.part()) + ", " + std::to_string(s.whole()) +
                    (s.defined() ? "" : ", allow_undefined=True") + ")";
           })
      .def("__float__", &share64::fraction);
  def_str_from_stream<share64>(cls);
  def_equality<share64>(cls);
  def_ordering<share64>(cls);
  def_hash<share64>(cls);
  def_copy<share64>(cls);
  def_pickle<share64>(
      cls, [](const share64& s) { return py::make_tuple(s.part(), s.whole()); },
      [](const py::tuple& state) {
        return share64(state[0].cast<std::int64_t>(), state[1].cast<std::int64_t>(), share64::allow_undefined);
      });
}

}  // namespace kerncijfers::python
