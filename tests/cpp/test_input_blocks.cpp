#define BOOST_TEST_MODULE input_blocks
#include <boost/test/unit_test.hpp>

#include "support/message_of.hpp"

#include <kerncijfers/input_blocks.hpp>

#include <zlib.h>

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <new>
#include <random>
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace kc = kerncijfers;
namespace fs = std::filesystem;

using kerncijfers_test::exception_of;
using kerncijfers_test::message_of;

// ---------------------------------------------------------------------------------------
// Live heap bytes and their peak, for the test that memory stays bounded: this program's
// operator new keeps each block's size in front of it.

namespace {
std::atomic<std::size_t> live_bytes{0};
std::atomic<std::size_t> peak_bytes{0};
constexpr std::size_t header = 16;

void* tracked_alloc(std::size_t size) {
  auto* p = static_cast<unsigned char*>(std::malloc(size + header));
  if (p == nullptr) throw std::bad_alloc();
  *reinterpret_cast<std::size_t*>(p) = size;
  const std::size_t now = live_bytes += size;
  std::size_t peak = peak_bytes.load();
  while (now > peak && !peak_bytes.compare_exchange_weak(peak, now)) {
  }
  return p + header;
}
void tracked_free(void* q) noexcept {
  if (q == nullptr) return;
  auto* p = static_cast<unsigned char*>(q) - header;
  live_bytes -= *reinterpret_cast<std::size_t*>(p);
  std::free(p);
}
}  // namespace

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t size) { return tracked_alloc(size); }
void* operator new[](std::size_t size) { return tracked_alloc(size); }
void operator delete(void* p) noexcept { tracked_free(p); }
void operator delete[](void* p) noexcept { tracked_free(p); }
void operator delete(void* p, std::size_t) noexcept { tracked_free(p); }
void operator delete[](void* p, std::size_t) noexcept { tracked_free(p); }
#pragma GCC diagnostic pop

