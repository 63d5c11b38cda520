// Columns of an Arrow stream (polars DataFrames, pyarrow Tables: anything with
// __arrow_c_stream__) as kerncijfers.pandas needs them, without a Python object per row:
// a label column becomes codes plus its distinct values (dictionary-encoded columns stay
// codes: each batch's dictionary is mapped once), a count column becomes a numpy array,
// read in place when the producer's buffer is one contiguous run of a numeric type.
//
// The private function _arrow_columns is the contract of kerncijfers.pandas; its errors
// name the column and its Arrow format, and the producer's memory is released on every
// path (the owners in arrow.hpp), also when reading fails half-way.
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include "arrow.hpp"
#include "bindings.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

namespace kerncijfers::python {

namespace {

using arrow::owned_array;
using arrow::owned_schema;

std::string format_of(const ArrowSchema& s) { return s.format != nullptr ? s.format : ""; }

/// One batch's piece of a column: rows [first, first + length) of `array` (a record batch's
/// child starts at the batch's own offset), kept alive by `owner`.
struct chunk {
  const ArrowArray* array;
  std::int64_t first;
  std::int64_t length;
  std::shared_ptr<owned_array> owner;

  [[nodiscard]] std::int64_t base() const noexcept { return array->offset + first; }
};

struct column_source {
  std::string name;
  const ArrowSchema* schema;
  std::vector<chunk> chunks;
  std::int64_t rows = 0;
};

[[noreturn]] void refuse(const column_source& c, const std::string& format, const std::string& why) {
  throw py::type_error("column \"" + c.name + "\" has Arrow format \"" + format + "\": " + why);
}

void require_buffers(const column_source& c, const ArrowArray& a, std::int64_t at_least) {
  if (a.n_buffers < at_least || a.buffers == nullptr) {
    throw py::value_error("column \"" + c.name + "\": an Arrow array of format \"" + format_of(*c.schema) + "\" with " +
                          std::to_string(a.n_buffers) + " buffers, expected " + std::to_string(at_least));
  }
}

/// Whether row `row` (already offset) is valid: no bitmap means no nulls.
bool valid(const ArrowArray& a, std::int64_t row) noexcept {
  if (a.null_count == 0 || a.buffers[0] == nullptr) return true;
  const auto* bits = static_cast<const std::uint8_t*>(a.buffers[0]);
  return ((bits[row >> 3] >> (row & 7)) & 1) != 0;
}

// ---------------------------------------------------------------------------------------
// Values of one row

enum class storage { text32, text64, text_view, int8, uint8, int16, uint16, int32, uint32, int64, uint64, none };

storage integer_storage(const std::string& f) {
  if (f == "c") return storage::int8;
  if (f == "C") return storage::uint8;
  if (f == "s") return storage::int16;
  if (f == "S") return storage::uint16;
  if (f == "i" || f == "tdD") return storage::int32;
  if (f == "I") return storage::uint32;
  if (f == "l" || f == "tdm" || f.starts_with("ts")) return storage::int64;
  if (f == "L") return storage::uint64;
  return storage::none;
}

storage label_storage(const std::string& f) {
  if (f == "u") return storage::text32;
  if (f == "U") return storage::text64;
  if (f == "vu") return storage::text_view;
  return integer_storage(f);
}

bool is_text(storage s) { return s == storage::text32 || s == storage::text64 || s == storage::text_view; }

template <class T>
T load(const void* buffer, std::int64_t row) noexcept {
  T value;
  std::memcpy(&value, static_cast<const char*>(buffer) + row * static_cast<std::int64_t>(sizeof(T)), sizeof(T));
  return value;
}

/// The integer at `row` of a primitive array (uint64 beyond int64 keeps its bits: only labels
/// read it, and equal bits are equal labels).
std::int64_t integer_at(const ArrowArray& a, storage s, std::int64_t row) noexcept {
  const void* data = a.buffers[1];
  switch (s) {
    case storage::int8: return load<std::int8_t>(data, row);
    case storage::uint8: return load<std::uint8_t>(data, row);
    case storage::int16: return load<std::int16_t>(data, row);
    case storage::uint16: return load<std::uint16_t>(data, row);
    case storage::int32: return load<std::int32_t>(data, row);
    case storage::uint32: return load<std::uint32_t>(data, row);
    case storage::int64: return load<std::int64_t>(data, row);
    case storage::uint64: return static_cast<std::int64_t>(load<std::uint64_t>(data, row));
    default: return 0;
  }
}

/// The text at `row`: offsets (32 or 64 bit) into one data buffer, or a 16-byte view holding
/// short strings inline and pointing into one of the variadic buffers for longer ones.
std::string_view text_at(const column_source& c, const ArrowArray& a, storage s, std::int64_t row) {
  const auto bad = [&](const std::string& what) {
    return py::value_error("column \"" + c.name + "\": Arrow string data out of bounds (" + what + ")");
  };
  if (s == storage::text32 || s == storage::text64) {
    const std::int64_t start =
        s == storage::text32 ? load<std::int32_t>(a.buffers[1], row) : load<std::int64_t>(a.buffers[1], row);
    const std::int64_t end =
        s == storage::text32 ? load<std::int32_t>(a.buffers[1], row + 1) : load<std::int64_t>(a.buffers[1], row + 1);
    if (start < 0 || end < start) throw bad("offsets " + std::to_string(start) + ".." + std::to_string(end));
    return {static_cast<const char*>(a.buffers[2]) + start, static_cast<std::size_t>(end - start)};
  }
  const auto* view = static_cast<const char*>(a.buffers[1]) + row * 16;
  std::int32_t length = 0;
  std::memcpy(&length, view, 4);
  if (length < 0) throw bad("length " + std::to_string(length));
  if (length <= 12) return {view + 4, static_cast<std::size_t>(length)};
  std::int32_t index = 0;
  std::int32_t offset = 0;
  std::memcpy(&index, view + 8, 4);
  std::memcpy(&offset, view + 12, 4);
  // buffers: validity, views, the data buffers, then the data buffers' sizes (int64 each).
  const std::int64_t data_buffers = a.n_buffers - 3;
  if (index < 0 || index >= data_buffers || offset < 0) {
    throw bad("buffer " + std::to_string(index) + " of " + std::to_string(data_buffers));
  }
  const auto size = load<std::int64_t>(a.buffers[a.n_buffers - 1], index);
  if (static_cast<std::int64_t>(offset) + length > size) {
    throw bad("offset " + std::to_string(offset) + " + " + std::to_string(length) + " > " + std::to_string(size));
  }
  return {static_cast<const char*>(a.buffers[2 + index]) + offset, static_cast<std::size_t>(length)};
}

void check_label_buffers(const column_source& c, const ArrowArray& a, storage s) {
  require_buffers(c, a, s == storage::text_view ? 3 : is_text(s) ? 3 : 2);
}

// ---------------------------------------------------------------------------------------
// Labels: codes plus distinct values, in order of first appearance (as pandas.factorize)

struct text_hash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

class label_factoriser {
 public:
  std::int64_t text(std::string_view s) {
    if (last_text_ && *last_text_ == s) return last_code_;
    auto it = texts_.find(s);
    if (it == texts_.end()) {
      it = texts_.emplace(std::string(s), size()).first;
      order_.emplace_back(it->first);
    }
    last_text_ = it->first;
    last_code_ = it->second;
    return it->second;
  }
  std::int64_t integer(std::int64_t v) {
    const auto [it, inserted] = integers_.try_emplace(v, size());
    if (inserted) order_.emplace_back(v);
    return it->second;
  }
  [[nodiscard]] std::int64_t size() const noexcept { return static_cast<std::int64_t>(order_.size()); }

