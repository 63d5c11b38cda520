#pragma once
// Every numpy argument reaches the C++ through read_array(). numpy can hand us an array in
// any layout: unaligned (a buffer at an odd offset), byte-swapped ('>i8'), strided (a[::2]),
// Fortran-ordered, of any integer or float width. A binding that tested only some of these
// and read the rest through a pointer of another type gave silently wrong numbers (issue 10:
// an unaligned int64 column was read as int32). So the one rule lives here: an argument is
// read in place only when its dtype is exactly the C++ type it is read as, in native byte
// order, aligned and laid out as the reader needs; otherwise it is converted once (exactly:
// integers widen to int64, float16/float32 to float64) or refused with a message naming it.
// The result type, typed_array<T>, can only be made here, and a variant of them makes the
// caller dispatch on the real element type: there is no "else" branch to fall into.

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <cstdint>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <kerncijfers/errors.hpp>

namespace kerncijfers::python {

namespace py = pybind11;

/// A C-contiguous numpy array of T, for results created here (arguments go through read_array).
template <class T>
using carray = py::array_t<T, py::array::c_style | py::array::forcecast>;

/// The elements of a result array made here (C-contiguous by construction).
template <class T>
std::span<T> as_mutable_span(carray<T>& array) {
  return {array.mutable_data(), static_cast<std::size_t>(array.size())};
}

/// The number of dimensions an array argument may have.
enum class dims { one, two, one_or_two };

namespace array_detail {

inline const py::detail::npy_api& npy() { return py::detail::npy_api::get(); }

inline std::string dtype_text(const py::array& a) { return py::str(a.dtype()).cast<std::string>(); }

inline std::string type_name(const py::handle& value) {
  return py::str(py::type::handle_of(value).attr("__name__")).cast<std::string>();
}

inline bool aligned(const py::array& a) { return (a.flags() & py::detail::npy_api::NPY_ARRAY_ALIGNED_) != 0; }

/// The dtype is exactly T in native byte order (int64 and longlong are the same here).
template <class T>
bool has_dtype(const py::array& a) {
  return npy().PyArray_EquivTypes_(py::detail::array_proxy(a.ptr())->descr, py::dtype::of<T>().ptr());
}

/// The kind and width of T's dtype, whatever the byte order.
template <class T>
bool same_kind_and_width(const py::array& a) {
  const char kind = a.dtype().kind();
  const auto width = static_cast<std::size_t>(a.dtype().itemsize());
  if constexpr (std::is_floating_point_v<T>)
    return kind == 'f' && width == sizeof(T);
  else
    return kind == (std::is_signed_v<T> ? 'i' : 'u') && width == sizeof(T);
}

/// A 2-D array whose rows start a whole, positive number of elements apart, at least a row's
/// width, with adjacent columns: what panel_view can describe.
inline bool panel_layout(const py::array& a) {
  const auto rows = a.shape(0);
  const auto cols = a.shape(1);
  if (rows == 0 || cols == 0) return true;
  const auto item = a.itemsize();
  if (cols > 1 && a.strides(1) != item) return false;
  if (rows == 1) return true;
  const auto s0 = a.strides(0);
  return s0 > 0 && s0 % item == 0 && s0 / item >= cols;
}

/// Readable in place: aligned, and contiguous (1-D) or in panel layout (2-D).
inline bool readable_layout(const py::array& a) {
  if (!aligned(a)) return false;
  if (a.ndim() == 1) return (a.flags() & py::detail::npy_api::NPY_ARRAY_C_CONTIGUOUS_) != 0;
  return panel_layout(a);
}

inline std::string dims_text(dims d) {
  switch (d) {
    case dims::one: return "1-dimensional";
    case dims::two: return "2-dimensional (rows = series, columns = periods)";
    case dims::one_or_two: return "1-dimensional (a series) or 2-dimensional (a panel)";
  }
  return {};
}

inline void check_dims(const py::array& a, const std::string& what, dims d) {
  const auto n = a.ndim();
  const bool ok = (n == 1 && d != dims::two) || (n == 2 && d != dims::one);
  if (!ok) throw invalid_input(what + " must be " + dims_text(d) + ", got " + std::to_string(n) + " dimensions");
}

/// numpy.ma.MaskedArray, or null when numpy.ma cannot be imported.
inline const py::object& masked_array_type() {
  PYBIND11_CONSTINIT static py::gil_safe_call_once_and_store<py::object> storage;
  return storage.call_once_and_store_result([] { return py::module_::import("numpy.ma").attr("MaskedArray"); })
      .get_stored();
}

/// A masked array converts to its data with the masked entries' hidden values in place:
/// figures computed from them would be wrong without a word, so it is refused.
inline void refuse_masked_array(const py::handle& value, const std::string& what) {
  if (!npy().PyArray_Check_(value.ptr()) || Py_TYPE(value.ptr()) == npy().PyArray_Type_) return;
  if (!py::isinstance(value, masked_array_type())) return;
  throw invalid_input(what + " is a numpy masked array; the values under its mask would be read as present: pass " +
                      what + ".filled(...) or " + what +
                      ".compressed(), or its data with valid=~mask where valid= "
                      "is taken");
}

/// numpy's conversion of `value` to an array of `descr` (null: any dtype) with `flags`.
inline py::array from_any(const py::handle& value, py::dtype descr, int flags) {
  PyObject* result = npy().PyArray_FromAny_(value.ptr(), descr ? descr.release().ptr() : nullptr, 0, 0,
                                            py::detail::npy_api::NPY_ARRAY_ENSUREARRAY_ | flags, nullptr);
  if (result == nullptr) throw py::error_already_set();
  return py::reinterpret_steal<py::array>(result);
}

/// `a` as a new aligned, C-contiguous array of exactly T (a cast numpy calls safe).
template <class T>
py::array converted(const py::array& a) {
  return from_any(a, py::dtype::of<T>(),
                  py::detail::npy_api::NPY_ARRAY_C_CONTIGUOUS_ | py::detail::npy_api::NPY_ARRAY_ALIGNED_);
}

/// uint64 values as int64: refused (naming the first value too large and where it is) unless
/// all fit, and then the same bits viewed as int64.
inline py::array uint64_as_int64(const py::array& a, const std::string& what) {
  py::array native = converted<std::uint64_t>(a);
  const auto* values = static_cast<const std::uint64_t*>(native.data());
  const auto n = static_cast<std::size_t>(native.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (values[i] > static_cast<std::uint64_t>(INT64_MAX)) {
      std::string where = "position " + std::to_string(i);
      if (native.ndim() == 2) {
        const auto cols = static_cast<std::size_t>(native.shape(1));
        where = "[" + std::to_string(i / cols) + ", " + std::to_string(i % cols) + "]";
      }
      throw overflow_error(what + " holds " + std::to_string(values[i]) + " at " + where +
                           ", which does not fit in int64");
    }
  }
  return native.view("int64");
}

template <class T, class... Ts>
inline constexpr bool one_of = (std::is_same_v<T, Ts> || ...);

/// What the element types accept, for the refusal of another dtype.
template <class... Ts>
std::string expected_elements() {
  constexpr bool integers = one_of<std::int64_t, Ts...>;
  constexpr bool floats = one_of<double, Ts...>;
  if constexpr (integers && floats)
    return "numbers (floats, NaN = missing, or integers)";
  else if constexpr (integers)
    return "integers";
  else if constexpr (floats)
    return "floating-point numbers";
  else {
    std::string names;
    ((names += (names.empty() ? "" : " or ") + py::str(py::dtype::of<Ts>()).template cast<std::string>()), ...);
    return "dtype " + names;
  }
}

}  // namespace array_detail

template <class T>
class typed_array;

/// The conversion every array argument goes through; see the file comment and typed_array.
template <class... Ts>
std::variant<typed_array<Ts>...> read_array(const py::handle& value, const std::string& what, dims d = dims::one);

/// An array whose elements C++ reads in place as exactly T: its dtype is T in native byte
/// order, it is aligned, and a 1-D one is C-contiguous while a 2-D one has adjacent columns
/// and rows a whole number of elements apart (C order, or row slices like a[::2], a[:, 12:]).
/// Only read_array() makes one, so holding one is the proof. Keeps the array alive.
template <class T>
class typed_array {
 public:
  using value_type = T;

