// kerncijfers.Language: the language of labels, names and pages.
#include "bindings.hpp"

#include <kerncijfers/language.hpp>

namespace kerncijfers::python {

void register_language(py::module_& m) {
  def_enum<language>(m, "Language", "Language of a label, a country name or a rendered page.",
                     {{"nl", language::nl, "Dutch"}, {"en", language::en, "English"}});
  m.def("parse_language", &parse_language, py::arg("text"), "Parses \"nl\" or \"en\".");
}

}  // namespace kerncijfers::python
