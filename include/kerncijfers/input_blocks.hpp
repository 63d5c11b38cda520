#pragma once
/// \file input_blocks.hpp
/// A file read as a stream of blocks of bytes, gzip decompressed on the fly: the input
/// of the streaming readers (eurostat.hpp), which never hold a whole file in memory.
///
///     kc::input_blocks blocks("migr_asyappctza.csv.gz");
///     for (std::span<const char> b = blocks.next(); !b.empty(); b = blocks.next()) parse(b);
///
/// **gzip or not.** A file whose first two bytes are gzip's magic (1f 8b) is gzip and is
/// inflated; any other file is passed through as it is. The name does not matter. A gzip
/// file may hold several members one after the other (`cat a.gz b.gz`, bgzip, pigz
/// --independent): they are read as one stream, as gunzip does. After the last member
/// nothing may follow: bytes that do not start another member are an error (gunzip only
/// warns; a number read from a damaged file must not pass silently).
///
/// **Inflaters.** zlib always; Intel's ISA-L (igzip) where the build found it
/// (`KERNCIJFERS_HAVE_ISAL`, set by the CMake target), which inflates this library's
/// inputs about twice as fast. `input_blocks_options::inflater` picks one per object (the
/// tests compare them on the same input); `automatic` is ISA-L when present, unless the
/// build defines `KERNCIJFERS_FORCE_ZLIB`. Both check every member's CRC-32 and length.
/// libdeflate, faster still, inflates whole buffers only (the whole decompressed file in
/// memory), which this reader must never need, so it is not used.
///
/// **Overlap.** By default the file is read and inflated on a thread of its own, a ring of
/// `blocks` buffers ahead of the consumer: while the caller parses one block, the next are
/// being inflated on the other core. The caller's thread only waits when it is faster than
/// the inflater. `background = false` does everything inside `next()` instead.
///
/// **Memory.** Bounded, whatever the file's size: `blocks` x `block_size` bytes of output
/// (3 x 256 KiB by default), one compressed read buffer (`read_size`, 256 KiB) and the
/// inflater's state (zlib: about 44 KiB; ISA-L: about 100 KiB).
///
/// **Errors.** A path that does not exist, cannot be opened or is a directory throws
/// `invalid_input` from the constructor, naming the path (as the CSV loaders word it:
/// `cannot open "x.csv.gz" for reading (No such file or directory)`). Problems found while
/// reading throw `csv::read_error` (an `invalid_input`) from `next()`, after every block
/// before the problem has been handed out; the message starts with the path and names the
/// byte offset in the (compressed) file:
///   - a read that fails: `x.csv.gz: read error at byte 0 (Is a directory)`;
///   - corrupt data: `x.csv.gz: corrupt gzip data at byte 5016 (zlib: invalid distance too
///     far back)`; a damaged checksum or length is found at the member's end;
///   - a file cut short: `x.csv.gz: the gzip data is cut short: the file ends at byte 100000,
///     inside a gzip member`;
///   - bytes after the last member: `x.csv.gz: 3 bytes at byte 26 follow the last gzip member
///     and are not gzip data`.
/// An error raised on the background thread reaches the caller from `next()`, as if
/// `next()` had raised it; every later call raises it again.
///
/// **Lifetime.** The span `next()` returns stays valid until the next call of `next()` or
/// the object's end. Destroying the object in the middle of a file stops the background
/// thread (it finishes at most the block in hand) and joins it. The object can be moved,
/// not copied; one object is used from one thread at a time.

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <new>
#include <span>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include <zlib.h>
#if defined(KERNCIJFERS_HAVE_ISAL) && KERNCIJFERS_HAVE_ISAL
#include <isa-l/igzip_lib.h>
#endif

#include "kerncijfers/csv.hpp"
#include "kerncijfers/errors.hpp"
#include "kerncijfers/text.hpp"

