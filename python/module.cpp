// kerncijfers._core: the C++ library as a Python module. Each concept registers itself
// from its own file; this file only fixes the order (types before the functions that
// use them).
#include "bindings.hpp"

#include <kerncijfers/version.hpp>

namespace py = pybind11;
namespace kcp = kerncijfers::python;

PYBIND11_MODULE(_core, m) {
  m.doc() = "kerncijfers: key figures on asylum and migration (compiled core)";
  m.attr("__version__") = kerncijfers::version;
  kcp::register_errors(m);
  kcp::register_language(m);
  kcp::register_period(m);
  kcp::register_period_range(m);
  kcp::register_nationality(m);
  kcp::register_safe_countries(m);
  kcp::register_share(m);
  kcp::register_rounding(m);
  kcp::register_checked(m);
  kcp::register_series(m);  // before register_rolling: its Series overloads are tried first
  kcp::register_rolling(m);
  kcp::register_top_shares(m);
  kcp::register_counts(m);
  kcp::register_departures(m);
  kcp::register_key_figures(m);
  kcp::register_render(m);
  kcp::register_frames(m);

  // The classes live in kerncijfers._core but belong to the package's public face:
  // reprs, docs and pickles name them kerncijfers.Month etc., so that the compiled
  // module can be reorganised without breaking saved pickles.
  for (const auto& item : m.attr("__dict__").cast<py::dict>()) {
    if (py::isinstance<py::type>(item.second)) {
      const py::object cls = py::reinterpret_borrow<py::object>(item.second);
      if (py::str(cls.attr("__module__")).cast<std::string>() == "kerncijfers._core") cls.attr("__module__") = "kerncijfers";
    }
  }
}
