#!/usr/bin/env bash
# Builds the libFuzzer target (tests/fuzz/FuzzHive.cpp) in a build directory
# of its own, seeds a corpus with the test corpus's hives (tests/data)
# smaller than 1 MB and fuzzes for a bounded time.
#
#   tests/fuzz/run-fuzz.sh [SECONDS]      (default 120)
#
# Exit status: 0 when the run found nothing; nonzero when the fuzzer found a
# crash, a sanitizer report, a leak, a timeout or an out-of-memory (the input
# is kept in the build directory's artifacts/ folder), or the build failed.
#
# Needs clang with libFuzzer and a standard library whose std::expected it
# can compile: on Debian 12 that is clang 19 (packages clang-19 and
# libclang-rt-19-dev); clang 14 cannot. CC/CXX override the choice.
# Environment: HIVEKIT_FUZZ_BUILD_DIR (default build-fuzz in the project).
set -euo pipefail

seconds="${1:-120}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [[ "$seconds" -eq 0 ]]; then
    echo "usage: $0 [SECONDS]   (a positive number of seconds, default 120)" >&2
    exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${HIVEKIT_FUZZ_BUILD_DIR:-$root/build-fuzz}"
packed="$root/tests/data/hives"

if [[ -z "${CXX:-}" ]]; then
    for v in 19 18 17 16; do
        if command -v "clang++-$v" >/dev/null; then
            CXX="clang++-$v"
            CC="clang-$v"
            break
        fi
    done
fi
if [[ -z "${CXX:-}" ]]; then
    echo "run-fuzz.sh: no clang++ of version 16 or later found; install clang-19 and libclang-rt-19-dev" >&2
    exit 2
fi
CC="${CC:-${CXX/clang++/clang}}"

cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" \
    -DHIVEKIT_BUILD_FUZZ=ON -DHIVEKIT_BUILD_TESTS=OFF -DHIVEKIT_BUILD_GUI=OFF \
    >"$build.configure.log" 2>&1 || {
    cat "$build.configure.log" >&2
    exit 2
}
ninja -C "$build" FuzzHive

seeds="$build/seeds"
corpus="$build/corpus"
artifacts="$build/artifacts"
mkdir -p "$seeds" "$corpus" "$artifacts"
# Seeds: the corpus's files unpacked, those under 1 MB kept. Names keep
# their folder ("ez_SAM", "regipy_SAM") so none overwrites another.
count=0
while IFS= read -r -d '' f; do
    rel="${f#"$packed/"}"
    seed="$seeds/${rel//\//_}"
    seed="${seed%.xz}"
    xz -dc "$f" >"$seed"
    if [[ $(stat -c %s "$seed") -ge 1048576 ]]; then
        rm -f "$seed"
        continue
    fi
    count=$((count + 1))
done < <(find "$packed" -type f -name '*.xz' -print0)
echo "run-fuzz.sh: $count seed files, fuzzing for $seconds s with $CXX"

status=0
"$build/tests/fuzz/FuzzHive" "$corpus" "$seeds" \
    -max_total_time="$seconds" \
    -timeout=30 \
    -rss_limit_mb=4096 \
    -print_final_stats=1 \
    -artifact_prefix="$artifacts/" || status=$?

if [[ $status -ne 0 ]]; then
    echo "run-fuzz.sh: the fuzzer stopped with status $status; the input is in $artifacts/:" >&2
    ls -l "$artifacts" >&2 || true
    exit "$status"
fi
echo "run-fuzz.sh: no crash in $seconds s"
