#pragma once
// numpy in and out without copies: arguments arrive as C-contiguous arrays of the exact
// dtype. pybind11 hands over the caller's own buffer when it already has that layout
// (numpy arrays, and pandas Series through __array__), and converts only otherwise.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <span>
#include <string>

#include <kerncijfers/errors.hpp>

namespace kerncijfers::python {

namespace py = pybind11;

template <class T>
using carray = py::array_t<T, py::array::c_style | py::array::forcecast>;

/// A 1-D view of a contiguous array; `what` names the argument in the error.
template <class T>
std::span<const T> as_span_1d(const carray<T>& array, const char* what) {
  if (array.ndim() != 1) {
    throw invalid_input(std::string(what) + " must be 1-dimensional, got " + std::to_string(array.ndim()) +
                        " dimensions");
  }
  return {array.data(), static_cast<std::size_t>(array.shape(0))};
}

/// Integer counts from any array-like (numpy array, pandas Series, list). Integer dtypes
/// pass (int64 C-contiguous without a copy); floats, booleans, objects and unsigned values
/// beyond int64 are refused: truncating 59.6 to 59 would be a silently wrong figure.
inline carray<std::int64_t> to_int64_array(const py::handle& value, const char* what) {
  py::array array = py::array::ensure(value);
  if (!array) {
    PyErr_Clear();
    throw invalid_input(std::string(what) + " must be an array of integers");
  }
  const char kind = array.dtype().kind();
  if (kind != 'i' && kind != 'u') {
    throw invalid_input(std::string(what) + " must hold integers, got dtype " +
                        py::str(array.dtype()).cast<std::string>());
  }
  if (kind == 'u' && array.dtype().itemsize() == 8 && array.size() > 0) {
    const py::object max = array.attr("max")();
    if (max.cast<unsigned long long>() > static_cast<unsigned long long>(INT64_MAX)) {
      throw overflow_error(std::string(what) + " holds " + py::str(max).cast<std::string>() +
                           ", which does not fit in int64");
    }
  }
  return carray<std::int64_t>::ensure(array);
}

template <class T>
std::span<T> as_mutable_span(carray<T>& array) {
  return {array.mutable_data(), static_cast<std::size_t>(array.size())};
}

}  // namespace kerncijfers::python
