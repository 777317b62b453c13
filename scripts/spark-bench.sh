#!/usr/bin/env bash
# The Spark job against the command line on the same input, in one run (docs/performance.md):
#
#   scripts/spark-bench.sh [ROWS] [WORKDIR]       defaults: 1000000 rows, a new temporary directory
#
# Not part of `mvn verify`: on two cores it takes most of an hour. The input is a CSV of ROWS turns
# (session, speaker, text, topic) made by repeating the testdata sessions and the turns of
# testdata/gold/dev.csv, each repetition under fresh session ids, so that sessions keep their shape.
# Then, one after the other and each after a warm-up on a small input (the launchers build first):
#   ./changetalk classify --threads 2 --format jsonl INPUT > cli.jsonl
#   scripts/spark-local.sh INPUT spark-out                          (local[2], per-session mode)
# each under /usr/bin/time (wall time, peak resident memory of the JVM). Finally every record is
# compared (label, direction, kind, each sentence's deciding rule, and the session and text), and a
# 10,000-row sample (every ROWS/10,000-th row) is reported on its own. Exits 1 on any difference.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-1000000}"
work="${2:-$(mktemp -d "${TMPDIR:-/tmp}/changetalk-spark-bench.XXXXXX")}"
mkdir -p "$work"
input="$work/turns.csv"
echo "work directory: $work"

python3 - "$rows" "$input" "$here/testdata/sessions" "$here/testdata/gold/dev.csv" <<'PY'
import csv, glob, os, sys
rows, out, sessions_dir, dev = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
pool = []  # sessions: lists of (speaker, text, topic)
for path in sorted(glob.glob(os.path.join(sessions_dir, "*.gold.csv"))) + [dev]:
    by_session = {}
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            by_session.setdefault(r["session"], []).append((r["speaker"], r["text"], r["topic"]))
    pool.extend(by_session.values())
written = 0
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["session", "speaker", "text", "topic"])
    round_ = 0
    while written < rows:
        for i, turns in enumerate(pool):
            for speaker, text, topic in turns:
                if written == rows:
                    break
                w.writerow([f"r{round_}-s{i}", speaker, text, topic])
                written += 1
        round_ += 1
print(f"input: {written} rows in {out}")
PY

small="$work/small.csv"
head -n 200 "$input" >"$small"
echo "warm-up (builds what is missing)..."
"$here/changetalk" classify --threads 2 --format jsonl "$small" >/dev/null
rm -rf "$work/warm-out"
"$here/scripts/spark-local.sh" "$small" "$work/warm-out" 2>/dev/null
rm -rf "$work/warm-out"

measure() { # $1 = name, rest = command; prints "name: seconds s, peak RSS MB"
  local name="$1" stats
  shift
  stats="$work/$name.time"
  /usr/bin/time -f '%e %M' -o "$stats" "$@"
  read -r secs rss <"$stats"
  printf '%s: %s s, peak RSS %d MB\n' "$name" "$secs" $((rss / 1024)) | tee -a "$work/results.txt" >&2
}

: >"$work/results.txt"
echo "command line, --threads 2..."
measure cli "$here/changetalk" classify --threads 2 --format jsonl "$input" >"$work/cli.jsonl"
echo "Spark job, local[2]..."
rm -rf "$work/spark-out"
measure spark "$here/scripts/spark-local.sh" "$input" "$work/spark-out" 2> >(tee "$work/spark.err" >&2)

python3 - "$rows" "$work" <<'PY'
import glob, itertools, json, os, sys
rows, work = int(sys.argv[1]), sys.argv[2]
def key(r):
    return (r["session"], r["text"], r["label"], r["direction"], r["kind"], [s["rule"] for s in r["sentences"]])
parts = sorted(glob.glob(os.path.join(work, "spark-out", "part-*.json")))
def spark_records():
    for p in parts:
        with open(p, encoding="utf-8") as f:
            for line in f:
                yield json.loads(line)
step = max(1, rows // 10000)
n = differ = sample = sample_differ = extra = extra_spark = 0
with open(os.path.join(work, "cli.jsonl"), encoding="utf-8") as cli:
    for a, b in itertools.zip_longest(cli, spark_records()):
        if a is None or b is None:
            extra += a is not None
            extra_spark += b is not None
            continue
        a = json.loads(a)
        if b["row_id"] != n:
            sys.exit(f"row {n}: the job's record has row_id {b['row_id']}")
        same = key(a) == key(b)
        differ += not same
        if n % step == 0:
            sample += 1
            sample_differ += not same
        n += 1
times = dict(l.split(":", 1) for l in open(os.path.join(work, "results.txt")).read().splitlines())
cli_s, spark_s = (float(times[k].split()[0]) for k in ("cli", "spark"))
with open(os.path.join(work, "results.txt"), "a") as out:
    for line in (f"records compared: {n} (command line has {extra} more, job {extra_spark} more); differing: {differ}",
                 f"sample of every {step}th row: {sample} rows, differing: {sample_differ}",
                 f"job time / command-line time: {spark_s / cli_s:.2f}"):
        print(line)
        out.write(line + "\n")
sys.exit(1 if differ or extra or extra_spark or n != rows else 0)
PY
