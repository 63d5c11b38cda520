// RoundingMode, RoundedDecimal and the rounding functions (kerncijfers/rounding.hpp):
// exact integer rounding, largest remainder, the published-shares check.
#include <pybind11/stl.h>

#include "arrays.hpp"
#include "bindings.hpp"

#include <kerncijfers/rounding.hpp>

namespace kerncijfers::python {

namespace {

carray<std::int64_t> new_int64_array(std::size_t n) { return carray<std::int64_t>(static_cast<py::ssize_t>(n)); }

rounding_mode to_mode(const py::handle& value) {
  if (py::isinstance<rounding_mode>(value)) return value.cast<rounding_mode>();
  if (py::isinstance<py::str>(value)) return parse_rounding_mode(value.cast<std::string>());
  throw py::type_error("mode must be kerncijfers.RoundingMode or a name like \"half-up\"");
}

}  // namespace

void register_rounding(py::module_& m) {
  py::enum_<rounding_mode>(m, "RoundingMode", "How a value between two neighbours is rounded.")
      .value("half_up", rounding_mode::half_up, "ties away from zero (7685 -> 7690)")
      .value("half_even", rounding_mode::half_even, "ties to the even neighbour (7685 -> 7680)")
      .value("floor", rounding_mode::floor, "toward minus infinity")
      .value("ceiling", rounding_mode::ceiling, "toward plus infinity");
  m.def("parse_rounding_mode", &parse_rounding_mode, py::arg("text"),
        "\"half-up\", \"half-even\", \"floor\", \"ceiling\".");

  py::class_<rounded_decimal> dec(m, "RoundedDecimal", "A rounded decimal: integer units of 10**-decimals.");
  dec.def(py::init<std::int64_t, int>(), py::arg("units"), py::arg("decimals"))
      .def_static(
          "from_ratio",
          [](std::int64_t num, std::int64_t den, int decimals, const py::object& mode) {
            return rounded_decimal::from_ratio(num, den, decimals, to_mode(mode));
          },
          py::arg("num"), py::arg("den"), py::arg("decimals") = 0, py::arg("mode") = "half-up")
      .def_property_readonly("units", &rounded_decimal::units)
      .def_property_readonly("decimals", &rounded_decimal::decimals)
      .def("to_float", &rounded_decimal::to_double)
      .def("__float__", &rounded_decimal::to_double)
      .def(
          "format",
          [](const rounded_decimal& r, const py::object& lang, bool group_thousands) {
            if (lang.is_none()) return r.format(".", group_thousands ? "," : "");
            return r.format(to_language(lang), group_thousands);
          },
          py::arg("lang") = py::none(), py::arg("group_thousands") = true,
          "'7.690' (nl) / '7,690' (en); without lang: '.' decimal point.")
      .def("__repr__", [](const rounded_decimal& r) {
        return "RoundedDecimal(" + std::to_string(r.units()) + ", " + std::to_string(r.decimals()) + ")";
      });
  def_str_from_stream<rounded_decimal>(dec);
  def_equality<rounded_decimal>(dec);
  def_ordering<rounded_decimal>(dec);
  def_hash<rounded_decimal>(dec);
  def_copy<rounded_decimal>(dec);
  def_pickle<rounded_decimal>(
      dec, [](const rounded_decimal& r) { return py::make_tuple(r.units(), r.decimals()); },
      [](const py::tuple& s) { return rounded_decimal(s[0].cast<std::int64_t>(), s[1].cast<int>()); });

  m.def(
      "round_ratio",
      [](std::int64_t num, std::int64_t den, int decimals, const py::object& mode) {
        return round_ratio(num, den, decimals, to_mode(mode));
      },
      py::arg("num"), py::arg("den"), py::arg("decimals") = 0, py::arg("mode") = "half-up",
      "num/den rounded exactly, in units of 10**-decimals (round_ratio(2675, 1000, 2) == 268).");
  m.def(
      "percent_units",
      [](const share<std::int64_t>& s, int decimals, const py::object& mode) {
        return percent_units(s, decimals, to_mode(mode));
      },
      py::arg("share"), py::arg("decimals") = 0, py::arg("mode") = "half-up",
      "The units (of 10**-decimals) of percent(share, decimals, mode).");
  m.def(
      "percent",
      [](const share<std::int64_t>& s, int decimals, const py::object& mode) {
        return percent(s, decimals, to_mode(mode));
      },
      py::arg("share"), py::arg("decimals") = 0, py::arg("mode") = "half-up",
      "The share as a rounded percentage (a RoundedDecimal).");
  m.def(
      "round_to_multiple",
      [](std::int64_t value, std::int64_t multiple, const py::object& mode) {
        return round_to_multiple(value, multiple, to_mode(mode));
      },
      py::arg("value"), py::arg("multiple"), py::arg("mode") = "half-up",
      "7685 -> 7690 half-up, 7680 half-even: 'rounded to tens'.");

  m.def(
      "largest_remainder",
      [](const py::object& values, std::int64_t target, int decimals) {
        const auto counts = to_int64_array(values, "counts");
        const auto in = counts.span();
        auto out = new_int64_array(in.size());
        auto parts = as_mutable_span(out);
        {
          py::gil_scoped_release release;
          largest_remainder(in, parts, target, decimals);
        }
        return out;
      },
      py::arg("counts"), py::arg("target") = 100, py::arg("decimals") = 0,
      "Largest-remainder (Hamilton) rounding of counts to parts that sum to exactly target (in units of "
      "10**-decimals). Ties: larger remainder, then larger count, then earlier position.");
  m.def(
      "independent_percentages",
      [](const py::object& values, int decimals, const py::object& mode) {
        const auto counts = to_int64_array(values, "counts");
        const auto in = counts.span();
        auto out = new_int64_array(in.size());
        auto parts = as_mutable_span(out);
        const rounding_mode chosen = to_mode(mode);
        {
          py::gil_scoped_release release;
          independent_percentages(in, parts, decimals, chosen);
        }
        return out;
      },
      py::arg("counts"), py::arg("decimals") = 0, py::arg("mode") = "half-up",
      "Each count's percentage of the total rounded on its own (as published pages do); may not sum to 100.");

  py::class_<published_shares_check>(m, "PublishedSharesCheck", "What check_published_shares found.")
      .def_readonly("sum", &published_shares_check::sum)
      .def_readonly("target", &published_shares_check::target)
      .def_readonly("sums_to_target", &published_shares_check::sums_to_target)
      .def_readonly("consistent_with_rounding", &published_shares_check::consistent_with_rounding)
      .def_readonly("message", &published_shares_check::message)
      .def("__repr__", [](const published_shares_check& c) { return "<PublishedSharesCheck: " + c.message + ">"; });
  m.def(
      "check_published_shares",
      [](const py::object& values, std::int64_t target) {
        const auto shares = to_int64_array(values, "shares");
        return check_published_shares(shares.span(), target);
      },
      py::arg("shares"), py::arg("target") = 100,
      "Whether published whole-unit shares sum to target and whether they can come from independent rounding.");
}

}  // namespace kerncijfers::python
