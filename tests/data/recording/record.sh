#!/usr/bin/env bash
# Records the real-server fixtures in tests/data/ from Debian 12's prometheus 2.42,
# prometheus-alertmanager 0.25 and prometheus-node-exporter 1.5, all on 127.0.0.1.
# Run by hand when the fixtures need refreshing; tests only read the recorded files.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$here/..
work=$(mktemp -d)
pids=()
. "$here/../stopservers.sh"
trap stop_servers EXIT
prometheus-node-exporter --web.listen-address=127.0.0.1:19100 >"$work/node.log" 2>&1 & pids+=($!)
prometheus-alertmanager --config.file="$here/alertmanager.yml" --storage.path="$work/am" \
  --web.listen-address=127.0.0.1:19093 --cluster.listen-address= >"$work/am.log" 2>&1 & pids+=($!)
prometheus --config.file="$here/prometheus.yml" --storage.tsdb.path="$work/prom" \
  --web.listen-address=127.0.0.1:19090 --web.external-url=http://127.0.0.1:19090/ \
  --rules.alert.resend-delay=1s >"$work/prom.log" 2>&1 & pids+=($!)
for u in http://127.0.0.1:19090/-/ready http://127.0.0.1:19093/-/ready http://127.0.0.1:19100/metrics; do
  for _ in $(seq 50); do curl -fs "$u" >/dev/null && break; sleep 0.2; done
done
sleep 8   # a few scrapes, rule evaluations, and alerts delivered to Alertmanager
P=http://127.0.0.1:19090/api/v1
A=http://127.0.0.1:19093/api/v2
g() { curl -s "$@"; }
g "$P/query" --data-urlencode 'query=up' >"$out/prom_query_vector.json"
g "$P/query" --data-urlencode 'query=scalar(sum(up))' >"$out/prom_query_scalar.json"
g "$P/query" --data-urlencode 'query=node_uname_info' >"$out/prom_query_uname.json"
g "$P/query" --data-urlencode 'query=node_os_info' >"$out/prom_query_os.json"
g "$P/query" --data-urlencode 'query=1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes' >"$out/prom_query_memory.json"
g "$P/query" --data-urlencode 'query=up / 0 - 1' >"$out/prom_query_nan.json"
g "$P/query" --data-urlencode 'query=up / 0' >"$out/prom_query_inf.json"
g "$P/query" --data-urlencode 'query=sum(rate(' >"$out/prom_error_bad_data.json"
now=$(date +%s)
g "$P/query_range" --data-urlencode 'query=node_load1' --data-urlencode "start=$((now-6))" \
  --data-urlencode "end=$now" --data-urlencode 'step=2' >"$out/prom_query_range.json"
g "$P/query_range" --data-urlencode 'query=up' --data-urlencode "start=$((now-86400))" \
  --data-urlencode "end=$now" --data-urlencode 'step=1' >"$out/prom_error_too_many_points.json"
g "$P/targets" >"$out/prom_targets.json"
g "$P/alerts" >"$out/prom_alerts.json"
g "$P/status/buildinfo" >"$out/prom_buildinfo.json"
g -X POST -H 'Content-Type: application/json' "$A/silences" -d "{\"matchers\":[{\"name\":\"alertname\",\"value\":\"NodeLoadPresent\",\"isRegex\":false,\"isEqual\":true}],\"startsAt\":\"$(date -u +%FT%TZ)\",\"endsAt\":\"$(date -u -d '+1 hour' +%FT%TZ)\",\"createdBy\":\"record.sh\",\"comment\":\"fixture\"}" >"$out/am_silence_created.json"
sleep 1
g "$A/alerts" >"$out/am_alerts.json"
g "$A/alerts/groups" >"$out/am_alert_groups.json"
g "$A/silences" >"$out/am_silences.json"
g "$A/status" >"$out/am_status.json"
g -s -o /dev/null -w '%{http_code}\n' -X POST -H 'Content-Type: application/json' "$A/silences" -d '{"matchers":[]}' 
g -X POST -H 'Content-Type: application/json' "$A/silences" -d '{"matchers":[]}' >"$out/am_error_silence_invalid.txt" || true
echo "recorded into $out"
