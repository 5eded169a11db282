#!/usr/bin/env bash
# One command for every benchmark: bash bench/run.sh
#  1. tick cost at 10,000 daemons (collect, diff, record, serialize, atomic write), median and p99,
#     against the bare atomic write of the same bytes, once the JIT has settled on each scenario
#     (and, beside it, the warm-up's ticks while it compiled);
#  2. 500 HTTP probes against a local server every second: tick duration and probe round trips,
#     against one probe alone;
#  3. notification latency: a fail POST (and a recovering heartbeat) to the packaged gateway, until
#     the signed webhook's request reaches a local receiver, against a bare POST to that receiver,
#     in the second round (the JIT still compiling) and after eight (a running gateway): (a) the
#     plain jar on the default Java, (b) as deploy/Dockerfile.jvm ships it (below);
#  4. failover: two packaged gateways on one PostgreSQL (embedded, started by the benchmark): a
#     signal at the follower until the leader's webhook request, beside one at the leader; then
#     the takeover after kill -9 of the leader (median and max of 5);
#  5. GET /ghost/status.json under wrk, side by side with nginx serving the same bytes, then the
#     packaged gateway's start (to the first status.json and to ready; as shipped, also a restart on
#     a kept data dir) and its resident memory idle and under that load: (a) the plain jar on the
#     default Java, (b) as deploy/Dockerfile.jvm ships it (the aot-jar packaging, Java 25, the AOT
#     cache from deploy/aot-train.sh, deploy/jvm.options).
# Every figure is printed; nothing is asserted. Traffic stays on 127.0.0.1.
# `bash bench/run.sh tick`, `... probes`, `... notify`, `... failover`, `... http` or `... startup`
# runs one part.
set -euo pipefail
PART=${1:-all}
cd "$(dirname "$0")/.."