namespace kerncijfers {

/// Which library inflates gzip input.
enum class gzip_inflater : std::uint8_t {
  /// ISA-L where the build has it (and does not define `KERNCIJFERS_FORCE_ZLIB`), else zlib.
  automatic,
  /// zlib (always available).
  zlib,
  /// Intel ISA-L's igzip; `input_blocks` throws `invalid_input` when the build lacks it.
  isal,
};

/// Whether this build can inflate with ISA-L (`KERNCIJFERS_HAVE_ISAL`, set by the CMake
/// target when it found libisal).
#if defined(KERNCIJFERS_HAVE_ISAL) && KERNCIJFERS_HAVE_ISAL
inline constexpr bool isal_available = true;
#else
inline constexpr bool isal_available = false;
#endif

/// The inflater that `gzip_inflater::automatic` stands for in this build.
#if defined(KERNCIJFERS_FORCE_ZLIB) && KERNCIJFERS_FORCE_ZLIB
inline constexpr gzip_inflater default_gzip_inflater = gzip_inflater::zlib;
#else
inline constexpr gzip_inflater default_gzip_inflater = isal_available ? gzip_inflater::isal : gzip_inflater::zlib;
#endif

/// How `input_blocks` reads: block sizes, the ring, the inflater, the thread.
struct input_blocks_options {
  /// Bytes per block handed out (at least 1): every block but the last is this long.
  std::size_t block_size = std::size_t{256} << 10;
  /// Blocks in the ring, the one the caller holds included (2 to 16 with `background`;
  /// without it one buffer is used whatever this says).
  std::size_t blocks = 3;
  /// Bytes read from the file at a time (at least 1).
  std::size_t read_size = std::size_t{256} << 10;
  /// Which library inflates gzip input.
  gzip_inflater inflater = gzip_inflater::automatic;
  /// Read and inflate on a thread of its own, ahead of the caller.
  bool background = true;

  [[nodiscard]] friend bool operator==(const input_blocks_options&, const input_blocks_options&) = default;
};

namespace detail {

// A whole path in a message (a path is never shortened: the user must find the file).
[[nodiscard]] inline std::string quoted_path(const std::filesystem::path& path) {
  return quote(path.string(), static_cast<std::size_t>(-1));
}

// A problem found while reading `path`: "path: problem".
[[noreturn]] inline void throw_read_error(const std::filesystem::path& path, const std::string& problem) {
  throw csv::read_error(csv::position{path.string(), 0, 0, {}}, problem);
}

// Reads a file in the caller's chunks, counting the offset, with errors naming the path.
class file_reader {
 public:
  explicit file_reader(const std::filesystem::path& path) : path_(path) {
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored)) {
      throw invalid_input("cannot read " + quoted_path(path) + ": it is a directory, not a file");
    }
    errno = 0;
    file_ = std::fopen(path.c_str(), "rb");
    if (file_ == nullptr) {
      const int error = errno;
      throw invalid_input("cannot open " + quoted_path(path) + " for reading" +
                          (error != 0 ? " (" + std::generic_category().message(error) + ")" : std::string()));
    }
    // Our reads are large: a stdio buffer would only add a copy.
    std::setvbuf(file_, nullptr, _IONBF, 0);
  }
  file_reader(const file_reader&) = delete;
  file_reader& operator=(const file_reader&) = delete;
  ~file_reader() {
    if (file_ != nullptr) std::fclose(file_);
  }

  // Fills `out` as far as the file goes; fewer bytes only at the end of the file.
  std::size_t read(unsigned char* out, std::size_t size) {
    std::size_t got = 0;
    while (got < size && !eof_) {
      errno = 0;
      const std::size_t n = std::fread(out + got, 1, size - got, file_);
      got += n;
      offset_ += n;
      if (n == 0 || got < size) {
        if (std::ferror(file_) != 0) {
          const int error = errno;
          throw_read_error(path_, "read error at byte " + std::to_string(offset_) +
                                      (error != 0 ? " (" + std::generic_category().message(error) + ")" : ""));
        }
        if (std::feof(file_) != 0) eof_ = true;
      }
    }
    return got;
  }

