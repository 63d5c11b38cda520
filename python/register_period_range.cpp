// PeriodRange: kerncijfers::period_range<P> for every unit, as one Python class whose
// periods keep their own type (a range of Month yields Month objects).
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "periods.hpp"

#include <kerncijfers/period_range.hpp>

namespace kerncijfers::python {

namespace {

template <class Visitor>
auto visit(const any_range& r, Visitor&& visitor) {
  return std::visit(std::forward<Visitor>(visitor), r.value);
}

any_range make_range(const py::object& first, const py::object& last) {
  const any_period a = to_any_period(first);
  const any_period b = last.is_none() ? a : to_any_period(last);
  if (a.index() != b.index()) {
    throw py::type_error(std::string("a PeriodRange needs two periods of one unit, got ") +
                         std::visit([](auto p) { return python_name<decltype(p)>; }, a) + " and " +
                         std::visit([](auto p) { return python_name<decltype(p)>; }, b));
  }
  return std::visit(
      [&b](auto p) -> any_range {
        using P = decltype(p);
        return {period_range<P>(p, std::get<P>(b))};
      },
      a);
}

std::string repr(const any_range& r) {
  return visit(r, [](const auto& range) {
    using P = typename std::decay_t<decltype(range)>::value_type;
    auto one = [](P p) {
      if constexpr (P::per_year == 1)
        return std::string(python_name<P>) + "(" + std::to_string(p.year()) + ")";
      else
        return std::string(python_name<P>) + "(" + std::to_string(p.year()) + ", " + std::to_string(p.index()) + ")";
    };
    return "PeriodRange(" + one(range.first()) + ", " + one(range.last()) + ")";
  });
}

}  // namespace

void register_period_range(py::module_& m) {
  py::class_<any_range> cls(m, "PeriodRange",
                            "The periods first through last, both included (never empty). "
                            "All periods have one unit: IsoWeek, Month, Quarter or Year.");
  cls.def(py::init(&make_range), py::arg("first"), py::arg("last") = py::none(),
          "first through last (both included); PeriodRange(p) is the single period p.")
      .def_static(
          "parse",
          [](const std::string& text, const py::object& unit) -> any_range {
            if (unit.is(py::type::of<month>())) return {period_range<month>::parse(text)};
            if (unit.is(py::type::of<iso_week>())) return {period_range<iso_week>::parse(text)};
            if (unit.is(py::type::of<quarter>())) return {period_range<quarter>::parse(text)};
            if (unit.is(py::type::of<year>())) return {period_range<year>::parse(text)};
            throw py::type_error("unit must be IsoWeek, Month, Quarter or Year");
          },
          py::arg("text"), py::arg("unit"), "Parses '2020-06/2021-05' (or a single period) as a range of `unit`.")
      .def_property_readonly(
          "first", [](const any_range& r) { return visit(r, [](const auto& x) { return py::cast(x.first()); }); })
      .def_property_readonly(
          "last", [](const any_range& r) { return visit(r, [](const auto& x) { return py::cast(x.last()); }); })
      .def_property_readonly(
          "unit",
          [](const any_range& r) {
            return visit(r, [](const auto& x) {
              using P = typename std::decay_t<decltype(x)>::value_type;
              return py::object(py::type::of<P>());
            });
          },
          "The period class of the range (Month, ...).")
      .def("size", [](const any_range& r) { return visit(r, [](const auto& x) { return x.size(); }); })
      .def("__len__", [](const any_range& r) { return visit(r, [](const auto& x) { return x.size(); }); })
      .def(
          "__iter__",
          [](const any_range& r) {
            return visit(r, [](const auto& x) {
              return py::object(py::make_iterator<py::return_value_policy::copy>(x.begin(), x.end()));
            });
          },
          py::keep_alive<0, 1>())
      .def("__getitem__",
           [](const any_range& r, const py::handle& index) {
             const auto i = to_python_integer(index);
             if (!i) {
               throw py::type_error("PeriodRange indices must be integers, not " +
                                    std::string(py::str(py::type::handle_of(index).attr("__name__"))));
             }
             return visit(r, [&i](const auto& x) {
               const long long n = static_cast<long long>(x.size());
               // n is at most a few million, so i + n cannot overflow for a negative i.
               const long long j = i->value < 0 ? i->value + n : i->value;
               if (i->overflow != 0 || j < 0 || j >= n) {
                 throw py::index_error("PeriodRange index " + i->text + " out of range for " + std::to_string(n) +
                                       (n == 1 ? " period" : " periods"));
               }
               return py::cast(x[static_cast<std::size_t>(j)]);
             });
           })
      .def("__contains__",
           [](const any_range& r, const py::object& value) {
             if (py::isinstance<any_range>(value)) {
               const auto& other = value.cast<const any_range&>().value;
               return visit(r, [&other](const auto& x) {
                 using R = std::decay_t<decltype(x)>;
                 return std::holds_alternative<R>(other) && x.contains(std::get<R>(other));
               });
             }
             const any_period p = to_any_period(value);
             return visit(r, [&p](const auto& x) {
               using P = typename std::decay_t<decltype(x)>::value_type;
               return std::holds_alternative<P>(p) && x.contains(std::get<P>(p));
             });
           })
      .def(
          "contains",
          [](const any_range& r, const py::object& value) {
            return py::cast(r).attr("__contains__")(value).cast<bool>();
          },
          py::arg("period_or_range"), "True when the period (or the whole range) lies inside.")
      .def(
          "index_of",
          [](const any_range& r, const py::object& value) {
            const any_period p = to_any_period(value);
            return visit(r, [&p](const auto& x) -> std::size_t {
              using P = typename std::decay_t<decltype(x)>::value_type;
              if (!std::holds_alternative<P>(p)) throw py::type_error("index_of: period of another unit");
              return x.index_of(std::get<P>(p));
            });
          },
          py::arg("period"))
      .def(
          "overlaps",
          [](const any_range& r, const any_range& other_range) {
            return visit(r, [&other = other_range.value](const auto& x) {
              using R = std::decay_t<decltype(x)>;
              if (!std::holds_alternative<R>(other)) throw py::type_error("overlaps: ranges of different units");
              return x.overlaps(std::get<R>(other));
            });
          },
          py::arg("other"))
      .def(
          "intersection",
          [](const any_range& r, const any_range& other_range) -> std::optional<any_range> {
            return visit(r, [&other = other_range.value](const auto& x) -> std::optional<any_range> {
              using R = std::decay_t<decltype(x)>;
              if (!std::holds_alternative<R>(other)) throw py::type_error("intersection: ranges of different units");
              const auto result = x.intersection(std::get<R>(other));
              if (!result) return std::nullopt;
              return any_range{*result};
            });
          },
          py::arg("other"), "The periods in both ranges, or None.")
      .def("iso", [](const any_range& r) { return visit(r, [](const auto& x) { return x.iso(); }); })
      .def(
          "label",
          [](const any_range& r, const py::object& lang) {
            const language l = to_language(lang);
            return visit(r, [l](const auto& x) { return x.label(l); });
          },
          py::arg("lang") = "nl", "'juni 2020 t/m mei 2021' / 'June 2020 to May 2021'.")
      .def("__repr__", &repr)
      .def("__str__", [](const any_range& r) { return visit(r, [](const auto& x) { return x.iso(); }); })
      .def("__hash__", [](const any_range& r) {
        return visit(r,
                     [](const auto& x) { return static_cast<py::ssize_t>(std::hash<std::decay_t<decltype(x)>>{}(x)); });
      });
  def_equality<any_range>(cls);
  def_copy<any_range>(cls);
  def_pickle<any_range>(
      cls, [](const any_range& r) { return py::make_tuple(py::cast(r).attr("first"), py::cast(r).attr("last")); },
      [](const py::tuple& state) { return make_range(state[0], state[1]); });

  m.def(
      "trailing",
      [](const py::object& last, const py::handle& n) {
        const auto length = to_python_integer(n);
        if (!length) {
          throw py::type_error("trailing: n must be an integer, not " +
                               std::string(py::str(py::type::handle_of(n).attr("__name__"))));
        }
        return std::visit(
            [&length](auto p) {
              // A length below 1 or beyond int64 is refused in the words of C++ trailing(), naming
              // n as given rather than wrapped to an unsigned size.
              if (length->overflow < 0 || (length->overflow == 0 && length->value < 1)) {
                detail::throw_bad_trailing(p, length->text, false);
              }
              if (length->overflow > 0) detail::throw_bad_trailing(p, length->text, true);
              return any_range{trailing(p, static_cast<std::size_t>(length->value))};
            },
            to_any_period(last));
      },
      py::arg("last"), py::arg("n"),
      "The n periods ending at `last`: trailing(Month(2021, 5), 12) is June 2020 to May 2021.");
  m.def(
      "year_to_date",
      [](const py::object& p) {
        return std::visit([](auto x) { return any_range{year_to_date(x)}; }, to_any_period(p));
      },
      py::arg("period"), "From the first period of the year through `period`.");
  m.def(
      "coarsen",
      [](const any_range& r, const py::object& unit) {
        return std::visit(
            [&unit](const auto& range) -> any_range {
              using From = typename std::decay_t<decltype(range)>::value_type;
              auto make = [&range](auto tag) -> any_range {
                using To = decltype(tag);
                if constexpr (unit_rank_v<typename To::unit> >= unit_rank_v<typename From::unit>) {
                  return {coarsen<To>(range)};
                } else {
                  throw py::type_error(std::string("coarsen: ") + python_name<To> + " is finer than " +
                                       python_name<From>);
                }
              };
              if (unit.is(py::type::of<iso_week>())) return make(iso_week{});
              if (unit.is(py::type::of<month>())) return make(month{});
              if (unit.is(py::type::of<quarter>())) return make(quarter{});
              if (unit.is(py::type::of<year>())) return make(year{});
              throw py::type_error("unit must be IsoWeek, Month, Quarter or Year");
            },
            r.value);
      },
      py::arg("range"), py::arg("unit"),
      "The same periods in a coarser unit (2020-07/2021-03 -> 2020-Q3/2021-Q1); RangeError when they are not whole.");
  m.def(
      "subperiods",
      [](const py::object& p, const py::object& unit) {
        return std::visit(
            [&unit](auto x) -> any_range {
              using From = decltype(x);
              auto make = [x](auto tag) -> any_range {
                using To = decltype(tag);
                if constexpr (unit_rank_v<typename To::unit> <= unit_rank_v<typename From::unit>) {
                  return {subperiods<To>(x)};
                } else {
                  throw py::type_error(std::string("subperiods: ") + python_name<To> + " is coarser than " +
                                       python_name<From>);
                }
              };
              if (unit.is(py::type::of<iso_week>())) return make(iso_week{});
              if (unit.is(py::type::of<month>())) return make(month{});
              if (unit.is(py::type::of<quarter>())) return make(quarter{});
              if (unit.is(py::type::of<year>())) return make(year{});
              throw py::type_error("unit must be IsoWeek, Month, Quarter or Year");
            },
            to_any_period(p));
      },
      py::arg("period"), py::arg("unit"), "The periods of `unit` that make up `period` (weeks by their Thursday).");
}

}  // namespace kerncijfers::python