DAEMONS=${DAEMONS:-10000}
TICKS=${TICKS:-300}
HTTP_DAEMONS=${HTTP_DAEMONS:-100}
PROBES=${PROBES:-500}
CHANGES=${CHANGES:-400}
DURATION=${DURATION:-10s}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-32}
GATEWAY_PORT=18080
NGINX_PORT=18081
OUT=bench/out
# The runtime deploy/Dockerfile.jvm ships; "as shipped" figures need it.
JAVA25=${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
rm -rf "$OUT" && mkdir -p "$OUT"

if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null || ! command -v unzip >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-core unzip >/dev/null
fi

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"

./mvnw -B -q -DskipTests package
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/test.cp"
# The build's files go to disk before anything is measured: a build leaves ~80 MB of dirty pages,
# which the kernel writes back some 30 s later, in the middle of the tick benchmark's fsyncs.
sync

CLASSPATH_BENCH="target/classes:target/test-classes:$(cat "$OUT/test.cp")"

# As deploy/Dockerfile.jvm ships the gateway: the aot-jar packaging (every class on the JDK's own
# class loader, where the AOT cache can hold it), Java 25, the AOT cache trained by the same
# script, the same flags file; SQLite's native library out of its jar beforehand, as the image
# does. Built once, for the parts that measure it; SHIPPED is its java command and flags.
SHIPPED=()
shipped() {
  [ -x "$JAVA25" ] || return 1
  [ ${#SHIPPED[@]} -gt 0 ] && return 0
  ./mvnw -B -q -DskipTests package -Dquarkus.package.jar.type=aot-jar \
    -Dquarkus.package.output-directory=aot-app
  bash deploy/aot-train.sh target/aot-app "$OUT/app.aot" "$JAVA25"
  mkdir -p "$OUT/sqlite"
  unzip -q -o -j -d "$OUT/sqlite" target/aot-app/lib/main/org.xerial.sqlite-jdbc-*.jar \
    "org/sqlite/native/Linux/$(uname -m)/libsqlitejdbc.so"
  sync
  SHIPPED=("$JAVA25" @deploy/jvm.options -XX:AOTCache="$OUT/app.aot"
    -Dorg.sqlite.lib.path="$PWD/$OUT/sqlite" -Dorg.sqlite.lib.name=libsqlitejdbc.so)
}
if [ "$PART" = all ] || [ "$PART" = tick ]; then
  echo "== tick"
  java -cp "$CLASSPATH_BENCH" dev.ghost.gateway.bench.TickBenchmark "$DAEMONS" "$TICKS" 2>/dev/null
  if [ -x "$JAVA25" ]; then
    echo "== tick, as shipped: Java 25 with deploy/jvm.options (C1 only, Serial GC, 192 MB heap)"
    "$JAVA25" @deploy/jvm.options -cp "$CLASSPATH_BENCH" dev.ghost.gateway.bench.TickBenchmark \
      "$DAEMONS" "$TICKS" 2>/dev/null
  fi
fi
if [ "$PART" = all ] || [ "$PART" = probes ]; then
  echo "== probes"
  java -cp "$CLASSPATH_BENCH" dev.ghost.gateway.bench.ProbeBenchmark "$PROBES" 30 2>/dev/null
fi
if [ "$PART" = all ] || [ "$PART" = notify ]; then
  echo "== notifications, (a) plain jar, default Java and flags"
  java -cp "$CLASSPATH_BENCH" dev.ghost.gateway.bench.NotificationBenchmark \
    target/quarkus-app/quarkus-run.jar "$CHANGES" "$GATEWAY_PORT" 2>/dev/null
  if shipped; then
    echo "== notifications, (b) as shipped: aot-jar, Java 25 + AOT cache + deploy/jvm.options"
    MALLOC_ARENA_MAX=2 java -cp "$CLASSPATH_BENCH" dev.ghost.gateway.bench.NotificationBenchmark \
      "$PWD/target/aot-app/quarkus-run.jar" "$CHANGES" "$GATEWAY_PORT" "${SHIPPED[@]}" 2>/dev/null
  fi
fi
if [ "$PART" = all ] || [ "$PART" = failover ]; then
  echo "== failover"
  java -cp "$CLASSPATH_BENCH" dev.ghost.gateway.bench.FailoverBenchmark \
    target/quarkus-app/quarkus-run.jar "$CHANGES" 5 "$GATEWAY_PORT" 2>/dev/null
fi
if [ "$PART" = all ] || [ "$PART" = startup ]; then
  # Start to ready (median of 5, empty data dir) and resident memory idle and under wrk, for one
  # way of running the jar: a label, then the java command and its flags. With RESTART=1, each
  # start is a restart on the data dir an untimed first start left (the store then only has its
  # schema history read), as after a crash or a deploy, and resident memory is not measured.
  now_ms() { date +%s%3N; }
  starts() {
    local label=$1 restart=${RESTART:-0}
    shift
    : >"$OUT/starts.txt"
    rm -rf "$OUT/start" && mkdir -p "$OUT/start"
    for run in $([ "$restart" = 1 ] && echo 0) 1 2 3 4 5; do
      [ "$restart" = 1 ] || { rm -rf "$OUT/start" && mkdir -p "$OUT/start"; }
      t0=$(now_ms)
      "$@" -version >/dev/null 2>&1
      jvm=$(( $(now_ms) - t0 ))
      t0=$(now_ms)
      GATEWAY_DATA_DIR="$OUT/start" QUARKUS_HTTP_PORT=$GATEWAY_PORT QUARKUS_LOG_LEVEL=WARN \
        "$@" -jar "${APP:-target/quarkus-app}/quarkus-run.jar" >"$OUT/start.log" 2>&1 &
      pid=$!
      file=""
      until curl -sf "http://127.0.0.1:$GATEWAY_PORT/q/health/ready" >/dev/null; do
        [ -z "$file" ] && [ -f "$OUT/start/status.json" ] && file=$(( $(now_ms) - t0 ))
        sleep 0.01
      done
      ready=$(( $(now_ms) - t0 ))
      [ -z "$file" ] && file=$ready
      [ "$run" = 0 ] || echo "$file $ready $jvm" >>"$OUT/starts.txt"
      if [ "$run" = 5 ] && [ "$restart" != 1 ]; then
        sleep 5
        idle=$(awk '/VmRSS/{print $2}' "/proc/$pid/status")
        wrk -t2 -c"$CONNECTIONS" -d"$DURATION" "http://127.0.0.1:$GATEWAY_PORT/ghost/status.json" >"$OUT/wrk.txt" &
        wrk_pid=$!
        peak=0
        while kill -0 "$wrk_pid" 2>/dev/null; do
          rss=$(awk '/VmRSS/{print $2}' "/proc/$pid/status")
          [ "$rss" -gt "$peak" ] && peak=$rss
          sleep 0.2
        done
        rps=$(awk '/Requests\/sec/{print $2}' "$OUT/wrk.txt")
      fi
      kill "$pid"; wait "$pid" 2>/dev/null || true
    done
    med() { awk -v c="$1" '{print $c}' "$OUT/starts.txt" | sort -n | sed -n 3p; }
    if [ "$restart" = 1 ]; then
      echo "$label: ready $(med 2) ms (the same JVM's -version $(med 3) ms)"
      return
    fi
    echo "$label: ready $(med 2) ms (first status.json $(med 1) ms; the same JVM's -version $(med 3) ms);" \
      "RSS idle $((idle / 1024)) MB, peak under wrk -c$CONNECTIONS $((peak / 1024)) MB ($rps req/s)"
  }
  echo "== start of the packaged jar to /q/health/ready (median of 5), and resident memory"
  starts "(a) plain jar, $(java -version 2>&1 | head -1 | cut -d'"' -f2), default flags" java
  if shipped; then
    APP=target/aot-app MALLOC_ARENA_MAX=2 starts \
      "(b) as shipped: aot-jar, Java 25 + AOT cache + deploy/jvm.options" "${SHIPPED[@]}"
    RESTART=1 APP=target/aot-app MALLOC_ARENA_MAX=2 starts \
      "(b) as shipped, restarted on a kept data dir" "${SHIPPED[@]}"
    APP=target/aot-app MALLOC_ARENA_MAX=2 starts "(c) the same without the AOT cache" \
      "$JAVA25" @deploy/jvm.options
  else
    echo "no Java 25 at $JAVA25 (set JAVA25_HOME): the shipped configuration is not measured"
  fi
fi
[ "$PART" = all ] || [ "$PART" = http ] || exit 0

echo "== GET /ghost/status.json ($HTTP_DAEMONS daemons, wrk -t2 -c$CONNECTIONS -d$DURATION, $ROUNDS rounds each)"
mkdir -p "$OUT/gateway" "$OUT/nginx"
python3 - "$OUT/gateway/registry.json" "$HTTP_DAEMONS" <<'PY'
import json, sys, datetime
now = datetime.datetime.now(datetime.timezone.utc).isoformat()
json.dump({f"daemon-{i}": {"alive": True, "timestamp": now} for i in range(int(sys.argv[2]))},
          open(sys.argv[1], "w"))
PY
GATEWAY_DATA_DIR="$OUT/gateway" GATEWAY_REGISTRY_FILE="$OUT/gateway/registry.json" \
GATEWAY_REGISTRY_MAX_AGE=1h QUARKUS_HTTP_PORT=$GATEWAY_PORT QUARKUS_LOG_LEVEL=WARN \
  java -jar target/quarkus-app/quarkus-run.jar >"$OUT/gateway.log" 2>&1 &
GATEWAY_PID=$!
trap 'kill $GATEWAY_PID 2>/dev/null || true; [ -f "$OUT/nginx/nginx.pid" ] && kill "$(cat "$OUT/nginx/nginx.pid")" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$GATEWAY_PORT/q/health/ready" >/dev/null && break
  sleep 0.2
done
curl -sf "http://127.0.0.1:$GATEWAY_PORT/ghost/status.json" >"$OUT/nginx/status.json"
echo "document: $(wc -c <"$OUT/nginx/status.json") bytes"

cat >"$OUT/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $PWD/$OUT/nginx/nginx.pid;
error_log $PWD/$OUT/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $PWD/$OUT/nginx;
  proxy_temp_path $PWD/$OUT/nginx;
  fastcgi_temp_path $PWD/$OUT/nginx;
  uwsgi_temp_path $PWD/$OUT/nginx;
  scgi_temp_path $PWD/$OUT/nginx;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location = /ghost/status.json {
      root $PWD/$OUT/nginx;
      try_files /status.json =404;
      default_type application/json;
      add_header Cache-Control no-cache;
    }
  }
}
CONF
nginx -c "$PWD/$OUT/nginx/nginx.conf"

# One wrk run: prints "requests/s p99".
measure() {
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$1" >"$OUT/wrk.txt"
  echo "$(awk '/Requests\/sec/{print $2}' "$OUT/wrk.txt") $(awk '$1=="99%"{print $2}' "$OUT/wrk.txt")"
}
GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT/ghost/status.json"
NGINX_URL="http://127.0.0.1:$NGINX_PORT/ghost/status.json"
wrk -t2 -c"$CONNECTIONS" -d10s "$GATEWAY_URL" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s "$NGINX_URL" >/dev/null
# Alternate the two servers over several rounds, so a noisy neighbour hits both alike.
: >"$OUT/rounds.txt"
for round in $(seq 1 "$ROUNDS"); do
  echo "gateway $(measure "$GATEWAY_URL")" >>"$OUT/rounds.txt"
  echo "nginx $(measure "$NGINX_URL")" >>"$OUT/rounds.txt"
done
cat "$OUT/rounds.txt"
median() { awk -v who="$1" '$1 == who { print $2 }' "$OUT/rounds.txt" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
G_RPS=$(median gateway)
N_RPS=$(median nginx)
awk -v g="$G_RPS" -v n="$N_RPS" -v r="$ROUNDS" \
  'BEGIN { printf "median of %d rounds: gateway %.0f req/s, nginx %.0f req/s, gateway / nginx throughput: %.2f\n", r, g, n, g / n }'