  [[nodiscard]] bool eof() const noexcept { return eof_; }
  [[nodiscard]] std::uint64_t offset() const noexcept { return offset_; }
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
  std::FILE* file_ = nullptr;
  std::uint64_t offset_ = 0;
  bool eof_ = false;
};

// One call of an inflater: how much input it took, how much output it made, and whether
// the member ended or the data is corrupt (then `problem` says why, in the library's words).
struct inflate_step {
  std::size_t in_used = 0;
  std::size_t out_made = 0;
  bool member_end = false;
  bool corrupt = false;
  std::string problem;
};

// zlib's inflate on one gzip member at a time (windowBits 16 + 15: gzip wrapper only).
class zlib_inflater {
 public:
  zlib_inflater() {
    if (inflateInit2(&stream_, 16 + MAX_WBITS) != Z_OK) throw std::bad_alloc();
  }
  zlib_inflater(const zlib_inflater&) = delete;
  zlib_inflater& operator=(const zlib_inflater&) = delete;
  ~zlib_inflater() { inflateEnd(&stream_); }

  static constexpr const char* name = "zlib";

  void start_member() { inflateReset(&stream_); }

  inflate_step step(const unsigned char* in, std::size_t in_size, unsigned char* out, std::size_t out_size) {
    // zlib counts in uInt: hand it at most 1 GiB at a time.
    constexpr std::size_t most = std::size_t{1} << 30;
    stream_.next_in = const_cast<Bytef*>(in);  // zlib's API is not const-correct; it never writes input
    stream_.avail_in = static_cast<uInt>(std::min(in_size, most));
    stream_.next_out = out;
    stream_.avail_out = static_cast<uInt>(std::min(out_size, most));
    const int status = ::inflate(&stream_, Z_NO_FLUSH);
    inflate_step result;
    result.in_used = static_cast<std::size_t>(stream_.next_in - in);
    result.out_made = static_cast<std::size_t>(stream_.next_out - out);
    switch (status) {
      case Z_OK:
      case Z_BUF_ERROR:  // no progress possible: more input needed
        break;
      case Z_STREAM_END: result.member_end = true; break;
      case Z_MEM_ERROR: throw std::bad_alloc();
      case Z_NEED_DICT:
        result.corrupt = true;
        result.problem = "a preset dictionary is needed";
        break;
      default:
        result.corrupt = true;
        result.problem = stream_.msg != nullptr ? stream_.msg : "error " + std::to_string(status);
        break;
    }
    return result;
  }

 private:
  z_stream stream_{};
};

#if defined(KERNCIJFERS_HAVE_ISAL) && KERNCIJFERS_HAVE_ISAL
// ISA-L's streaming inflate on one gzip member at a time (it parses the header and checks
// the trailer itself).
class isal_inflater {
 public:
  isal_inflater() : state_(std::make_unique<inflate_state>()) { start_member(); }

  static constexpr const char* name = "ISA-L";

  void start_member() {
    isal_inflate_init(state_.get());
    state_->crc_flag = ISAL_GZIP;
  }

  inflate_step step(const unsigned char* in, std::size_t in_size, unsigned char* out, std::size_t out_size) {
    constexpr std::size_t most = std::size_t{1} << 30;  // ISA-L counts in uint32_t
    inflate_state& s = *state_;
    s.next_in = const_cast<std::uint8_t*>(in);  // ISA-L never writes its input
    s.avail_in = static_cast<std::uint32_t>(std::min(in_size, most));
    s.next_out = out;
    s.avail_out = static_cast<std::uint32_t>(std::min(out_size, most));
    const int status = isal_inflate(&s);
    inflate_step result;
    std::size_t used = static_cast<std::size_t>(s.next_in - in);
    result.out_made = static_cast<std::size_t>(s.next_out - out);
    if (status < 0 || status == ISAL_NEED_DICT) {
      result.corrupt = true;
      result.problem = problem_of(status);
    } else if (s.block_state == ISAL_BLOCK_FINISH) {
      result.member_end = true;
      // Whole bytes still in the bit buffer belong to what follows the member.
      const std::size_t unread = s.read_in_length > 0 ? static_cast<std::size_t>(s.read_in_length) / 8 : 0;
      used -= std::min(used, unread);
    }
    result.in_used = used;
    return result;
  }

