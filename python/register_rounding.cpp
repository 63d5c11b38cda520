// RoundingMode, RoundedDecimal and the rounding functions (kerncijfers/rounding.hpp):
// exact integer rounding, largest remainder, the published-shares check.
#include <pybind11/stl.h>

#include <string>

#include "arrays.hpp"
#include "bindings.hpp"

#include <kerncijfers/rounding.hpp>

namespace kerncijfers::python {

namespace {

// A language argument for an overload that must not swallow other text: it takes only
// kerncijfers.Language, "nl" or "en", so that RoundedDecimal.format(",", ".") reaches the
// separators overload while format("nl") stays the language one, as in C++.
struct language_only {
  language value = language::nl;
};

}  // namespace

}  // namespace kerncijfers::python

namespace pybind11::detail {

template <>
struct type_caster<kerncijfers::python::language_only> {
  PYBIND11_TYPE_CASTER(kerncijfers::python::language_only, const_name("Language | Literal['nl', 'en']"));

  bool load(handle src, bool /*convert*/) {
    if (isinstance<kerncijfers::language>(src)) {
      value.value = src.cast<kerncijfers::language>();
      return true;
    }
    if (!isinstance<str>(src)) return false;
    const std::string text = src.cast<std::string>();
    if (text != "nl" && text != "en") return false;
    value.value = kerncijfers::parse_language(text);
    return true;
  }

  static handle cast(kerncijfers::python::language_only src, return_value_policy /*policy*/, handle /*parent*/) {
    return pybind11::cast(src.value).release();
  }
};

}  // namespace pybind11::detail

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
  def_enum<rounding_mode>(m, "RoundingMode", "How a value between two neighbours is rounded.",
                          {{"half_up", rounding_mode::half_up, "ties away from zero (7685 -> 7690)"},
                           {"half_even", rounding_mode::half_even, "ties to the even neighbour (7685 -> 7680)"},
                           {"floor", rounding_mode::floor, "toward minus infinity"},
                           {"ceiling", rounding_mode::ceiling, "toward plus infinity"}});
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
      // The two C++ overloads, with their parameters and defaults: format() is "7690" and
      // "59.6", as C++ and str() write it.
      .def(
          "format",
          [](const rounded_decimal& r, language_only lang, bool group_thousands) {
            return r.format(lang.value, group_thousands);
          },
          py::arg("lang"), py::arg("group_thousands") = true,
          "The number as written in lang: '7.690' and '59,6' (nl), '7,690' and '59.6' (en); without thousands "
          "separators when group_thousands is False.")
      .def(
          "format",
          [](const rounded_decimal& r, const std::string& decimal_separator, const std::string& thousands_separator) {
            return r.format(decimal_separator, thousands_separator);
          },
          py::arg("decimal_separator") = ".", py::arg("thousands_separator") = "",
          "The number with these separators: format(',', '.') is '7.690' and '59,6'; format() is '7690' and "
          "'59.6' (no grouping when thousands_separator is empty).")
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
