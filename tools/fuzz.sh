#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz) in a clang build directory of their own, collects
# their seeds from fixtures/ and the shared corpus, runs each target for a given time, and copies
# what they find (crashes, leaks, timeouts, out-of-memory) to a findings folder.
#
# usage: tools/fuzz.sh [--time SECONDS] [--jobs N] [--timeout SECONDS] [--build-dir DIR]
#                      [--work DIR] [--corpus DIR] [TARGET...]
# --timeout is libFuzzer's limit for one input (default 10 s; on a loaded machine the end-to-end
# target may need more: a large real bundle takes about 2 s of CPU under the sanitizers).
# Exit status: 0 when no target found anything, 1 on a finding, 2 on a usage or build error.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
time_per_target=600
jobs=2
timeout=10
build="$root/build-fuzz"
work="$root/build-fuzz/fuzz-work"
corpus="$root/../shared/corpus"
all_targets="jinja_lexer_fuzz jinja_parser_fuzz jinja_render_fuzz cfn_yaml_fuzz yaml_subset_fuzz
cfn_json_fuzz schema_fuzz spec_fuzz hcl_fuzz archive_fuzz convert_fuzz"

usage() {
  sed -n 's/^# usage: //p; s/^#  *\(\[--.*\)/  \1/p' "$0" >&2
  exit 2
}

while [ $# -gt 0 ]; do
  case "$1" in
  --time) time_per_target=$2; shift 2 ;;
  --jobs) jobs=$2; shift 2 ;;
  --timeout) timeout=$2; shift 2 ;;
  --build-dir) build=$2; shift 2 ;;
  --work) work=$2; shift 2 ;;
  --corpus) corpus=$2; shift 2 ;;
  -h | --help) usage ;;
  -*) echo "fuzz.sh: unknown option $1" >&2; usage ;;
  *) break ;;
  esac
done
targets=${*:-$all_targets}
for target in $targets; do
  case " $(echo $all_targets) " in
  *" $target "*) ;;
  *) echo "fuzz.sh: unknown target $target (targets: $(echo $all_targets))" >&2; exit 2 ;;
  esac
done

clang=$(command -v clang++-14 || command -v clang++ || true)
[ -n "$clang" ] || { echo "fuzz.sh: clang++ (with libFuzzer) is needed" >&2; exit 2; }
launcher=""
command -v ccache >/dev/null && launcher="-DCMAKE_CXX_COMPILER_LAUNCHER=ccache"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER="$clang" $launcher -DPM_FUZZ=ON \
  -DBUILD_TESTING=OFF >/dev/null || exit 2
cmake --build "$build" -j "$jobs" --target $targets || exit 2

mkdir -p "$work/seeds" "$work/corpus" "$work/logs" "$work/findings"
python3 "$root/tests/fuzz/collect_seeds.py" "$work/seeds" "$root" "$corpus" $targets

dictionary_of() {
  case "$1" in
  jinja_*) echo "$root/tests/fuzz/jinja.dict" ;;
  cfn_* | yaml_subset_fuzz | convert_fuzz) echo "$root/tests/fuzz/cloudformation.dict" ;;
  hcl_fuzz) echo "$root/tests/fuzz/hcl.dict" ;;
  esac
}

run_target() {
  target=$1
  dict=$(dictionary_of "$target")
  mkdir -p "$work/corpus/$target" "$work/findings/$target"
  nice -n 10 "$build/tests/fuzz/$target" -max_total_time="$time_per_target" -rss_limit_mb=2048 \
    -timeout="$timeout" -print_final_stats=1 ${dict:+-dict="$dict"} \
    -artifact_prefix="$work/findings/$target/" "$work/corpus/$target" "$work/seeds/$target" \
    >"$work/logs/$target.log" 2>&1 || true
}

# At most $jobs targets at once.
running=0
for target in $targets; do
  if [ "$running" -ge "$jobs" ]; then
    wait -n
    running=$((running - 1))
  fi
  echo "fuzz.sh: running $target for ${time_per_target}s"
  run_target "$target" &
  running=$((running + 1))
done
wait

found=0
printf '%-20s %14s  %s\n' target execs result
for target in $targets; do
  log="$work/logs/$target.log"
  mkdir -p "$work/findings/$target"
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" 2>/dev/null | tail -n 1 || true)
  # slow-unit-* files only note inputs slower than 10 s that finished: not findings.
  found_files=$(find "$work/findings/$target" -type f ! -name 'slow-unit-*' -printf '%f ')
  if [ -n "$found_files" ]; then
    result="FOUND: $found_files"
    found=1
  elif ! grep -qs "^Done [0-9]* runs\|^stat::number_of_executed_units" "$log"; then
    result="did not finish (see $log)"
    found=1
  else
    result=clean
  fi
  printf '%-20s %14s  %s\n' "$target" "${execs:-?}" "$result"
done
[ "$found" -eq 0 ] || echo "fuzz.sh: findings in $work/findings, logs in $work/logs" >&2
exit "$found"