  [[nodiscard]] const py::array& array() const noexcept { return array_; }
  [[nodiscard]] py::ssize_t ndim() const { return array_.ndim(); }
  [[nodiscard]] std::size_t size() const { return static_cast<std::size_t>(array_.size()); }
  [[nodiscard]] std::size_t shape(py::ssize_t axis) const { return static_cast<std::size_t>(array_.shape(axis)); }
  [[nodiscard]] const T* data() const { return static_cast<const T*>(array_.data()); }

  /// The elements of a 1-D array.
  [[nodiscard]] std::span<const T> span() const { return {data(), size()}; }

  /// Elements from the start of one row of a 2-D array to the start of the next.
  [[nodiscard]] std::size_t row_stride() const {
    return shape(0) <= 1 ? shape(1) : static_cast<std::size_t>(array_.strides(0)) / sizeof(T);
  }

 private:
  template <class... Us>
  friend std::variant<typed_array<Us>...> read_array(const py::handle&, const std::string&, dims);
  explicit typed_array(py::array array) : array_(std::move(array)) {}

  py::array array_;
};

namespace array_detail {

/// `a` (of T's kind and width) readable in place as T: itself when it already is, else a
/// native, aligned, C-contiguous copy; a 2-D array whose only fault is its layout is refused.
template <class T>
py::array readable_as(const py::array& a, const std::string& what) {
  if (has_dtype<T>(a) && readable_layout(a)) return a;
  if (a.ndim() == 2 && has_dtype<T>(a) && aligned(a)) {
    throw invalid_input(what + " (" + std::to_string(a.shape(0)) + " x " + std::to_string(a.shape(1)) + " " +
                        dtype_text(a) + ", strides (" + std::to_string(a.strides(0)) + ", " +
                        std::to_string(a.strides(1)) +
                        ") bytes) is not stored row by row with adjacent columns (a Fortran-ordered or "
                        "column-strided array); it is not copied behind your back: pass numpy.ascontiguousarray(" +
                        what + ")");
  }
  return converted<T>(a);
}

}  // namespace array_detail

/// `value` (a numpy array, pandas Series, list, anything numpy converts) as an array C++ can
/// read in place as one of Ts..., with `d` dimensions; `what` names it in every error.
///   - The caller's own array when its dtype is one of Ts exactly (in native byte order) and
///     its layout is readable in place: no copy.
///   - Otherwise a converted copy: a byte-swapped, unaligned or non-contiguous array becomes
///     native, aligned and C-contiguous; an integer dtype that is not among Ts becomes int64
///     (when int64 is; uint64 values beyond int64 raise CountOverflowError naming the first),
///     float16/float32 become float64 (when float64 is).
///   - A 2-D array of the right dtype whose only fault is its layout (Fortran-ordered or
///     column-strided) is refused, not copied: a silent copy of a large panel is what out=
///     is there to avoid. The message says to pass numpy.ascontiguousarray(what).
///   - An empty array is empty input whatever its dtype (numpy makes [] float64).
///   - Anything else is refused with InvalidInput naming `what` and the dtype: bools,
///     objects, strings, floats where integers are read (a count of 59.6 has no meaning),
///     float128 (float64 would round it), numpy masked arrays (the masked values would count).
template <class... Ts>
std::variant<typed_array<Ts>...> read_array(const py::handle& value, const std::string& what, dims d) {
  using namespace array_detail;
  using result = std::variant<typed_array<Ts>...>;
  using first = std::tuple_element_t<0, std::tuple<Ts...>>;
  constexpr bool integers = one_of<std::int64_t, Ts...>;
  constexpr bool floats = one_of<double, Ts...>;

  refuse_masked_array(value, what);
  py::array a;
  try {
    a = from_any(value, py::dtype(), 0);
  } catch (py::error_already_set& e) {
    throw invalid_input(what + " must be an array of " + expected_elements<Ts...>() + ", got " + type_name(value) +
                        " (" + e.what() + ")");
  }
  const char kind = a.dtype().kind();
  const bool listed = (same_kind_and_width<Ts>(a) || ...);
  const bool to_int64 = !listed && integers && (kind == 'i' || kind == 'u');
  const bool to_double = !listed && floats && kind == 'f' && a.itemsize() <= 8;
  if (!listed && !to_int64 && !to_double) {
    if (a.size() == 0) {
      a = py::array(py::dtype::of<first>(), std::vector<py::ssize_t>(a.shape(), a.shape() + a.ndim()));
      check_dims(a, what, d);
      return typed_array<first>(a);
    }
    if (floats && kind == 'f') {
      throw invalid_input(what + " has dtype " + dtype_text(a) + ", which float64 cannot hold exactly: pass " + what +
                          ".astype(numpy.float64) if rounding it is acceptable");
    }
    throw invalid_input(what + " must hold " + expected_elements<Ts...>() + ", got dtype " + dtype_text(a));
  }
  check_dims(a, what, d);

  if constexpr (integers) {
    if (to_int64) {
      const bool large_unsigned = kind == 'u' && a.itemsize() == 8;
      return typed_array<std::int64_t>(large_unsigned ? uint64_as_int64(a, what) : converted<std::int64_t>(a));
    }
  }
  if constexpr (floats) {
    if (to_double) return typed_array<double>(converted<double>(a));
  }
  std::optional<result> out;
  const auto as_listed = [&]<class T>(T*) {
    if (!out && same_kind_and_width<T>(a)) out.emplace(typed_array<T>(readable_as<T>(a, what)));
  };
  (as_listed(static_cast<Ts*>(nullptr)), ...);
  if (!out) throw std::logic_error("read_array: no element type for " + what);  // `listed` says one matched
  return std::move(*out);
}

/// Integer counts or codes as int64 (see read_array): no copy for an aligned, contiguous
/// int64 array; other integer dtypes and layouts converted once.
inline typed_array<std::int64_t> to_int64_array(const py::handle& value, const std::string& what) {
  return std::get<0>(read_array<std::int64_t>(value, what));
}

}  // namespace kerncijfers::python
