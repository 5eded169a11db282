#!/usr/bin/env bash
# Trains the JVM's AOT cache (JDK 25: classes loaded and linked, method profiles, compiled code;
# JEPs 483, 514, 515) for the packaged gateway: starts it with deploy/jvm.options and
# -XX:AOTCacheOutput, sends it the requests it serves in production (status.json, the agent API,
# the page, signals, metrics, MCP's initialize), then stops it; the JVM writes the cache on exit.
# The cache is only used by the same JVM build with the same jar path and compatible flags.
# Usage: deploy/aot-train.sh <quarkus-app dir> <cache file> [java]
set -euo pipefail
APP=$(cd "$1" && pwd)
CACHE=$2
JAVA=${3:-java}
HERE=$(cd "$(dirname "$0")" && pwd)
PORT=${AOT_TRAIN_PORT:-18199}
TOKEN=aot-training-token-0123456789
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
BASE="http://127.0.0.1:$PORT"

GATEWAY_DATA_DIR="$DATA" GATEWAY_AUTH_TOKENS="admin:$TOKEN" QUARKUS_HTTP_PORT=$PORT \
  "$JAVA" @"$HERE/jvm.options" -XX:AOTCacheOutput="$CACHE" -jar "$APP/quarkus-run.jar" \
  >"$DATA/train.log" 2>&1 &
pid=$!
for _ in $(seq 1 600); do
  curl -sf "$BASE/q/health/ready" >/dev/null && break
  sleep 0.1
done
auth=(-H "Authorization: Bearer $TOKEN")
for round in $(seq 1 30); do
  curl -sf "${auth[@]}" -X POST "$BASE/api/v1/daemons/train-$((round % 5))/heartbeat" \
    -H 'Content-Type: application/json' -d '{"ttl":"1h","message":"training"}' >/dev/null
  [ $((round % 3)) = 0 ] && curl -sf "${auth[@]}" -X POST \
    "$BASE/api/v1/daemons/train-$((round % 5))/fail" -d '{}' -H 'Content-Type: application/json' >/dev/null
  for path in /ghost/status.json /api/v1/status /api/v1/down /api/v1/daemons/train-1 \
    "/api/v1/events?limit=50" / /badge.svg /q/metrics /q/health/ready /q/openapi /api/v1/openapi.json; do
    curl -sf "${auth[@]}" "$BASE$path" >/dev/null || true
  done
  curl -sf "${auth[@]}" -X POST "$BASE/mcp" -H 'Content-Type: application/json' \
    -H 'Accept: application/json, text/event-stream' \
    -d '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"aot-training","version":"1"}}}' \
    >/dev/null || true
done
kill -TERM "$pid"
wait "$pid" || true
if [ ! -s "$CACHE" ]; then
  cat "$DATA/train.log" >&2
  echo "no AOT cache was written to $CACHE" >&2
  exit 1
fi
echo "AOT cache: $CACHE ($(du -h "$CACHE" | cut -f1))"
