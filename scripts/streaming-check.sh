#!/usr/bin/env bash
# Shows that input is streamed: the same small heap and about the same peak memory (max RSS) for a
# small input and a large one. Not part of `mvn verify` (the large run reads gigabytes).
#
#   scripts/streaming-check.sh [LARGE_MB] [HEAP]     defaults: 2048 MB of input, -Xmx256m
#
# Input: lines of "I want to quit. " followed by 1 MB of letters, generated on the fly into stdin, so
# nothing is written to disk. Each line must come out as exactly one record.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
large_mb="${1:-2048}"
heap="${2:--Xmx256m}"
pack="$here/cli/src/test/resources/clitest-pack.yaml"

gen() { # $1 = number of 1 MB lines
  python3 - "$1" <<'PY'
import sys
line = b"I want to quit. " + b"a" * (1 << 20) + b"\n"
out = sys.stdout.buffer
for _ in range(int(sys.argv[1])):
    out.write(line)
PY
}

run() { # $1 = MB
  local mb="$1" stats records
  stats="$(mktemp)"
  records="$(gen "$mb" | CHANGETALK_JAVA_OPTS="$heap" /usr/bin/time -f '%M %e' -o "$stats" \
      "$here/changetalk" --only-rules "$pack" --format jsonl --input-kind text | grep -c '"label":"desire"')"
  read -r rss secs <"$stats"
  rm -f "$stats"
  printf '%6d MB in: %6d records out (expected %d), max RSS %4d MB, %s s\n' "$mb" "$records" "$mb" $((rss / 1024)) "$secs"
  [ "$records" -eq "$mb" ]
}

echo "heap $heap"
# Warm-up outside the measurements: the launcher may build and record its class-data archive first.
echo "I want to quit." | "$here/changetalk" --only-rules "$pack" --format jsonl >/dev/null
run 8
run "$large_mb"
