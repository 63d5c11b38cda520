// The page renderers (kerncijfers/render.hpp): Markdown and HTML in Dutch or English, JSON.
#include <pybind11/stl.h>

#include "bindings.hpp"
#include "periods.hpp"

#include <kerncijfers/figures_json.hpp>
#include <kerncijfers/render.hpp>

namespace kerncijfers::python {

void register_render(py::module_& m) {
  py::class_<html_options> options(m, "HtmlOptions", "Title and the markup of Fig. 1.0, 1.1, 1.2 for render_html.");
  options
      .def(py::init([](std::string title, const std::vector<std::string>& figures) {
             if (figures.size() > 3)
               throw invalid_input("at most 3 figures (Fig. 1.0, 1.1, 1.2), got " + std::to_string(figures.size()));
             html_options o;
             o.title = std::move(title);
             for (std::size_t i = 0; i < figures.size(); ++i) o.figures[i] = figures[i];
             return o;
           }),
           py::kw_only(), py::arg("title") = "", py::arg("figures") = std::vector<std::string>{})
      .def_readwrite("title", &html_options::title)
      .def_property(
          "figures", [](const html_options& o) { return std::vector<std::string>(o.figures.begin(), o.figures.end()); },
          [](html_options& o, const std::vector<std::string>& figures) {
            if (figures.size() > 3) throw invalid_input("at most 3 figures, got " + std::to_string(figures.size()));
            o.figures = {};
            for (std::size_t i = 0; i < figures.size(); ++i) o.figures[i] = figures[i];
          });
  def_equality<html_options>(options);

  m.def(
      "render_markdown",
      [](const key_figures& k, const py::object& lang) { return render_markdown(k, to_language(lang)); },
      py::arg("figures"), py::arg("lang") = "nl", "The page as Markdown, structured like the published page.");
  m.def(
      "render_html",
      [](const key_figures& k, const py::object& lang, const std::optional<html_options>& o) {
        return render_html(k, to_language(lang), o.value_or(html_options{}));
      },
      py::arg("figures"), py::arg("lang") = "nl", py::arg("options") = py::none(),
      "The page as a standalone HTML document.");
  m.def(
      "render_json", [](const key_figures& k) { return render_json(k); }, py::arg("figures"),
      "Every figure with its window, source and rounding, as JSON.");
  // The week page: the same three functions for a WeeklyInfluxFigure.
  m.def(
      "render_markdown",
      [](const weekly_influx_figure& f, const py::object& lang) { return render_markdown(f, to_language(lang)); },
      py::arg("figure"), py::arg("lang") = "nl", "The week page of a weekly influx figure as Markdown.");
  m.def(
      "render_html",
      [](const weekly_influx_figure& f, const py::object& lang, const std::optional<html_options>& o) {
        return render_html(f, to_language(lang), o.value_or(html_options{}));
      },
      py::arg("figure"), py::arg("lang") = "nl", py::arg("options") = py::none(),
      "The week page as a standalone HTML document (options: only the title).");
  m.def(
      "render_json", [](const weekly_influx_figure& f) { return render_json(f); }, py::arg("figure"),
      "The weekly influx figure as JSON (docs/weekly-influx.schema.json).");
  m.def(
      "week_dates_label",
      [](const iso_week& w, const py::object& lang) { return week_dates_label(w, to_language(lang)); }, py::arg("week"),
      py::arg("lang") = "nl", "The days of an ISO week: '10 t/m 16 mei 2021' / '10–16 May 2021'.");
  m.def(
      "week_title", [](const iso_week& w, const py::object& lang) { return week_title(w, to_language(lang)); },
      py::arg("week"), py::arg("lang") = "nl",
      "The title of the week page: 'Instroom week 19 van 2021 (10 t/m 16 mei 2021)'.");
  m.def("html_escape", &html_escape, py::arg("text"));
  m.def(
      "format_count", [](std::int64_t n, const py::object& lang) { return format_count(n, to_language(lang)); },
      py::arg("count"), py::arg("lang") = "nl", "7.690 (nl) / 7,690 (en).");
  m.def(
      "format_percent",
      [](const rounded_decimal& percent, const py::object& lang) { return format_percent(percent, to_language(lang)); },
      py::arg("percent"), py::arg("lang") = "nl", "RoundedDecimal(188, 1): 18,8% (nl) / 18.8% (en).");
  m.def(
      "format_percent",
      [](std::int64_t units, int decimals, const py::object& lang) {
        return format_percent(units, decimals, to_language(lang));
      },
      py::arg("units"), py::arg("decimals") = 0, py::arg("lang") = "nl", "18,8% (nl) / 18.8% (en).");
  m.def(
      "departures_period_label",
      [](const py::object& period, const py::object& lang) {
        return departures_period_label(to_month_range(period), to_language(lang));
      },
      py::arg("period"), py::arg("lang") = "nl");
  m.def(
      "problem_text",
      [](figure_problem problem, const py::object& lang) {
        return std::string(problem_text(problem, to_language(lang)));
      },
      py::arg("problem"), py::arg("lang") = "nl",
      "Why a figure is partial or unavailable, as a clause in the language: 'het totaal is 0' / 'the total is 0'; "
      "empty for FigureProblem.none.");
  m.def(
      "source_text", [](const figure_source& s, const py::object& lang) { return source_text(s, to_language(lang)); },
      py::arg("source"), py::arg("lang") = "nl");
  m.def(
      "figure_title",
      [](const key_figures& k, std::size_t index, const py::object& lang) {
        return figure_title(k, index, to_language(lang));
      },
      py::arg("figures"), py::arg("index"), py::arg("lang") = "nl", "Caption of Fig. 1.0 (0), 1.1 (1) or 1.2 (2).");
  m.def(
      "window_label",
      [](const py::object& window, page_unit unit, const py::object& lang) {
        return window_label(to_month_range(window), unit, to_language(lang));
      },
      py::arg("window"), py::arg("unit"), py::arg("lang") = "nl",
      "A window of months named in a page's unit: '2019 t/m 2021' on a year page.");
  m.def(
      "window_periods",
      [](const py::object& window, page_unit unit) { return window_periods(to_month_range(window), unit); },
      py::arg("window"), py::arg("unit"), "The number of periods of the unit in a window of months.");
  m.def(
      "reporting_country_name",
      [](const std::string& code, const py::object& lang) { return reporting_country_name(code, to_language(lang)); },
      py::arg("code"), py::arg("lang") = "nl",
      "A reporting country's name by its Eurostat geo code: 'DE' is Duitsland.");
  m.def(
      "publishers_text",
      [](const figure_source& s, const py::object& lang) { return publishers_text(s, to_language(lang)); },
      py::arg("source"), py::arg("lang") = "nl", "Who published a figure's counts: 'Eurostat', 'CBS en Eurostat'.");
}

}  // namespace kerncijfers::python