 private:
  static std::string problem_of(int status) {
    switch (status) {
      case ISAL_INVALID_BLOCK: return "invalid deflate block";
      case ISAL_INVALID_SYMBOL: return "invalid deflate symbol";
      case ISAL_INVALID_LOOKBACK: return "invalid lookback distance";
      case ISAL_INVALID_WRAPPER: return "invalid gzip header";
      case ISAL_UNSUPPORTED_METHOD: return "unknown compression method";
      case ISAL_INCORRECT_CHECKSUM: return "incorrect checksum or length";
      case ISAL_NEED_DICT: return "a preset dictionary is needed";
      default: return "error " + std::to_string(status);
    }
  }

  std::unique_ptr<inflate_state> state_;
};
#endif

// What fills the blocks: the file as it is, or the file inflated.
class byte_producer {
 public:
  virtual ~byte_producer() = default;
  // Fills `out` (size > 0) completely, or less at the end of the input; 0: the end.
  virtual std::size_t fill(char* out, std::size_t size) = 0;
};

// The file passed through. `head` holds the bytes read while the format was recognised.
class plain_producer final : public byte_producer {
 public:
  plain_producer(std::unique_ptr<file_reader> file, std::vector<unsigned char> head)
      : file_(std::move(file)), head_(std::move(head)) {}

  std::size_t fill(char* out, std::size_t size) override {
    std::size_t made = 0;
    if (head_pos_ < head_.size()) {
      made = std::min(size, head_.size() - head_pos_);
      std::memcpy(out, head_.data() + head_pos_, made);
      head_pos_ += made;
    }
    if (made < size) made += file_->read(reinterpret_cast<unsigned char*>(out) + made, size - made);
    return made;
  }

 private:
  std::unique_ptr<file_reader> file_;
  std::vector<unsigned char> head_;
  std::size_t head_pos_ = 0;
};

// The gzip members of a file, one after the other, inflated by `Inflater`. Keeps the
// offset in the file of every input byte, for the messages.
//
// Each member's header is checked here and is in the buffer whole before the inflater
// sees it: ISA-L 2.30 misreads a header that reaches it in pieces (its header CRC check
// fails, or it takes the name for deflate data), and the checks give both inflaters the
// same words for a bad header.
template <class Inflater>
class gzip_producer final : public byte_producer {
 public:
  gzip_producer(std::unique_ptr<file_reader> file, std::vector<unsigned char> head, std::size_t read_size)
      : file_(std::move(file)), in_(std::max(read_size, head.size())) {
    std::copy(head.begin(), head.end(), in_.begin());
    in_size_ = head.size();
  }

  // A problem found after some bytes were made is raised at the next call, so that the
  // bytes before it reach the caller first.
  std::size_t fill(char* out_chars, std::size_t size) override {
    if (pending_) std::rethrow_exception(pending_);
    auto* const out = reinterpret_cast<unsigned char*>(out_chars);
    std::size_t made = 0;
    try {
      while (made < size) {
        if (!inside_) {
          if (!start_member()) break;  // the end: after a whole member, nothing more
          continue;
        }
        if (in_pos_ == in_size_) refill();
        const inflate_step s = inflater_.step(in_.data() + in_pos_, in_size_ - in_pos_, out + made, size - made);
        in_pos_ += s.in_used;
        made += s.out_made;
        if (s.corrupt) corrupt(in_offset_ + in_pos_, std::string(Inflater::name) + ": " + s.problem);
        if (s.member_end) {
          inside_ = false;
        } else if (s.in_used == 0 && s.out_made == 0) {
          // The inflater needs more input than it was given: read on, or the file ends
          // inside the member.
          const std::size_t had = in_size_ - in_pos_;
          refill();
          if (in_size_ - in_pos_ == had) cut_short();
        }
      }
    } catch (const std::bad_alloc&) {
      throw;
    } catch (...) {
      if (made == 0) throw;
      pending_ = std::current_exception();
    }
    return made;
  }

