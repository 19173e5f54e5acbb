#!/usr/bin/env bash
# Times the README's run command from a clean checkout: seconds from `./mvnw spring-boot:run` to the Sessions page
# answering with all the demo sessions loaded (asked as the demo account viewer/viewer: every API call needs a login). Run it twice on the same checkout for the first and the second start.
# usage: scripts/time-first-page.sh [port]     (BENCHMARKS.md, "Start")
set -euo pipefail
port=${1:-8186}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
start=$(date +%s.%N)
./mvnw -q spring-boot:run -Dspring-boot.run.arguments=--server.port=$port > target-first-page.log 2>&1 &
mvn_pid=$!
trap 'pkill -f "server.port=$port" || true; wait $mvn_pid 2>/dev/null || true' EXIT
# the demo is loaded when its marker is written (DemoDataLoader); stopping before that would leave it half loaded
until [ -f data/demo-exports/.loaded ] && curl -sf -u viewer:viewer "localhost:$port/api/sessions" | grep -q '"total":[1-9]'; do sleep 0.5; done
curl -sf "localhost:$port/" > /dev/null
printf 'first page with demo data after %.1f s\n' "$(echo "$(date +%s.%N) - $start" | bc)"
