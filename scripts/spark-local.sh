#!/usr/bin/env bash
# Runs the changetalk Spark job on this machine, with no Spark installation:
#
#   scripts/spark-local.sh INPUT OUTPUT_DIR [job options]      e.g. --format parquet, --mode utterance
#
# Like ./changetalk, it first builds what it needs with Maven (the shaded job jar, and the lists of
# the Spark jars Maven resolved), when the jar is missing or older than a source file. Then it runs
# Spark's SparkSubmit (what bin/spark-submit runs) from those jars, in local[2] mode: the driver JVM
# with two task threads sharing one classifier. The CoreNLP models jar, which the job jar leaves out,
# is given with --jars, as on a cluster.
#
# Environment:
#   SPARK_DRIVER_MEMORY            the driver's heap (default 3g: the classifier's models take about
#                                  500 MB, Spark's share of the heap holds the labelled rows)
#   CHANGETALK_SPARK_SUBMIT_ARGS   more spark-submit options, after the defaults (so a second --master
#                                  wins), e.g. "--master local-cluster[1,2,3072] --conf spark.executor.memory=2g"
#   SPARK_LOCAL_IP                 the address Spark binds (default 127.0.0.1: nothing listens outside)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$here/spark/target"
jar="$target/changetalk-spark.jar"

if [ $# -lt 2 ]; then
  echo "usage: scripts/spark-local.sh INPUT OUTPUT_DIR [job options]   (job options: --help)" >&2
  [ "${1:-}" = --help ] || [ "${1:-}" = -h ] || exit 2
fi

needs_build() {
  local f
  for f in "$jar" "$target/spark-classpath.txt" "$target/spark-shared-classpath.txt" "$target/models-path.txt" \
      "$target/java17-options.txt"; do
    [ -f "$f" ] || return 0
  done
  [ -n "$(find "$here/pom.xml" "$here/rules" "$here/core/pom.xml" "$here/core/src/main" "$here/spark/pom.xml" \
      "$here/spark/src/main" "$here/spark/src/launch" \( -name target -o -name '.*' \) -prune -o -type f -newer "$jar" -print -quit 2>/dev/null)" ]
}

if needs_build; then
  echo "spark-local: building the job jar with Maven (first run or sources changed; a minute or two)..." >&2
  log="$(mktemp "${TMPDIR:-/tmp}/changetalk-spark-build.XXXXXX")"
  if ! (cd "$here" && mvn -q -B -ntp -Dstyle.color=never -DskipTests -pl spark -am package) >"$log" 2>&1; then
    sed 's/\x1b\[[0-9;]*m//g' "$log" >&2
    rm -f "$log"
    echo "spark-local: the build failed (see above)" >&2
    exit 1
  fi
  rm -f "$log"
fi

# SPARK_HOME: a jars/ directory of links to the Spark jars in the local Maven repository. Local mode
# needs only the classpath; local-cluster mode starts executor JVMs from SPARK_HOME/jars.
spark_home="$target/spark-home"
if [ ! -d "$spark_home/jars" ] || [ "$target/spark-classpath.txt" -nt "$spark_home/jars" ]; then
  rm -rf "$spark_home"
  mkdir -p "$spark_home/jars"
  # Each list ends without a line break: echo ends it, or read would drop the last jar.
  { tr ':' '\n' <"$target/spark-classpath.txt"; echo; tr ':' '\n' <"$target/spark-shared-classpath.txt"; echo; } |
    while IFS= read -r j; do
      [ -n "$j" ] && ln -s "$j" "$spark_home/jars/"
    done
fi

# shellcheck disable=SC2207 # the options are one line of space-separated words
java_opts=($(cat "$target/java17-options.txt"))
# shellcheck disable=SC2206 # a list of options, split on purpose
extra=(${CHANGETALK_SPARK_SUBMIT_ARGS:-})
export SPARK_HOME="$spark_home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
exec java "${java_opts[@]}" -Xmx"${SPARK_DRIVER_MEMORY:-3g}" -XX:+UseParallelGC \
  -Dlog4j2.configurationFile="$here/scripts/spark-log4j2.properties" \
  -cp "$spark_home/jars/*" org.apache.spark.deploy.SparkSubmit \
  --master 'local[2]' --conf spark.ui.enabled=false \
  --class io.github.changetalk.spark.ClassifyJob --jars "local:$(cat "$target/models-path.txt")" \
  "${extra[@]}" "$jar" "$@"