 private:
  // Largest gzip header accepted: its name, comment and extra field are skipped, but must
  // fit in the buffer together.
  static constexpr std::size_t max_header = std::size_t{1} << 20;

  // At a member's start (or the end of the file): checks the header and starts the
  // inflater on it. False at the end of the file.
  bool start_member() {
    ensure(2);
    const std::size_t available = in_size_ - in_pos_;
    if (available == 0) return false;
    if (available < 2 || in_[in_pos_] != 0x1f || in_[in_pos_ + 1] != 0x8b) {
      const std::uint64_t at = in_offset_ + in_pos_;
      const std::uint64_t rest = bytes_to_end(at);
      throw_read_error(file_->path(), std::to_string(rest) + (rest == 1 ? " byte" : " bytes") + " at byte " +
                                          std::to_string(at) + " follow the last gzip member and are not gzip data");
    }
    const std::uint64_t member = in_offset_ + in_pos_;
    // RFC 1952: ID1 ID2 CM FLG MTIME(4) XFL OS, then the optional fields FLG announces.
    std::size_t size = 10;
    const auto byte = [&](std::size_t i) -> unsigned {
      if (i >= max_header) corrupt(member, "gzip header: longer than 1 MiB");
      if (!ensure(i + 1)) cut_short();
      return in_[in_pos_ + i];
    };
    const unsigned method = byte(2);
    const unsigned flags = byte(3);
    if (method != 8) corrupt(member + 2, "gzip header: unknown compression method " + std::to_string(method));
    if ((flags & 0xe0U) != 0) corrupt(member + 3, "gzip header: reserved flags set");
    (void)byte(size - 1);
    if ((flags & 0x04U) != 0) {  // FEXTRA: a length, then that many bytes
      size += 2 + (byte(size) | (byte(size + 1) << 8));
    }
    for (const unsigned text_flag : {0x08U, 0x10U}) {  // FNAME, FCOMMENT: zero-terminated
      if ((flags & text_flag) == 0) continue;
      while (byte(size) != 0) ++size;
      ++size;
    }
    if ((flags & 0x02U) != 0) size += 2;  // FHCRC (the inflater checks it)
    (void)byte(size);                     // the header and the first deflate byte are here
    inflater_.start_member();
    inside_ = true;
    return true;
  }

  // Makes at least `n` bytes available from in_pos_ (growing the buffer when needed);
  // false when the file ends first.
  bool ensure(std::size_t n) {
    while (in_size_ - in_pos_ < n && !file_->eof()) {
      if (in_size_ == in_.size() && in_pos_ == 0) in_.resize(std::max(2 * in_.size(), n));
      refill();
    }
    return in_size_ - in_pos_ >= n;
  }

  // Moves the unread input to the front of the buffer and reads behind it.
  void refill() {
    if (file_->eof()) return;
    const std::size_t keep = in_size_ - in_pos_;
    if (keep > 0 && in_pos_ > 0) std::memmove(in_.data(), in_.data() + in_pos_, keep);
    in_offset_ += in_pos_;
    in_pos_ = 0;
    in_size_ = keep + file_->read(in_.data() + keep, in_.size() - keep);
  }

  [[noreturn]] void corrupt(std::uint64_t at, const std::string& problem) const {
    throw_read_error(file_->path(), "corrupt gzip data at byte " + std::to_string(at) + " (" + problem + ")");
  }

