// Checked 64-bit count arithmetic (kerncijfers/checked.hpp): sums that raise
// CountOverflowError instead of wrapping, as the C++ library does.
#include "arrays.hpp"
#include "bindings.hpp"

#include <kerncijfers/checked.hpp>

namespace kerncijfers::python {

void register_checked(py::module_& m) {
  m.def("checked_add", &checked_add<std::int64_t>, py::arg("a"), py::arg("b"),
        "a + b in int64; CountOverflowError instead of wrapping.");
  m.def("checked_sub", &checked_sub<std::int64_t>, py::arg("a"), py::arg("b"),
        "a - b in int64; CountOverflowError instead of wrapping.");
  m.def("checked_mul", &checked_mul<std::int64_t>, py::arg("a"), py::arg("b"),
        "a * b in int64; CountOverflowError instead of wrapping.");
  m.def(
      "checked_sum",
      [](const py::object& values) {
        const auto counts = to_int64_array(values, "counts");
        const auto span = counts.span();
        py::gil_scoped_release release;
        return checked_sum(span);
      },
      py::arg("counts"),
      "The exact int64 sum of integer counts; CountOverflowError naming the position where it would overflow.");
}

}  // namespace kerncijfers::python
