#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 30) from its committed seeds
# (fuzz/seeds/TARGET), the reproducers of open problems (fuzz/regressions/
# TARGET, replayed first, so the run fails until they are fixed) and what
# earlier runs found (fuzz/corpus/TARGET, not committed), prints the executions per target, and exits non-zero when a
# target crashes, panics, times out or runs out of memory. The input that
# did is in fuzz/artifacts/TARGET/. Needs a nightly toolchain and cargo-fuzz.
#
#   fuzz/run.sh [SECONDS] [TARGET...]
set -uo pipefail
cd "$(dirname "$0")"
secs="${1:-30}"
shift $(($# > 0 ? 1 : 0))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(load sidecar brat_import annotate_export keys slow)
fi
# gloss has no unsafe code: no sanitizer, for a faster build and run. Debug
# assertions and overflow checks stay on (cargo-fuzz's default).
fuzz=(cargo +nightly fuzz)
flags=(-s none)
"${fuzz[@]}" build "${flags[@]}" || exit 2
failed=0
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t"
  limits=(-timeout=10)
  if [ "$t" = slow ]; then
    # Inputs up to 1 MB, each done in 2 s: a quadratic path times out.
    limits=(-timeout=2 -max_len=1048576 -len_control=0)
  fi
  dirs=("corpus/$t" "seeds/$t")
  if [ -d "regressions/$t" ]; then
    dirs+=("regressions/$t")
  fi
  log="$(mktemp)"
  "${fuzz[@]}" run "${flags[@]}" "$t" "${dirs[@]}" -- \
    -max_total_time="$secs" -print_final_stats=1 "${limits[@]}" >"$log" 2>&1
  rc=$?
  execs="$(grep -o 'number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)"
  if [ "$rc" -eq 0 ]; then
    printf '%-16s ok     %12s executions in %s s\n' "$t" "${execs:-?}" "$secs"
  else
    failed=1
    printf '%-16s FAILED %12s executions (exit %s):\n' "$t" "${execs:-?}" "$rc"
    grep -m1 -A4 -E 'panicked at|ERROR: libFuzzer|^error' "$log" | cut -c1-300 | sed 's/^/  /'
    sed -n '/^Failing input:/{n;n;s/^[[:space:]]*/  input: fuzz\//;p}' "$log"
  fi
  rm -f "$log"
done
exit "$failed"