  [[noreturn]] void cut_short() const {
    throw_read_error(file_->path(), "the gzip data is cut short: the file ends at byte " +
                                        std::to_string(in_offset_ + in_size_) + ", inside a gzip member");
  }

  // How many bytes the file has from `at` on (reads to the end: only for the message).
  std::uint64_t bytes_to_end(std::uint64_t at) {
    std::uint64_t end = in_offset_ + in_size_;
    std::vector<unsigned char> sink(64 << 10);
    while (!file_->eof()) end += file_->read(sink.data(), sink.size());
    return end - at;
  }

  std::unique_ptr<file_reader> file_;
  Inflater inflater_;
  std::vector<unsigned char> in_;
  std::size_t in_pos_ = 0;
  std::size_t in_size_ = 0;
  std::uint64_t in_offset_ = 0;  // offset in the file of in_[0]
  bool inside_ = false;          // inside a member
  std::exception_ptr pending_;   // found after bytes that the caller has not yet had
};

// The ring of blocks between the producer (on its thread, or inside next()) and the
// caller. Counters only grow: block k lives in buffer k % ring.
class block_ring {
 public:
  block_ring(std::unique_ptr<byte_producer> producer, const input_blocks_options& options)
      : producer_(std::move(producer)), block_size_(options.block_size) {
    const std::size_t ring = options.background ? options.blocks : 1;
    buffers_.resize(ring);
    sizes_.resize(ring, 0);
    for (auto& buffer : buffers_) buffer = std::make_unique<char[]>(block_size_);
    if (options.background) {
      try {
        thread_ = std::thread([this] { run(); });
      } catch (const std::system_error&) {
        // No thread to be had: read in the caller's thread, through one buffer.
        buffers_.resize(1);
        sizes_.resize(1);
      }
    }
  }
  block_ring(const block_ring&) = delete;
  block_ring& operator=(const block_ring&) = delete;

  ~block_ring() {
    if (thread_.joinable()) {
      {
        const std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
      }
      space_.notify_one();
      thread_.join();
    }
  }

  std::span<const char> next() {
    if (!thread_.joinable()) return next_here();
    std::unique_lock<std::mutex> lock(mutex_);
    if (holding_) {
      holding_ = false;
      ++released_;
      space_.notify_one();
    }
    filled_.wait(lock, [this] { return produced_ > handed_ || finished_; });
    if (produced_ > handed_) {
      const std::size_t slot = handed_ % buffers_.size();
      ++handed_;
      holding_ = true;
      return {buffers_[slot].get(), sizes_[slot]};
    }
    if (error_) std::rethrow_exception(error_);
    return {};
  }

 private:
  std::span<const char> next_here() {
    if (error_) std::rethrow_exception(error_);
    if (finished_) return {};
    try {
      const std::size_t size = producer_->fill(buffers_[0].get(), block_size_);
      if (size > 0) return {buffers_[0].get(), size};
      finished_ = true;
      producer_.reset();  // the file is closed as soon as it is read
    } catch (...) {
      error_ = std::current_exception();
      finished_ = true;
      producer_.reset();
      throw;
    }
    return {};
  }

  void run() noexcept {
    std::exception_ptr error;
    try {
      const std::size_t ring = buffers_.size();
      for (std::uint64_t k = 0;; ++k) {
        {
          std::unique_lock<std::mutex> lock(mutex_);
          space_.wait(lock, [&] { return stop_ || k - released_ < ring; });
          if (stop_) break;
        }
        const std::size_t slot = k % ring;
        const std::size_t size = producer_->fill(buffers_[slot].get(), block_size_);
        if (size == 0) break;
        {
          const std::lock_guard<std::mutex> lock(mutex_);
          sizes_[slot] = size;
          ++produced_;
        }
        filled_.notify_one();
      }
    } catch (...) {
      error = std::current_exception();
    }
    producer_.reset();
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      error_ = error;
      finished_ = true;
    }
    filled_.notify_one();
  }

  std::unique_ptr<byte_producer> producer_;
  std::size_t block_size_;
  std::vector<std::unique_ptr<char[]>> buffers_;
  std::vector<std::size_t> sizes_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable filled_;  // a block was produced, or the producer finished
  std::condition_variable space_;   // a block was released, or stop was asked
  std::uint64_t produced_ = 0;      // blocks filled by the producer
  std::uint64_t handed_ = 0;        // blocks handed to the caller
  std::uint64_t released_ = 0;      // blocks the caller gave back
  bool holding_ = false;            // the caller holds block handed_ - 1
  bool finished_ = false;
  bool stop_ = false;
  std::exception_ptr error_;
};

