#!/usr/bin/env bash
# The fuzz run of kerncijfers: builds the libFuzzer targets (preset `fuzz`: clang++,
# -fsanitize=fuzzer,address,undefined), replays every input under tests/fuzz/regressions/
# (each one crashed a target once), then fuzzes each target for N seconds, two at a time,
# on a copy of its seed corpus under build/fuzz-runs/ (tests/ is never written to).
#
#   scripts/fuzz.sh [--seconds N] [TARGET...]     (default: 20 seconds, every target)
#
# Exits non-zero on any finding (crash, leak, timeout, out-of-memory, failed invariant) and
# prints the file that reproduces it:  build/fuzz/tests/fuzz/fuzz_<target> <file>
# Exits 0 with "fuzz: SKIPPED" when clang++ with libFuzzer is not installed.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=20
targets=()
while (($#)); do
  case "$1" in
    --seconds) seconds="${2:?--seconds needs a number}"; shift 2 ;;
    --seconds=*) seconds="${1#--seconds=}"; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    -*) echo "fuzz: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || ((seconds < 1)); then
  echo "fuzz: --seconds takes a whole number of seconds, at least 1 (got \"$seconds\")" >&2
  exit 2
fi

all_targets=()
for source in tests/fuzz/fuzz_*.cpp; do
  name=${source##*/fuzz_}
  all_targets+=("${name%.cpp}")
done
if ((${#targets[@]} == 0)); then targets=("${all_targets[@]}"); fi
for t in "${targets[@]}"; do
  if [[ ! -f "tests/fuzz/fuzz_$t.cpp" ]]; then
    echo "fuzz: no target \"$t\" (targets: ${all_targets[*]})" >&2
    exit 2
  fi
done

# The longest input each target is given (libFuzzer's -max_len): files for the readers,
# short texts for the parsers; csv_endless repeats its input forever.
max_len() {
  case "$1" in
    csv|counts|departures|safe_countries|eurostat) echo 4096 ;;
    csv_endless) echo 64 ;;
    nationality) echo 256 ;;
    period|release) echo 64 ;;
    *) echo 4096 ;;
  esac
}

# clang++ with libFuzzer and the sanitizer runtimes: link a trivial fuzz target.
probe_dir=$(mktemp -d)
trap 'rm -rf "$probe_dir"' EXIT
printf '%s\n' '#include <cstddef>' '#include <cstdint>' \
  'extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) { return 0; }' >"$probe_dir/probe.cpp"
if ! command -v clang++ >/dev/null ||
  ! clang++ -fsanitize=fuzzer,address,undefined "$probe_dir/probe.cpp" -o "$probe_dir/probe" >/dev/null 2>&1; then
  echo "fuzz: SKIPPED — clang++ with libFuzzer not found (apt-get install clang libfuzzer-14-dev libclang-rt-14-dev)"
  exit 0
fi

jobs=$(nproc 2>/dev/null || echo 2)
echo "== fuzz: build (preset fuzz) =="
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$jobs" --target $(printf 'fuzz_%s ' "${targets[@]}")

bin=build/fuzz/tests/fuzz
# The lines of a libFuzzer log that say what went wrong (not the stack frames).
what_went_wrong='invariant violated|^    (at|[^# ])|runtime error|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)'
what_went_wrong+='|SUMMARY|terminate called|what\(\)'

runs=build/fuzz-runs
common=(-rss_limit_mb=2048 -timeout=10)
failed=()

echo "== fuzz: replay tests/fuzz/regressions/ =="
for t in "${targets[@]}"; do
  dir=tests/fuzz/regressions/$t
  [[ -d "$dir" ]] || continue
  while IFS= read -r -d '' file; do
    log="$runs/$t/replay.log"
    mkdir -p "$runs/$t"
    if "$bin/fuzz_$t" "${common[@]}" "$file" >"$log" 2>&1; then
      echo "  ok    $file"
    else
      echo "  FAIL  $file"
      grep -E -m 6 "$what_went_wrong" "$log" | sed 's/^/        /' || true
      failed+=("$t: $bin/fuzz_$t $file")
    fi
  done < <(find "$dir" -type f -print0 | sort -z)
done
if ((${#failed[@]})); then
  echo "fuzz: FAILED — ${#failed[@]} regression input(s) still fail; reproduce with:" >&2
  printf '  %s\n' "${failed[@]}" >&2
  exit 1
fi

# One timed run: a corpus copied from the seeds (kept between runs, so it grows), findings
# written to $runs/<target>/ (crash-*, leak-*, timeout-*, oom-*).
fuzz_one() {
  local t=$1 out=$runs/$1
  mkdir -p "$out/corpus"
  cp -n tests/fuzz/corpus/"$t"/* "$out/corpus/" 2>/dev/null || true
  rm -f "$out"/crash-* "$out"/leak-* "$out"/timeout-* "$out"/oom-* "$out"/slow-unit-*
  local dict=()
  if [[ -f "tests/fuzz/$t.dict" ]]; then dict=(-dict="tests/fuzz/$t.dict"); fi
  "$bin/fuzz_$t" "$out/corpus" "${common[@]}" -max_len="$(max_len "$t")" -max_total_time="$seconds" \
    -artifact_prefix="$out/" -print_final_stats=1 "${dict[@]}" >"$out/fuzz.log" 2>&1
}

report() {
  local t=$1 status=$2 out=$runs/$1
  local stats
  stats=$(grep -E '^stat::number_of_executed_units' "$out/fuzz.log" | awk '{print $2}' || true)
  local corpus
  corpus=$(find "$out/corpus" -type f | wc -l)
  if ((status == 0)); then
    printf '  ok    %-15s %s runs, corpus %s files\n' "$t" "${stats:-?}" "$corpus"
    return 0
  fi
  printf '  FAIL  %-15s (exit %s), log %s\n' "$t" "$status" "$out/fuzz.log"
  grep -E -m 8 "$what_went_wrong" "$out/fuzz.log" | sed 's/^/        /' || true
  local artifact
  artifact=$(find "$out" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) |
    head -1)
  if [[ -n "$artifact" ]]; then
    failed+=("$t: $bin/fuzz_$t $artifact")
  else
    failed+=("$t: no reproducer written; see $out/fuzz.log")
  fi
}

echo "== fuzz: ${seconds} s per target, two at a time =="
declare -A pid_target=()
stop=0
for t in "${targets[@]}"; do
  while ((${#pid_target[@]} >= 2)); do
    set +e
    wait -n -p done_pid "${!pid_target[@]}"
    status=$?
    set -e
    report "${pid_target[$done_pid]}" "$status"
    unset "pid_target[$done_pid]"
    ((${#failed[@]})) && stop=1
  done
  ((stop)) && break
  fuzz_one "$t" &
  pid_target[$!]=$t
done
while ((${#pid_target[@]})); do
  set +e
  wait -n -p done_pid "${!pid_target[@]}"
  status=$?
  set -e
  report "${pid_target[$done_pid]}" "$status"
  unset "pid_target[$done_pid]"
done

if ((${#failed[@]})); then
  echo "fuzz: FAILED — finding(s); reproduce with:" >&2
  printf '  %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "fuzz: passed (${#targets[@]} targets, ${seconds} s each)"
