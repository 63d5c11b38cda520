#pragma once
// The Arrow C data interface and C stream interface, as far as kerncijfers reads them: the
// three structs (written from the specification, https://arrow.apache.org/docs/format/
// CDataInterface.html and CStreamInterface.html; their layout is the ABI, so the fields and
// the guards are the specification's), an owner for each that always calls the producer's
// release callback, and the consumer side of the PyCapsule protocol (__arrow_c_stream__).
//
// Why our own: a polars DataFrame or a pyarrow Table hands its columns over as these
// structs, without pyarrow; reading them needs a few hundred lines, not a dependency.

#include <pybind11/pybind11.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

extern "C" {

#ifndef ARROW_C_DATA_INTERFACE
#define ARROW_C_DATA_INTERFACE

#define ARROW_FLAG_DICTIONARY_ORDERED 1
#define ARROW_FLAG_NULLABLE 2
#define ARROW_FLAG_MAP_KEYS_SORTED 4

// A type (and the field's name): format string, children for nested types, the value type
// of a dictionary-encoded field.
struct ArrowSchema {
  const char* format;
  const char* name;
  const char* metadata;
  int64_t flags;
  int64_t n_children;
  struct ArrowSchema** children;
  struct ArrowSchema* dictionary;
  void (*release)(struct ArrowSchema*);
  void* private_data;
};

// The data of one array: its length, the offset of its first row in the buffers, the
// buffers (validity bitmap first, possibly null when there are no nulls), the children
// and, for dictionary-encoded data, the dictionary's values.
struct ArrowArray {
  int64_t length;
  int64_t null_count;
  int64_t offset;
  int64_t n_buffers;
  int64_t n_children;
  const void** buffers;
  struct ArrowArray** children;
  struct ArrowArray* dictionary;
  void (*release)(struct ArrowArray*);
  void* private_data;
};

#endif  // ARROW_C_DATA_INTERFACE

#ifndef ARROW_C_STREAM_INTERFACE
#define ARROW_C_STREAM_INTERFACE

// A pull stream of arrays sharing one schema (a record batch reader: each array a struct).
struct ArrowArrayStream {
  int (*get_schema)(struct ArrowArrayStream*, struct ArrowSchema* out);
  int (*get_next)(struct ArrowArrayStream*, struct ArrowArray* out);
  const char* (*get_last_error)(struct ArrowArrayStream*);
  void (*release)(struct ArrowArrayStream*);
  void* private_data;
};

#endif  // ARROW_C_STREAM_INTERFACE

}  // extern "C"

namespace kerncijfers::python::arrow {

namespace py = pybind11;

/// Owns a schema: released once, when the owner goes (also when an error unwinds).
struct owned_schema {
  ArrowSchema schema{};
  owned_schema() = default;
  owned_schema(const owned_schema&) = delete;
  owned_schema& operator=(const owned_schema&) = delete;
  ~owned_schema() {
    if (schema.release != nullptr) schema.release(&schema);
  }
};

/// Owns an array (a record batch): released once, when the last owner goes. Shared, because
/// a count column read in place keeps its batch alive as long as numpy looks at it.
struct owned_array {
  ArrowArray array{};
  owned_array() = default;
  owned_array(const owned_array&) = delete;
  owned_array& operator=(const owned_array&) = delete;
  ~owned_array() {
    if (array.release != nullptr) array.release(&array);
  }
};

/// A stream taken over from a producer: the capsule keeps an empty shell (release = null,
/// as the specification asks of a consumer that moves a struct), this owner releases it.
class owned_stream {
 public:
  explicit owned_stream(ArrowArrayStream* source) noexcept : stream_(*source) { source->release = nullptr; }
  owned_stream(const owned_stream&) = delete;
  owned_stream& operator=(const owned_stream&) = delete;
  ~owned_stream() {
    if (stream_.release != nullptr) stream_.release(&stream_);
  }

  /// The schema of every batch; an error (with the producer's message) if it cannot give it.
  void schema(owned_schema& out) {
    check(stream_.get_schema != nullptr ? stream_.get_schema(&stream_, &out.schema) : -1, "its schema");
    if (out.schema.release == nullptr) throw py::value_error("the Arrow stream gave a released schema");
  }

  /// The next batch, or null at the end of the stream.
  std::shared_ptr<owned_array> next() {
    auto batch = std::make_shared<owned_array>();
    check(stream_.get_next != nullptr ? stream_.get_next(&stream_, &batch->array) : -1, "its next batch");
    if (batch->array.release == nullptr) return nullptr;
    return batch;
  }

 private:
  void check(int code, const char* what) {
    if (code == 0) return;
    std::string message =
        "the Arrow stream could not give " + std::string(what) + " (error " + std::to_string(code) + ")";
    const char* detail = stream_.get_last_error != nullptr ? stream_.get_last_error(&stream_) : nullptr;
    if (detail != nullptr) message += ": " + std::string(detail);
    throw py::value_error(message);
  }

  ArrowArrayStream stream_;
};

inline constexpr const char* stream_capsule_name = "arrow_array_stream";

/// The stream of `source`: an object with __arrow_c_stream__ (polars, pyarrow, ...) or such a
/// capsule itself. A capsule of another name, or one already consumed, is refused.
inline std::unique_ptr<owned_stream> take_stream(const py::handle& source) {
  py::object capsule = py::reinterpret_borrow<py::object>(source);
  if (!PyCapsule_CheckExact(source.ptr())) {
    if (!py::hasattr(source, "__arrow_c_stream__")) {
      throw py::type_error(
          "expected a pandas DataFrame or an object with __arrow_c_stream__ (a polars DataFrame, a "
          "pyarrow Table, ...), not " +
          py::str(py::type::handle_of(source).attr("__name__")).cast<std::string>());
    }
    capsule = source.attr("__arrow_c_stream__")();
    if (!PyCapsule_CheckExact(capsule.ptr())) {
      throw py::type_error("__arrow_c_stream__() returned a " +
                           py::str(py::type::handle_of(capsule).attr("__name__")).cast<std::string>() +
                           ", not a PyCapsule");
    }
  }
  const char* name = PyCapsule_GetName(capsule.ptr());
  if (name == nullptr && PyErr_Occurred() != nullptr) throw py::error_already_set();
  if (name == nullptr || std::string_view(name) != stream_capsule_name) {
    throw py::type_error("expected a PyCapsule named \"arrow_array_stream\", got one named " +
                         (name == nullptr ? std::string("None") : "\"" + std::string(name) + "\""));
  }
  auto* stream = static_cast<ArrowArrayStream*>(PyCapsule_GetPointer(capsule.ptr(), stream_capsule_name));
  if (stream == nullptr) throw py::error_already_set();
  if (stream->release == nullptr) {
    throw py::value_error("the Arrow stream capsule was already consumed (its stream is released)");
  }
  return std::make_unique<owned_stream>(stream);
}

}  // namespace kerncijfers::python::arrow