inline void check_input_blocks_options(const input_blocks_options& options) {
  if (options.block_size == 0) throw invalid_input("input_blocks: block_size must be at least 1 byte, got 0");
  if (options.read_size == 0) throw invalid_input("input_blocks: read_size must be at least 1 byte, got 0");
  if (options.background && (options.blocks < 2 || options.blocks > 16)) {
    throw invalid_input("input_blocks: blocks must be 2 to 16 with a background thread, got " +
                        std::to_string(options.blocks));
  }
  if (options.inflater == gzip_inflater::isal && !isal_available) {
    throw invalid_input("input_blocks: this build of kerncijfers has no ISA-L inflater (built without libisal)");
  }
}

}  // namespace detail

/// A file as blocks of bytes, gzip inflated on the fly; see the file comment.
class input_blocks {
 public:
  /// Opens `path` and recognises gzip by its first two bytes. Throws `invalid_input`
  /// naming the path when it is missing, a directory or cannot be opened, and for options
  /// out of range (or `gzip_inflater::isal` in a build without it).
  explicit input_blocks(const std::filesystem::path& path, const input_blocks_options& options = {}) : path_(path) {
    detail::check_input_blocks_options(options);
    auto file = std::make_unique<detail::file_reader>(path);
    std::vector<unsigned char> head(2);
    head.resize(file->read(head.data(), head.size()));
    gzip_ = head.size() == 2 && head[0] == 0x1f && head[1] == 0x8b;
    std::unique_ptr<detail::byte_producer> producer;
    if (!gzip_) {
      producer = std::make_unique<detail::plain_producer>(std::move(file), std::move(head));
    } else {
      inflater_ = options.inflater == gzip_inflater::automatic ? default_gzip_inflater : options.inflater;
#if defined(KERNCIJFERS_HAVE_ISAL) && KERNCIJFERS_HAVE_ISAL
      if (inflater_ == gzip_inflater::isal) {
        producer = std::make_unique<detail::gzip_producer<detail::isal_inflater>>(std::move(file), std::move(head),
                                                                                  options.read_size);
      }
#endif
      if (!producer) {
        producer = std::make_unique<detail::gzip_producer<detail::zlib_inflater>>(std::move(file), std::move(head),
                                                                                  options.read_size);
      }
    }
    ring_ = std::make_unique<detail::block_ring>(std::move(producer), options);
  }

  /// The next block of bytes (inflated when the file is gzip), never empty before the end;
  /// an empty span at the end, and on every call after it. Valid until the next call.
  /// Throws `csv::read_error` for a read that fails and for gzip data that is corrupt, cut
  /// short or followed by other bytes (see the file comment).
  [[nodiscard]] std::span<const char> next() { return ring_->next(); }

  /// The path as given.
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
  /// Whether the file is gzip (and is being inflated).
  [[nodiscard]] bool gzip() const noexcept { return gzip_; }
  /// The library that inflates it: `zlib` or `isal` for a gzip file, `automatic` for a
  /// file passed through.
  [[nodiscard]] gzip_inflater inflater() const noexcept { return inflater_; }

 private:
  std::filesystem::path path_;
  bool gzip_ = false;
  gzip_inflater inflater_ = gzip_inflater::automatic;
  std::unique_ptr<detail::block_ring> ring_;
};

}  // namespace kerncijfers