  [[nodiscard]] py::list values() const {
    py::list out;
    for (const auto& v : order_) {
      if (const auto* s = std::get_if<std::string_view>(&v)) {
        PyObject* text = PyUnicode_DecodeUTF8(s->data(), static_cast<Py_ssize_t>(s->size()), "strict");
        if (text == nullptr) throw py::error_already_set();
        out.append(py::reinterpret_steal<py::object>(text));
      } else {
        out.append(py::int_(std::get<std::int64_t>(v)));
      }
    }
    return out;
  }

 private:
  // Node-based: the keys' addresses stay put, so order_ can point at them.
  std::unordered_map<std::string, std::int64_t, text_hash, std::equal_to<>> texts_;
  std::unordered_map<std::int64_t, std::int64_t> integers_;
  std::vector<std::variant<std::string_view, std::int64_t>> order_;
  std::optional<std::string_view> last_text_;
  std::int64_t last_code_ = -1;
};

std::int64_t code_of(const column_source& c, label_factoriser& f, const ArrowArray& a, storage s, std::int64_t row) {
  return is_text(s) ? f.text(text_at(c, a, s, row)) : f.integer(integer_at(a, s, row));
}

py::dict read_labels(const column_source& c) {
  const ArrowSchema& schema = *c.schema;
  const std::string format = format_of(schema);
  const bool encoded = schema.dictionary != nullptr;
  const std::string value_format = encoded ? format_of(*schema.dictionary) : format;
  const storage index_storage = encoded ? integer_storage(format) : storage::none;
  const storage value_storage = label_storage(value_format);
  if (format == "n") {  // the null type (a column of nothing but nulls): every row missing
    py::array_t<std::int64_t> codes(static_cast<py::ssize_t>(c.rows));
    std::fill_n(codes.mutable_data(), c.rows, std::int64_t{-1});
    py::dict result;
    result["codes"] = codes;
    result["values"] = py::list();
    result["format"] = format;
    return result;
  }
  if (encoded && (index_storage == storage::none || format.size() != 1)) {
    refuse(c, format, "dictionary indices must be integers");
  }
  if (value_storage == storage::none) {
    refuse(c, encoded ? "dictionary of " + value_format : format,
           "kerncijfers reads labels from strings (u, U, vu), integers, dates (tdD, tdm), timestamps (ts...) or "
           "dictionaries of these");
  }
  py::array_t<std::int64_t> codes(static_cast<py::ssize_t>(c.rows));
  auto* out = codes.mutable_data();
  label_factoriser f;
  std::int64_t at = 0;
  for (const chunk& piece : c.chunks) {
    const ArrowArray& a = *piece.array;
    const std::int64_t base = piece.base();
    if (!encoded) {
      check_label_buffers(c, a, value_storage);
      for (std::int64_t i = 0; i < piece.length; ++i) {
        out[at++] = valid(a, base + i) ? code_of(c, f, a, value_storage, base + i) : -1;
      }
      continue;
    }
    require_buffers(c, a, 2);
    if (a.dictionary == nullptr) {
      throw py::value_error("column \"" + c.name + "\": a dictionary-encoded Arrow array without its dictionary");
    }
    const ArrowArray& dict = *a.dictionary;
    if (dict.length < 0) throw py::value_error("column \"" + c.name + "\": a dictionary of negative length");
    check_label_buffers(c, dict, value_storage);
    // Each dictionary entry is looked up once, when a row first uses it: unused entries are
    // never seen, as pandas.factorize never sees unused categories.
    std::vector<std::int64_t> remap(static_cast<std::size_t>(dict.length), -2);
    for (std::int64_t i = 0; i < piece.length; ++i) {
      if (!valid(a, base + i)) {
        out[at++] = -1;
        continue;
      }
      const std::int64_t index = integer_at(a, index_storage, base + i);
      if (index < 0 || index >= dict.length) {
        throw py::value_error("column \"" + c.name + "\": dictionary index " + std::to_string(index) +
                              " out of range (the dictionary has " + std::to_string(dict.length) + " values) at row " +
                              std::to_string(at));
      }
      auto& code = remap[static_cast<std::size_t>(index)];
      if (code == -2) {
        const std::int64_t row = dict.offset + index;
        code = valid(dict, row) ? code_of(c, f, dict, value_storage, row) : -1;
      }
      out[at++] = code;
    }
  }
  py::dict result;
  result["codes"] = codes;
  result["values"] = f.values();
  result["format"] = encoded ? value_format : format;
  return result;
}

// ---------------------------------------------------------------------------------------
// Counts: a numeric column as numpy, in place when it is one run of the producer's buffer

std::optional<py::dtype> numeric_dtype(const std::string& f) {
  if (f == "c") return py::dtype::of<std::int8_t>();
  if (f == "C") return py::dtype::of<std::uint8_t>();
  if (f == "s") return py::dtype::of<std::int16_t>();
  if (f == "S") return py::dtype::of<std::uint16_t>();
  if (f == "i") return py::dtype::of<std::int32_t>();
  if (f == "I") return py::dtype::of<std::uint32_t>();
  if (f == "l") return py::dtype::of<std::int64_t>();
  if (f == "L") return py::dtype::of<std::uint64_t>();
  if (f == "f") return py::dtype::of<float>();
  if (f == "g") return py::dtype::of<double>();
  return std::nullopt;
}

py::dict read_numbers(const column_source& c) {
  const std::string format = format_of(*c.schema);
  py::dict result;
  result["format"] = format;
  if (format == "b") {  // kerncijfers.pandas refuses booleans in its own words
    result["values"] = py::none();
    return result;
  }
  if (format == "n") {  // the null type: every row missing
    py::array_t<std::int64_t> zeros(static_cast<py::ssize_t>(c.rows));
    std::fill_n(zeros.mutable_data(), c.rows, std::int64_t{0});
    result["values"] = zeros;
    result["null"] = c.rows > 0 ? 0 : -1;
    result["borrowed"] = false;
    return result;
  }
  if (c.schema->dictionary != nullptr) refuse(c, format, "a dictionary-encoded column cannot hold counts");
  const auto dtype = numeric_dtype(format);
  if (!dtype) refuse(c, format, "counts must be integers (c, C, s, S, i, I, l, L) or floats (f, g)");
  const auto width = static_cast<std::int64_t>(dtype->itemsize());
  std::int64_t first_null = -1;
  std::int64_t at = 0;
  std::vector<const chunk*> filled;
  for (const chunk& piece : c.chunks) {
    require_buffers(c, *piece.array, 2);
    if (piece.length == 0) continue;
    filled.push_back(&piece);
    for (std::int64_t i = 0; first_null < 0 && piece.array->null_count != 0 && i < piece.length; ++i) {
      if (!valid(*piece.array, piece.base() + i)) first_null = at + i;
    }
    at += piece.length;
  }
  result["null"] = first_null;
  if (filled.size() == 1) {
    // One run: numpy looks at the producer's memory, which stays alive (the whole batch)
    // while the array does. Read-only: it is not ours to change.
    const chunk& piece = *filled.front();
    auto* keeper = new std::shared_ptr<owned_array>(piece.owner);
    py::capsule base(keeper, [](void* p) { delete static_cast<std::shared_ptr<owned_array>*>(p); });
    const auto* data = static_cast<const char*>(piece.array->buffers[1]) + piece.base() * width;
    py::array view(*dtype, {static_cast<py::ssize_t>(piece.length)}, {static_cast<py::ssize_t>(width)}, data, base);
    py::detail::array_proxy(view.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
    result["values"] = view;
    result["borrowed"] = true;
    return result;
  }
  // Several batches: one copy, into a numpy array (numpy reports it to tracemalloc).
  py::array joined(*dtype, std::vector<py::ssize_t>{static_cast<py::ssize_t>(c.rows)}, nullptr);
  auto* out = static_cast<char*>(joined.mutable_data());
  for (const chunk* piece : filled) {
    std::memcpy(out, static_cast<const char*>(piece->array->buffers[1]) + piece->base() * width,
                static_cast<std::size_t>(piece->length * width));
    out += piece->length * width;
  }
  result["values"] = joined;
  result["borrowed"] = false;
  return result;
}

// ---------------------------------------------------------------------------------------
// The stream

/// The columns `wanted` (name, kind) of the record batches of `source`. Returns the names of
/// all columns, and "columns" (name -> labels or counts) or None when one is missing (the
/// caller names it; no batch is read then).
py::dict arrow_columns(const py::handle& source, const std::vector<std::pair<std::string, std::string>>& wanted) {
  const auto stream = arrow::take_stream(source);
  owned_schema schema;
  stream->schema(schema);
  const ArrowSchema& s = schema.schema;
  if (format_of(s) != "+s") {
    throw py::type_error("expected an Arrow stream of record batches (a struct, format \"+s\"), got format \"" +
                         format_of(s) + "\"");
  }
  py::list names;
  std::unordered_map<std::string, std::size_t> index;
  for (std::int64_t i = 0; i < s.n_children; ++i) {
    const ArrowSchema* child = s.children != nullptr ? s.children[i] : nullptr;
    if (child == nullptr) throw py::value_error("an Arrow schema without its column " + std::to_string(i));
    const std::string name = child->name != nullptr ? child->name : "";
    names.append(py::str(name));
    index.try_emplace(name, static_cast<std::size_t>(i));
  }
  py::dict result;
  result["names"] = names;
  result["rows"] = 0;
  std::vector<column_source> columns;
  for (const auto& [name, kind] : wanted) {
    const auto it = index.find(name);
    if (it == index.end()) {
      result["columns"] = py::none();
      return result;
    }
    columns.push_back(column_source{name, s.children[it->second], {}, 0});
  }
  std::int64_t rows = 0;
  while (auto batch = stream->next()) {
    const ArrowArray& b = batch->array;
    if (b.length < 0 || b.offset < 0) {
      throw py::value_error("an Arrow batch of length " + std::to_string(b.length) + " at offset " +
                            std::to_string(b.offset));
    }
    if (b.n_children != s.n_children || b.children == nullptr) {
      throw py::value_error("an Arrow batch with " + std::to_string(b.n_children) + " columns, the schema has " +
                            std::to_string(s.n_children));
    }
    for (auto& column : columns) {
      const ArrowArray* child = b.children[index.at(column.name)];
      if (child == nullptr || child->length < b.offset + b.length) {
        throw py::value_error("column \"" + column.name + "\": an Arrow batch's column shorter than the batch");
      }
      column.chunks.push_back(chunk{child, b.offset, b.length, batch});
      column.rows += b.length;
    }
    rows += b.length;
  }
  py::dict out;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const auto& [name, kind] = wanted[i];
    if (kind == "labels")
      out[py::str(name)] = read_labels(columns[i]);
    else if (kind == "counts")
      out[py::str(name)] = read_numbers(columns[i]);
    else
      throw py::value_error("unknown column kind \"" + kind + "\" (labels or counts)");
  }
  result["columns"] = out;
  result["rows"] = rows;
  return result;
}

/// The labels of a stream of plain arrays (one column: a pyarrow ChunkedArray, the storage of a
/// pandas column backed by Arrow).
py::dict arrow_labels(const py::handle& source, const std::string& name) {
  const auto stream = arrow::take_stream(source);
  owned_schema schema;
  stream->schema(schema);
  column_source column{name, &schema.schema, {}, 0};
  while (auto batch = stream->next()) {
    if (batch->array.length < 0) throw py::value_error("an Arrow array of negative length");
    column.chunks.push_back(chunk{&batch->array, 0, batch->array.length, batch});
    column.rows += batch->array.length;
  }
  return read_labels(column);
}

}  // namespace

void register_arrow(py::module_& m) {
  m.def("_arrow_columns", &arrow_columns, py::arg("source"), py::arg("columns"),
        "Columns of an Arrow stream (an object with __arrow_c_stream__, or its capsule): for each (name, kind), "
        "kind 'labels' gives codes (int64, -1 for null) plus the distinct values in order of first appearance, "
        "'counts' a numpy array of the column's numeric type (in place when it is one run of memory) and the first "
        "null row. {'names': all column names, 'columns': ... or None when one is missing, 'rows': n}.");
  m.def("_arrow_labels", &arrow_labels, py::arg("source"), py::arg("name"),
        "The labels (codes and distinct values, as _arrow_columns) of a stream of plain arrays, one column.");
}

}  // namespace kerncijfers::python
