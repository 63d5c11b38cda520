// Eurostat's citizenship and reporting-country codes (eurostat_codes.hpp).
#include "bindings.hpp"

#include <kerncijfers/eurostat_codes.hpp>

namespace kerncijfers::python {

void register_eurostat_codes(py::module_& m) {
  m.def("nationality_from_eurostat", &nationality_from_eurostat, py::arg("code"),
        "The nationality of a Eurostat citizen or geo code (\"SY\" -> SYR, \"EL\" -> GRC, \"UNK\" -> XXX, "
        "\"UK_OCT\" -> GBD); None for aggregates and codes Eurostat does not use.");
  m.def("nationality_of_eurostat", &nationality_of_eurostat, py::arg("code"),
        "As nationality_from_eurostat, but raises UnknownCode naming the code (InvalidInput for an aggregate).");
  m.def("is_eurostat_aggregate", &is_eurostat_aggregate, py::arg("code"),
        "True for Eurostat's aggregate codes (TOTAL, EU27_2020, EXT_EU27_2020, ...): sums, never a nationality.");
  m.def(
      "eurostat_code", [](nationality n) { return std::string(eurostat_code(n)); }, py::arg("nationality"),
      "Eurostat's code for a nationality: its alpha-2 code or Eurostat's own (GRC -> \"EL\", XXA -> \"STLS\"); "
      "\"\" for a former state.");
  m.def("eurostat_geo_name", &eurostat_geo_name, py::arg("geo"), py::arg("language") = language::nl,
        "The name of a reporting country or aggregate: \"DE\" -> \"Duitsland\" / \"Germany\".");
}

}  // namespace kerncijfers::python
