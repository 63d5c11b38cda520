// Nationality, NationalityKind, NationalityEntry: kerncijfers::nationality and its table.
#include <pybind11/stl.h>

#include "bindings.hpp"

#include <kerncijfers/nationality.hpp>

namespace kerncijfers::python {

namespace {

std::vector<std::string> to_strings(std::span<const std::string_view> views) { return {views.begin(), views.end()}; }

}  // namespace

void register_nationality(py::module_& m) {
  def_enum<nationality_kind>(
      m, "NationalityKind", "Where a nationality code comes from.",
      {{"iso", nationality_kind::iso, "current ISO 3166-1"},
       {"statistical", nationality_kind::statistical, "used in statistics, not in ISO: unknown, stateless, Kosovo"},
       {"former", nationality_kind::former, "a former state (ISO 3166-3)"}});

  py::class_<nationality> cls(m, "Nationality",
                              "A nationality: an ISO 3166-1 alpha-3 code, or a statistical or former code "
                              "(unknown XXX, stateless XXA, Kosovo XKX, YUG, SUN, SCG, CSK).");
  cls.def(py::init([](const std::string& text) { return nationality::lookup(text); }), py::arg("text") = "XXX",
          "The nationality named by any code or name (as lookup); Nationality() is unknown.")
      .def_static("lookup", &nationality::lookup, py::arg("text"),
                  "By any code (alpha-3, alpha-2, numeric, Eurostat) or Dutch/English name, forgiving case, "
                  "diacritics and spacing. Raises UnknownCode with suggestions.")
      .def_static("find", &nationality::find, py::arg("text"), "As lookup, but None where lookup would raise.")
      .def_static("from_alpha3", &nationality::from_alpha3, py::arg("code"), "By exact alpha-3 code only.")
      .def_static("unknown", &nationality::unknown, "Unknown nationality, XXX (Onbekend).")
      .def_static("stateless", &nationality::stateless, "Stateless, XXA (Staatloos).")
      .def_static("kosovo", &nationality::kosovo, "Kosovo, XKX.")
      .def_static(
          "all",
          [] {
            std::vector<nationality> out;
            for (const auto& entry : nationality::all()) out.push_back(entry.code);
            return out;
          },
          "Every nationality in the table, sorted by alpha-3 code.")
      .def_property_readonly("alpha3", [](nationality n) { return std::string(n.alpha3()); })
      .def_property_readonly("alpha2", [](nationality n) { return std::string(n.alpha2()); })
      .def_property_readonly("numeric", &nationality::numeric)
      .def_property_readonly("kind", &nationality::kind)
      .def("is_iso", &nationality::is_iso)
      .def(
          "name", [](nationality n, const py::object& lang) { return std::string(n.name(to_language(lang))); },
          py::arg("lang") = "nl", "Display name: 'Syrië' / 'Syria'.")
      .def(
          "aliases",
          [](nationality n, const py::object& lang) { return to_strings(n.entry().aliases(to_language(lang))); },
          py::arg("lang") = "nl", "Other accepted names in the language.")
      .def(
          "other_codes", [](nationality n) { return to_strings(n.entry().other_codes); },
          "Other accepted codes (Eurostat: EL, UK, STLS, UNK).")
      .def("__repr__", [](nationality n) { return "Nationality('" + std::string(n.alpha3()) + "')"; })
      .def("__str__", [](nationality n) { return std::string(n.alpha3()); });
  def_equality<nationality>(cls);
  def_ordering<nationality>(cls);
  def_hash<nationality>(cls);
  def_copy<nationality>(cls);
  def_pickle<nationality>(
      cls, [](nationality n) { return py::make_tuple(std::string(n.alpha3())); },
      [](const py::tuple& state) { return nationality::from_alpha3(state[0].cast<std::string>()); });
}

}  // namespace kerncijfers::python
