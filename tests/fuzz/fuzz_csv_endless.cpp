// libFuzzer target: the CSV layer on endless input, as `--data /dev/zero` or a FIFO that never
// closes gives it. The input is a pattern; the stream repeats it forever.
//
// Issue 10 class 6: fields and records have documented length limits, so every call returns
// after reading a bounded amount: the constructor and each `next()` either give a header or a
// record, or throw `invalid_input` (a limit passed, malformed CSV) naming the input. An endless
// stream has no end, so `next()` must never return false. Reading more than `read_budget`
// bytes in one call is a finding, reported before the memory runs out.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <istream>
#include <streambuf>
#include <string>

#include "kerncijfers/csv.hpp"
#include "support.hpp"

namespace kc = kerncijfers;

namespace {

constexpr const char* source_name = "fuzz-endless.csv";

// Four times the documented default limit on a record (1 MiB, docs/data-schema.md): enough
// for the reader to notice that a field or record never ends, and reached in seconds under
// the sanitizers. Blank lines skipped before a record count too: they are read.
constexpr std::size_t read_budget = std::size_t{4} << 20;

// How many records to ask for; an endless run of valid records is the caller's to stop.
constexpr int records_to_read = 16;

// A stream buffer that repeats `pattern` forever and counts what it hands out.
class endless_buffer : public std::streambuf {
 public:
  explicit endless_buffer(std::string pattern) {
    while (chunk_.size() < 64 * 1024) chunk_ += pattern;
  }

  // Starts a new budget: the next call of the reader may read `read_budget` bytes.
  void reset_budget(const char* what) {
    served_ = 0;
    what_ = what;
  }

 protected:
  int_type underflow() override {
    served_ += chunk_.size();
    KC_FUZZ_CHECK(served_ <= read_budget, std::string("the CSV reader read ") + std::to_string(served_ >> 20) +
                                              " MiB of endless input in " + what_ +
                                              " without returning or throwing (no length limit)");
    setg(chunk_.data(), chunk_.data(), chunk_.data() + chunk_.size());
    return traits_type::to_int_type(chunk_[0]);
  }

 private:
  std::string chunk_;
  std::size_t served_ = 0;
  const char* what_ = "the constructor";
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  endless_buffer buffer(std::string(reinterpret_cast<const char*>(data), size));
  std::istream in(&buffer);
  try {
    buffer.reset_budget("the constructor (reading the header)");
    kc::csv::reader reader(in, source_name);
    kc::csv::record r;
    for (int i = 0; i < records_to_read; ++i) {
      buffer.reset_budget("next()");
      KC_FUZZ_CHECK(reader.next(r), "next() found the end of an endless input");
      KC_FUZZ_CHECK(r.size() == reader.header().size(), "a record whose size differs from the header's");
    }
  } catch (const kc::invalid_input& e) {
    kc_fuzz::check_message_names(e, source_name);
  }
  return 0;
}