namespace {

// ---------------------------------------------------------------------------------------
// Inputs

// A directory of its own for each test, removed after it.
struct temp_dir {
  fs::path path;
  temp_dir() {
    static const unsigned run = std::random_device{}();
    static int counter = 0;
    path = fs::temp_directory_path() / ("kc_input_blocks_" + std::to_string(run) + "_" + std::to_string(counter++));
    fs::create_directories(path);
  }
  ~temp_dir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  [[nodiscard]] fs::path write(const std::string& name, const std::string& bytes) const {
    const fs::path file = path / name;
    std::ofstream out(file, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return file;
  }
};

struct gzip_header_fields {
  std::string name, comment, extra;
  bool header_crc = false;
};

// One gzip member holding `text`, written by zlib.
std::string gzip(const std::string& text, int level = 6, const gzip_header_fields& fields = {}) {
  z_stream z{};
  BOOST_REQUIRE(deflateInit2(&z, level, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string name = fields.name, comment = fields.comment, extra = fields.extra;
  gz_header h{};
  h.name = name.empty() ? Z_NULL : reinterpret_cast<Bytef*>(name.data());
  h.comment = comment.empty() ? Z_NULL : reinterpret_cast<Bytef*>(comment.data());
  h.extra = extra.empty() ? Z_NULL : reinterpret_cast<Bytef*>(extra.data());
  h.extra_len = static_cast<uInt>(extra.size());
  h.hcrc = fields.header_crc ? 1 : 0;
  h.os = 3;
  BOOST_REQUIRE(deflateSetHeader(&z, &h) == Z_OK);
  std::string out(deflateBound(&z, static_cast<uLong>(text.size())) + 1024, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  BOOST_REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// Text like a Eurostat CSV: compressible, but not trivially.
std::string csv_like(std::size_t bytes, unsigned seed = 1) {
  std::mt19937 random(seed);
  const char* const codes[] = {"SY", "AF", "TR", "UNK", "EL", "UK", "NA", "STLS"};
  std::string text = "freq,citizen,sex,unit,age,asyl_app,geo,time,values\n";
  while (text.size() < bytes) {
    text += "A,";
    text += codes[random() % 8];
    text += ",T,PER,TOTAL,NASY_APP,NL,";
    text += std::to_string(2008 + random() % 15) + "," + std::to_string(5 * (random() % 2000)) + "\n";
  }
  text.resize(bytes);
  return text;
}

// Everything `blocks` hands out, checking that no block is empty or longer than allowed.
std::string read_all(kc::input_blocks& blocks, std::size_t block_size) {
  std::string out;
  for (std::span<const char> b = blocks.next(); !b.empty(); b = blocks.next()) {
    BOOST_REQUIRE(b.size() <= block_size);
    out.append(b.data(), b.size());
  }
  BOOST_TEST(blocks.next().empty());  // and again at the end
  return out;
}

std::string read_all(const fs::path& path, const kc::input_blocks_options& options = {}) {
  kc::input_blocks blocks(path, options);
  return read_all(blocks, options.block_size);
}

// The inflaters this build has.
std::vector<kc::gzip_inflater> inflaters() {
  std::vector<kc::gzip_inflater> all{kc::gzip_inflater::zlib};
  if (kc::isal_available) all.push_back(kc::gzip_inflater::isal);
  return all;
}

// Option sets that stress different paths: the thread or not, and block and read sizes
// from 1 byte (`tiny`: for small inputs only, one system call per byte is slow) to the
// default.
std::vector<kc::input_blocks_options> option_sets(bool tiny) {
  std::vector<std::size_t> sizes{std::size_t{4096}, std::size_t{256} << 10};
  if (tiny) sizes.insert(sizes.begin(), {std::size_t{1}, std::size_t{7}});
  std::vector<kc::input_blocks_options> sets;
  for (const kc::gzip_inflater inflater : inflaters()) {
    for (const bool background : {true, false}) {
      for (const std::size_t block_size : sizes) {
        for (const std::size_t read_size : sizes) {
          kc::input_blocks_options o;
          o.inflater = inflater;
          o.background = background;
          o.block_size = block_size;
          o.read_size = read_size;
          o.blocks = background ? 2 + block_size % 3 : 3;
          sets.push_back(o);
        }
      }
    }
  }
  return sets;
}

std::string describe(const kc::input_blocks_options& o) {
  return std::string(o.inflater == kc::gzip_inflater::zlib ? "zlib" : "isal") + (o.background ? " thread" : "") +
         " block " + std::to_string(o.block_size) + " read " + std::to_string(o.read_size);
}

const std::string hello = "freq,citizen\nA,SY\n";

}  // namespace

// ---------------------------------------------------------------------------------------

BOOST_AUTO_TEST_SUITE(plain_files)

BOOST_AUTO_TEST_CASE(a_file_that_is_not_gzip_passes_through_unchanged) {
  temp_dir dir;
  const std::string text = csv_like(1'000'003);
  const fs::path path = dir.write("x.csv.gz", text);  // the name does not make it gzip
  kc::input_blocks blocks(path);
  BOOST_TEST(!blocks.gzip());
  BOOST_TEST((blocks.inflater() == kc::gzip_inflater::automatic));
  BOOST_TEST(blocks.path() == path);
  BOOST_TEST(read_all(blocks, std::size_t{256} << 10) == text);
  for (const auto& o : option_sets(false)) {
    BOOST_TEST_CONTEXT(describe(o)) { BOOST_TEST(read_all(path, o) == text); }
  }
  const fs::path small = dir.write("small.csv", text.substr(0, 3000));
  for (const auto& o : option_sets(true)) {
    BOOST_TEST_CONTEXT(describe(o)) { BOOST_TEST(read_all(small, o) == text.substr(0, 3000)); }
  }
}

BOOST_AUTO_TEST_CASE(blocks_are_full_except_the_last) {
  temp_dir dir;
  const fs::path path = dir.write("x.csv", std::string(10, 'a'));
  kc::input_blocks_options o;
  o.block_size = 4;
  kc::input_blocks blocks(path, o);
  BOOST_TEST(blocks.next().size() == 4u);
  BOOST_TEST(blocks.next().size() == 4u);
  BOOST_TEST(blocks.next().size() == 2u);
  BOOST_TEST(blocks.next().empty());
}

BOOST_AUTO_TEST_CASE(an_empty_file_gives_no_block) {
  temp_dir dir;
  kc::input_blocks blocks(dir.write("empty.csv", ""));
  BOOST_TEST(!blocks.gzip());
  BOOST_TEST(blocks.next().empty());
  BOOST_TEST(blocks.next().empty());
}

BOOST_AUTO_TEST_CASE(one_magic_byte_or_a_wrong_second_byte_is_plain) {
  temp_dir dir;
  for (const std::string& bytes : {std::string("\x1f"), std::string("\x1f\x8a rest"), std::string("\x8b\x1f")}) {
    kc::input_blocks blocks(dir.write("x", bytes));
    BOOST_TEST(!blocks.gzip());
    BOOST_TEST(read_all(blocks, std::size_t{256} << 10) == bytes);
  }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(gzip_files)

BOOST_AUTO_TEST_CASE(a_member_is_inflated_by_every_inflater_with_any_block_and_read_size) {
  temp_dir dir;
  for (const bool tiny : {false, true}) {
    const std::string text = csv_like(tiny ? 5'000 : 1'000'000);
    const fs::path path = dir.write("x.csv.gz", gzip(text));
    for (const auto& o : option_sets(tiny)) {
      BOOST_TEST_CONTEXT(describe(o)) {
        kc::input_blocks blocks(path, o);
        BOOST_TEST(blocks.gzip());
        BOOST_TEST((blocks.inflater() == o.inflater));
        BOOST_TEST(read_all(blocks, o.block_size) == text);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(automatic_is_the_builds_default) {
  temp_dir dir;
  kc::input_blocks blocks(dir.write("x.gz", gzip(hello)));
  BOOST_TEST((blocks.inflater() == kc::default_gzip_inflater));
#if defined(KERNCIJFERS_FORCE_ZLIB) && KERNCIJFERS_FORCE_ZLIB
  BOOST_TEST((kc::default_gzip_inflater == kc::gzip_inflater::zlib));
#else
  BOOST_TEST((kc::default_gzip_inflater == (kc::isal_available ? kc::gzip_inflater::isal : kc::gzip_inflater::zlib)));
#endif
}

BOOST_AUTO_TEST_CASE(members_one_after_the_other_read_as_one_stream) {
  temp_dir dir;
  const std::string a = csv_like(7'000, 2), b = csv_like(5'000, 3);
  // An empty member first, in the middle and last; a stored (level 0) member.
  const std::string bytes = gzip("") + gzip(a, 9) + gzip("") + gzip(b, 0) + gzip("z", 1) + gzip("");
  const fs::path path = dir.write("multi.gz", bytes);
  for (const auto& o : option_sets(true)) {
    BOOST_TEST_CONTEXT(describe(o)) { BOOST_TEST(read_all(path, o) == a + b + "z"); }
  }
}

BOOST_AUTO_TEST_CASE(only_empty_members_give_no_block) {
  temp_dir dir;
  for (const auto inflater : inflaters()) {
    kc::input_blocks_options o;
    o.inflater = inflater;
    kc::input_blocks blocks(dir.write("e.gz", gzip("") + gzip("")), o);
    BOOST_TEST(blocks.gzip());
    BOOST_TEST(blocks.next().empty());
  }
}

BOOST_AUTO_TEST_CASE(header_fields_are_skipped) {
  temp_dir dir;
  const gzip_header_fields fields{"migr_asyappctza.csv", "a comment", std::string("AB\x04\0wxyz", 8), true};
  const fs::path path = dir.write("h.gz", gzip(hello, 6, fields) + gzip(hello, 6, fields));
  for (const auto& o : option_sets(true)) {
    BOOST_TEST_CONTEXT(describe(o)) { BOOST_TEST(read_all(path, o) == hello + hello); }
  }
}

BOOST_AUTO_TEST_CASE(the_two_inflaters_give_the_same_bytes_on_megabytes) {
  if (!kc::isal_available) return;
  temp_dir dir;
  std::string text = csv_like(6'000'000, 4);
  const fs::path path = dir.write("big.gz", gzip(text.substr(0, 2'500'000), 1) + gzip(text.substr(2'500'000), 9));
  kc::input_blocks_options z, i;
  z.inflater = kc::gzip_inflater::zlib;
  i.inflater = kc::gzip_inflater::isal;
  const std::string by_zlib = read_all(path, z);
  BOOST_TEST(by_zlib.size() == text.size());
  BOOST_TEST((by_zlib == text));
  BOOST_TEST((read_all(path, i) == text));
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------

BOOST_AUTO_TEST_SUITE(errors)

BOOST_AUTO_TEST_CASE(a_missing_file_or_a_directory_is_named) {
  temp_dir dir;
  const fs::path missing = dir.path / "nope.csv.gz";
  BOOST_TEST(message_of<kc::invalid_input>([&] { kc::input_blocks b(missing); }) ==
             "cannot open \"" + missing.string() + "\" for reading (No such file or directory)");
  BOOST_TEST(message_of<kc::invalid_input>([&] { kc::input_blocks b(dir.path); }) ==
             "cannot read \"" + dir.path.string() + "\": it is a directory, not a file");
}

BOOST_AUTO_TEST_CASE(options_out_of_range_are_refused) {
  temp_dir dir;
  const fs::path path = dir.write("x", "abc");
  kc::input_blocks_options o;
  o.block_size = 0;
  BOOST_TEST(message_of<kc::invalid_input>([&] { kc::input_blocks b(path, o); }) ==
             "input_blocks: block_size must be at least 1 byte, got 0");
  o = {};
  o.read_size = 0;
  BOOST_TEST(message_of<kc::invalid_input>([&] { kc::input_blocks b(path, o); }) ==
             "input_blocks: read_size must be at least 1 byte, got 0");
  o = {};
  o.blocks = 1;
  BOOST_TEST(message_of<kc::invalid_input>([&] { kc::input_blocks b(path, o); }) ==
             "input_blocks: blocks must be 2 to 16 with a background thread, got 1");
  o.background = false;  // one buffer whatever `blocks` says
  BOOST_TEST(read_all(path, o) == "abc");
  if (!kc::isal_available) {
    o = {};
    o.inflater = kc::gzip_inflater::isal;
    BOOST_TEST(message_of<kc::invalid_input>([&] { kc::input_blocks b(path, o); }) ==
               "input_blocks: this build of kerncijfers has no ISA-L inflater (built without libisal)");
  }
}

BOOST_AUTO_TEST_CASE(a_file_cut_anywhere_is_cut_short_at_its_end) {
  temp_dir dir;
  const std::string whole = gzip(csv_like(3'000, 5), 6, {"name.csv", "", "", true});
  for (const auto inflater : inflaters()) {
    for (const bool background : {false, true}) {
      kc::input_blocks_options o;
      o.inflater = inflater;
      o.background = background;
      o.block_size = 512;
      // From the magic bytes alone up to the last byte of the trailer missing.
      // With the thread, every 7th cut (the thread adds nothing that depends on the place).
      for (std::size_t cut = 2; cut < whole.size(); cut += background ? 7 : 1) {
        const fs::path path = dir.write("cut.gz", whole.substr(0, cut));
        BOOST_TEST_CONTEXT("cut at " << cut << ", " << describe(o)) {
          const std::string message = message_of<kc::csv::read_error>([&] { read_all(path, o); });
          BOOST_TEST(message == path.string() + ": the gzip data is cut short: the file ends at byte " +
                                    std::to_string(cut) + ", inside a gzip member");
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_second_member_cut_short_is_cut_short) {
  temp_dir dir;
  const std::string a = gzip(hello), b = gzip(hello);
  const fs::path path = dir.write("cut.gz", a + b.substr(0, 12));
  for (const auto inflater : inflaters()) {
    kc::input_blocks_options o;
    o.inflater = inflater;
    BOOST_TEST(message_of<kc::csv::read_error>([&] { read_all(path, o); }) ==
               path.string() + ": the gzip data is cut short: the file ends at byte " + std::to_string(a.size() + 12) +
                   ", inside a gzip member");
  }
}

BOOST_AUTO_TEST_CASE(bytes_after_the_last_member_are_an_error) {
  temp_dir dir;
  const std::string member = gzip(hello);
  const std::string at = std::to_string(member.size());
  const std::vector<std::pair<std::string, std::string>> cases{
      {"xyz", "3 bytes at byte " + at + " follow the last gzip member and are not gzip data"},
      {std::string(1, '\0'), "1 byte at byte " + at + " follow the last gzip member and are not gzip data"},
      {std::string(600, '\0'), "600 bytes at byte " + at + " follow the last gzip member and are not gzip data"},
      {"\x1f", "1 byte at byte " + at + " follow the last gzip member and are not gzip data"},
      {"\x1f\x8b", "the gzip data is cut short: the file ends at byte " + std::to_string(member.size() + 2) +
                       ", inside a gzip member"},
  };
  for (const auto inflater : inflaters()) {
    for (const std::size_t read_size : {std::size_t{1}, std::size_t{256} << 10}) {
      for (const auto& [tail, expected] : cases) {
        kc::input_blocks_options o;
        o.inflater = inflater;
        o.read_size = read_size;
        const fs::path path = dir.write("tail.gz", member + tail);
        BOOST_TEST_CONTEXT(describe(o) << ", tail of " << tail.size()) {
          kc::input_blocks blocks(path, o);
          // The member's bytes come first, then the error.
          BOOST_TEST(std::string(blocks.next().data(), hello.size()) == hello);
          BOOST_TEST(message_of<kc::csv::read_error>([&] { (void)blocks.next(); }) == path.string() + ": " + expected);
        }
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(corrupt_data_names_the_byte_and_the_inflaters_reason) {
  temp_dir dir;
  const std::string text = csv_like(100'000, 6);
  const std::string good = gzip(text);
  // A second member whose first deflate block has the reserved type 3: invalid at once.
  std::string bad = gzip(hello);
  bad[10] = '\x07';
  const fs::path path = dir.write("bad.gz", good + bad);
  const std::regex form(R"(.*: corrupt gzip data at byte (\d+) \((zlib|ISA-L): ([a-z0-9 -]+)\))");
  for (const auto inflater : inflaters()) {
    for (const bool background : {false, true}) {
      kc::input_blocks_options o;
      o.inflater = inflater;
      o.background = background;
      o.block_size = 4096;
      BOOST_TEST_CONTEXT(describe(o)) {
        kc::input_blocks blocks(path, o);
        std::string got;
        const auto error = exception_of<kc::csv::read_error>([&] {
          for (auto b = blocks.next(); !b.empty(); b = blocks.next()) got.append(b.data(), b.size());
        });
        // Every byte before the damage was handed out first.
        BOOST_TEST((got == text));
        std::smatch m;
        const std::string message = error.what();
        BOOST_TEST(std::regex_match(message, m, form), message);
        BOOST_TEST(message.starts_with(path.string() + ": corrupt gzip data at byte "));
        // Where the inflater noticed: in the block header, give or take its look-ahead.
        const auto byte = std::stoull(m[1].str());
        BOOST_TEST(byte >= good.size() + 10);
        BOOST_TEST(byte <= good.size() + bad.size());
        const bool zlib = inflater == kc::gzip_inflater::zlib;
        BOOST_TEST(m[2].str() == (zlib ? "zlib" : "ISA-L"));
        BOOST_TEST(m[3].str() == (zlib ? "invalid block type" : "invalid deflate block"));
        // The error stays.
        BOOST_TEST(message_of<kc::csv::read_error>([&] { (void)blocks.next(); }) == message);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(damage_in_the_middle_is_found_sooner_or_later) {
  temp_dir dir;
  std::string bad = gzip(csv_like(100'000, 10));
  std::fill(bad.begin() + 5'000, bad.begin() + 5'200, '\xff');
  const fs::path path = dir.write("bad.gz", bad);
  for (const auto inflater : inflaters()) {
    kc::input_blocks_options o;
    o.inflater = inflater;
    const std::string message = message_of<kc::csv::read_error>([&] { read_all(path, o); });
    BOOST_TEST(message.starts_with(path.string() + ": corrupt gzip data at byte "), message);
  }
}

BOOST_AUTO_TEST_CASE(a_damaged_checksum_or_length_is_found_at_the_members_end) {
  temp_dir dir;
  const std::string good = gzip(hello);
  for (const std::size_t from_end : {std::size_t{8}, std::size_t{1}}) {  // CRC-32, then ISIZE
    std::string bad = good;
    bad[bad.size() - from_end] = static_cast<char>(bad[bad.size() - from_end] ^ 1);
    const fs::path path = dir.write("crc.gz", bad);
    for (const auto inflater : inflaters()) {
      kc::input_blocks_options o;
      o.inflater = inflater;
      const std::string message = message_of<kc::csv::read_error>([&] { read_all(path, o); });
      const std::string expected =
          inflater == kc::gzip_inflater::zlib
              ? (from_end == 8 ? "(zlib: incorrect data check)" : "(zlib: incorrect length check)")
              : "(ISA-L: incorrect checksum or length)";
      BOOST_TEST_CONTEXT(describe(o) << ", byte " << from_end << " from the end") {
        BOOST_TEST(message.starts_with(path.string() + ": corrupt gzip data at byte "));
        BOOST_TEST(message.ends_with(expected), message);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_bad_header_is_corrupt) {
  temp_dir dir;
  const std::string member = gzip(hello);
  std::string method = member, flags = member;
  method[2] = 7;  // compression method 7: not deflate
  flags[3] = static_cast<char>(0x20);
  const std::string at = std::to_string(member.size());
  const std::vector<std::pair<std::string, std::string>> cases{
      {method, "corrupt gzip data at byte 2 (gzip header: unknown compression method 7)"},
      {member + flags,
       "corrupt gzip data at byte " + std::to_string(member.size() + 3) + " (gzip header: reserved flags set)"},
  };
  for (const auto inflater : inflaters()) {
    for (const auto& [bytes, expected] : cases) {
      kc::input_blocks_options o;
      o.inflater = inflater;
      const fs::path path = dir.write("header.gz", bytes);
      BOOST_TEST(message_of<kc::csv::read_error>([&] { read_all(path, o); }) == path.string() + ": " + expected);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_header_with_a_long_name_reads_with_one_byte_reads) {
  temp_dir dir;
  const gzip_header_fields fields{std::string(100'000, 'n'), std::string(5'000, 'c'), std::string(9'000, 'e'), true};
  const fs::path path = dir.write("long.gz", gzip(hello, 6, fields) + gzip(hello));
  for (const auto inflater : inflaters()) {
    for (const std::size_t read_size : {std::size_t{1}, std::size_t{1000}, std::size_t{256} << 10}) {
      kc::input_blocks_options o;
      o.inflater = inflater;
      o.read_size = read_size;
      BOOST_TEST_CONTEXT(describe(o)) { BOOST_TEST(read_all(path, o) == hello + hello); }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------

BOOST_AUTO_TEST_SUITE(thread_and_memory)

BOOST_AUTO_TEST_CASE(destroying_it_mid_file_stops_the_thread) {
  temp_dir dir;
  const fs::path path = dir.write("big.gz", gzip(csv_like(8'000'000, 7), 1));
  const std::size_t live_before = live_bytes.load();
  const auto start = std::chrono::steady_clock::now();
  for (const auto inflater : inflaters()) {
    for (int taken = 0; taken < 4; ++taken) {
      for (int repeat = 0; repeat < 25; ++repeat) {
        kc::input_blocks_options o;
        o.inflater = inflater;
        o.block_size = 1 << 16;
        kc::input_blocks blocks(path, o);
        for (int i = 0; i < taken; ++i) BOOST_REQUIRE(!blocks.next().empty());
      }
    }
  }
  // 200 objects, each stopped after at most a few blocks: far from reading 200 files.
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  BOOST_TEST(seconds < 20.0);
  BOOST_TEST(live_bytes.load() == live_before);  // every buffer, state and thread freed
}

BOOST_AUTO_TEST_CASE(an_object_moved_mid_file_reads_on) {
  temp_dir dir;
  const std::string text = csv_like(1'000'000, 8);
  const fs::path path = dir.write("m.gz", gzip(text));
  kc::input_blocks_options o;
  o.block_size = 1000;
  kc::input_blocks first(path, o);
  std::string got(first.next().data(), 1000);
  kc::input_blocks second = std::move(first);
  got += read_all(second, o.block_size);
  BOOST_TEST((got == text));
}

BOOST_AUTO_TEST_CASE(memory_stays_bounded_whatever_the_files_size) {
  temp_dir dir;
  const std::string text = csv_like(24'000'000, 9);
  const fs::path path = dir.write("big.gz", gzip(text, 1));
  for (const auto inflater : inflaters()) {
    for (const bool background : {true, false}) {
      kc::input_blocks_options o;
      o.inflater = inflater;
      o.background = background;
      const std::size_t live = live_bytes.load();
      peak_bytes = live;
      std::size_t total = 0;
      std::uint32_t crc = 0;
      {
        kc::input_blocks blocks(path, o);
        for (auto b = blocks.next(); !b.empty(); b = blocks.next()) {
          total += b.size();
          crc = static_cast<std::uint32_t>(crc32(crc, reinterpret_cast<const Bytef*>(b.data()), b.size()));
        }
      }
      BOOST_TEST_CONTEXT(describe(o)) {
        BOOST_TEST(total == text.size());
        BOOST_TEST(crc == crc32(0, reinterpret_cast<const Bytef*>(text.data()), text.size()));
        // 3 blocks of 256 KiB, a 256 KiB read buffer and the inflater's state, on 24 MB.
        BOOST_TEST(peak_bytes.load() - live < std::size_t{1200} << 10);
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------
// The real file (PROVENANCE.md entry 5), where the shared data is present.

namespace {
// <repo>/../shared/data, or KERNCIJFERS_SHARED_DATA (that directory, or the shared one above it).
fs::path shared_file() {
  const fs::path name = fs::path("eurostat") / "migr_asyappctza_2008_2022.csv.gz";
  const char* env = std::getenv("KERNCIJFERS_SHARED_DATA");
  if (env != nullptr && *env != '\0') {
    return fs::exists(fs::path(env) / name) ? fs::path(env) / name : fs::path(env) / "data" / name;
  }
  return fs::path(KERNCIJFERS_DATA_DIR) / ".." / ".." / "shared" / "data" / name;
}
}  // namespace

BOOST_AUTO_TEST_CASE(the_real_file_reads_the_same_with_both_inflaters) {
  const fs::path path = shared_file();
  if (!fs::exists(path)) {
    BOOST_TEST_MESSAGE("skipped: " << path << " is absent (the shared data is not next to this clone)");
    return;
  }
  std::vector<std::pair<std::size_t, std::uint32_t>> results;
  for (const auto inflater : inflaters()) {
    kc::input_blocks_options o;
    o.inflater = inflater;
    kc::input_blocks blocks(path, o);
    std::size_t total = 0;
    std::uint32_t crc = 0;
    std::string head;
    for (auto b = blocks.next(); !b.empty(); b = blocks.next()) {
      if (head.size() < 100) head.append(b.data(), std::min<std::size_t>(b.size(), 100));
      total += b.size();
      crc = static_cast<std::uint32_t>(crc32(crc, reinterpret_cast<const Bytef*>(b.data()), b.size()));
    }
    BOOST_TEST(
        head.starts_with("freq,citizen,sex,unit,age,asyl_app,geo,time,values\nA,AD,F,PER,TOTAL,ASY_APP,AT,2008,0\n"));
    BOOST_TEST(total == 229'506'261u);  // gzip -l
    results.emplace_back(total, crc);
  }
  for (const auto& r : results) BOOST_TEST((r == results.front()));
}
