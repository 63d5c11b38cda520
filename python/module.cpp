// kerncijfers._core: the C++ library as a Python module. Each concept registers itself
// from its own file; this file only fixes the order (types before the functions that
// use them) and guards every class against use before initialisation.
#include "bindings.hpp"
#include "periods.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include <kerncijfers/period_range.hpp>
#include <kerncijfers/version.hpp>

namespace py = pybind11;
namespace kcp = kerncijfers::python;

namespace {

// An instance whose __init__ never ran -- made by cls.__new__(cls), by a pickle without
// state, or left behind by an __init__ that raised -- holds no C++ value. On its first use
// pybind11 allocates raw, uninitialised memory for the value (type_caster_generic::load_value
// calls type_info::operator_new) and the method reads whatever is there: segfaults and
// nonsense figures (issue 10). That allocation is the one place every such use passes
// through, and nothing else calls type_info::operator_new, so each class of this module
// gets one that raises TypeError instead. An initialised instance never gets there: hot
// calls cost nothing, and pickling (__new__ then __setstate__, which constructs the value),
// copying and subclassing behave as before.
//
// operator_new receives only a size, so each guarded class gets its own instantiation of
// refuse_uninitialised<I>, which knows the class by its slot.
constexpr std::size_t max_guarded_classes = 128;

// The TypeError message of each slot, set once at import.
std::array<std::string, max_guarded_classes>& refusal_messages() {
  static std::array<std::string, max_guarded_classes> messages;
  return messages;
}

template <std::size_t I>
void* refuse_uninitialised(std::size_t /*size*/) {
  throw py::type_error(refusal_messages()[I]);
}

template <std::size_t... I>
constexpr auto make_refusers(std::index_sequence<I...> /*slots*/) {
  return std::array<void* (*)(std::size_t), sizeof...(I)>{&refuse_uninitialised<I>...};
}

constexpr auto refusers = make_refusers(std::make_index_sequence<max_guarded_classes>{});

// The type_info of every class pybind11 has registered so far (one per C++ type).
std::vector<py::detail::type_info*> registered_classes() {
  return py::detail::with_internals([](py::detail::internals& internals) {
    std::vector<py::detail::type_info*> out;
    for (const auto& [type, infos] : internals.registered_types_py) {
      for (py::detail::type_info* info : infos) {
        if (info->type == type) out.push_back(info);  // not a Python subclass's cached entry
      }
    }
    return out;
  });
}

std::string refusal_message(PyTypeObject* type) {
  const py::handle cls(reinterpret_cast<PyObject*>(type));
  const std::string name = py::str(cls.attr("__qualname__")).cast<std::string>();
  const std::string module = py::str(cls.attr("__module__")).cast<std::string>();
  const bool ours = module.rfind("kerncijfers", 0) == 0;
  const std::string message = (ours ? "kerncijfers." + name : "a kerncijfers " + name) +
                              " object is not initialised: it was made by " + name + ".__new__() without a value";
  // A bound constructor is a pybind11 function (an instancemethod); a class without one has
  // only the slot wrapper that says "No constructor defined!".
  PyObject* init = PyDict_GetItemString(type->tp_dict, "__init__");  // borrowed
  if (init != nullptr && PyInstanceMethod_Check(init)) {
    return message + " (its __init__ never ran, or failed); call " + name + "(...) to create one";
  }
  return message + "; " + name + " objects come from the functions and readers that return them";
}

// make_iterator registers the class of its iterators on first use. Create them now, so
// that the guard below covers them like every other class.
void register_iterator_classes() {
  const auto iterate = [](auto unit) {
    using P = decltype(unit);
    (void)py::iter(py::cast(kcp::any_range{kerncijfers::period_range<P>(P{})}));
  };
  iterate(kerncijfers::iso_week{});
  iterate(kerncijfers::month{});
  iterate(kerncijfers::quarter{});
  iterate(kerncijfers::year{});
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  const std::vector<py::detail::type_info*> foreign = registered_classes();

  m.doc() = "kerncijfers: key figures on asylum and migration (compiled core)";
  m.attr("__version__") = kerncijfers::version;
  // The classes, enums and functions live in kerncijfers._core but belong to the package's
  // public face: pybind11 takes the __module__ of everything it creates from its scope's
  // __module__ (else its __name__), so with this set first they are created as
  // kerncijfers.Month etc. Reprs, docs and pickles name them so, and the compiled module
  // can be reorganised without breaking saved pickles.
  m.attr("__module__") = "kerncijfers";
  kcp::register_errors(m);
  kcp::register_language(m);
  kcp::register_period(m);
  kcp::register_period_range(m);
  kcp::register_nationality(m);
  kcp::register_eurostat_codes(m);
  kcp::register_safe_countries(m);
  kcp::register_share(m);
  kcp::register_rounding(m);
  kcp::register_checked(m);
  kcp::register_series(m);  // before register_rolling: its Series overloads are tried first
  kcp::register_rolling(m);
  kcp::register_top_shares(m);
  kcp::register_observation_flags(m);
  kcp::register_counts(m);
  kcp::register_eurostat(m);
  kcp::register_cbs(m);
  kcp::register_departures(m);
  kcp::register_key_figures(m);
  kcp::register_render(m);
  kcp::register_input_blocks(m);
  kcp::register_europe(m);  // after the Eurostat data and the observation flags it uses
  kcp::register_frames(m);
  kcp::register_arrow(m);
  kcp::register_python_methods(m);  // last: it adds methods to the classes above

  // Every class registered since the start of this function is ours: guard it.
  register_iterator_classes();
  const std::unordered_set<py::detail::type_info*> before(foreign.begin(), foreign.end());
  std::size_t slot = 0;
  for (py::detail::type_info* info : registered_classes()) {
    if (before.contains(info)) continue;
    if (slot == max_guarded_classes) {
      throw std::logic_error("kerncijfers._core: more than " + std::to_string(max_guarded_classes) +
                             " classes to guard against uninitialised use; raise max_guarded_classes");
    }
    refusal_messages()[slot] = refusal_message(info->type);
    info->operator_new = refusers[slot];
    ++slot;
  }
}
