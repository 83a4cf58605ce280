#!/usr/bin/env bash
# Records tests/data/node/$STORM/answers.json: a rack of a bare-metal node_exporter fleet (fixture.py)
# loses its top-of-rack switch, watched by Debian 12's real prometheus 2.42 and prometheus-alertmanager
# 0.25 with the node-mixin-style rules beside this script and their real `for:` durations (5 minutes for
# InstanceDown, 15 for the RAID and CPU noise, which is firing before the loss). Once the rack's
# alerts fire, `vigil triage` polls both servers through ../kube/recordproxy.py, which keeps what it was
# answered. About 17 minutes; run by hand when the fixture needs refreshing (VIGIL_BIN: the vigil to
# ask with, default build/release/app/vigil). Tests only read the recorded file. All on 127.0.0.1, on
# free ports.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
vigil=${VIGIL_BIN:-$here/../../../build/release/app/vigil}
storm=${STORM:-rack-loss}
case $storm in
  rack-loss) rack=dc1-a-r2 ;;
  *) echo "unknown STORM $storm" >&2; exit 2 ;;
esac
out=${OUT:-$here/$storm}
mkdir -p "$out"
interval=15s settle=${SETTLE:-600} poll=15 after=60
work=$(mktemp -d)
pids=()
. "$here/../stopservers.sh"
trap stop_servers EXIT
trap 'exit 143' TERM INT
nap() { sleep "$1" & wait $!; }
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
FIX=$(free_port) AM=$(free_port) PROM=$(free_port) PROXY=$(free_port)
python3 "$here/fixture.py" --port $FIX >"$work/fixture.log" 2>&1 & pids+=($!)
hosts() { python3 -c "import sys; sys.path.insert(0, '$here'); import fixture; print('\n'.join(' '.join(x) for x in fixture.HOSTS if '$1' in ('', x[3]) or x[3] in '$1'.split(',')))"; }
{
  echo "global:"
  echo "  scrape_interval: $interval"
  echo "  evaluation_interval: $interval"
  echo "  external_labels: {monitor: dc1-prometheus}"
  echo "alerting:"
  echo "  alertmanagers: [{static_configs: [{targets: ['127.0.0.1:$AM']}]}]"
  echo "rule_files: ['$here/rules.yml']"
  echo "scrape_configs:"
  echo "  - job_name: node"
  echo "    static_configs:"
  hosts "" | while read -r name zone rack service; do
    echo "      - {targets: ['127.0.0.1:$FIX'], labels: {__metrics_path__: /node/$name, instance: '$name:9100', region: dc1, zone: $zone, rack: $rack, service: $service}}"
  done
  echo "  - job_name: app"
  echo "    static_configs:"
  hosts "web,api" | while read -r name zone rack service; do
    echo "      - {targets: ['127.0.0.1:$FIX'], labels: {__metrics_path__: /app/$name, instance: '$name:8080', region: dc1, zone: $zone, rack: $rack, service: $service}}"
  done
} >"$work/prometheus.yml"
prometheus-alertmanager --config.file="$here/alertmanager.yml" --storage.path="$work/am" \
  --web.listen-address=127.0.0.1:$AM --cluster.listen-address= >"$work/am.log" 2>&1 & pids+=($!)
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/prom" \
  --web.listen-address=127.0.0.1:$PROM >"$work/prom.log" 2>&1 & pids+=($!)
for u in http://127.0.0.1:$PROM/-/ready http://127.0.0.1:$AM/-/ready; do
  for _ in $(seq 100); do curl -fs "$u" >/dev/null && break; sleep 0.2; done
done
start=$(date +%s)
nap $settle
at=$(date +%s)
curl -fs "http://127.0.0.1:$FIX/lose?rack=$rack&at=$at" >/dev/null
echo "$(date -u +%T) lost rack $rack"
firing() { curl -s "http://127.0.0.1:$AM/api/v2/alerts?filter=alertname=\"$1\"" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }
for _ in $(seq 120); do
  [ "$(firing InstanceDown)" -ge 17 ] && [ "$(firing APIErrorRateHigh)" -ge 5 ] && break
  nap $poll
done
nap $after
echo "$(date -u +%T) recording ($(( $(date +%s) - start )) s after start)"
python3 "$here/../kube/recordproxy.py" --port $PROXY --prometheus http://127.0.0.1:$PROM \
  --alertmanager http://127.0.0.1:$AM --out "$out/answers.json" & pids+=($!)
sleep 1
cat >"$work/vigil.yaml" <<YAML
sources:
  - {name: dc1, prometheus: 'http://127.0.0.1:$PROXY', alertmanagers: ['http://127.0.0.1:$PROXY']}
profile: {base: node_exporter, host_strip_port: true}
cache: {path: '$work/cache.sqlite'}
topology: {hierarchy: [region, zone, rack], service_label: service, edges: [{from: web, to: api}, {from: api, to: db}]}
YAML
QT_QPA_PLATFORM=offscreen "$vigil" triage --config "$work/vigil.yaml" --format json --limit 0 >"$work/triage.json" || true
cp "$work/prometheus.yml" "$out/prometheus.yml.recorded"
cp "$work/vigil.yaml" "$out/vigil.yaml.recorded"
echo "recorded $(python3 -c "import json; print(len(json.load(open('$out/answers.json'))))" ) answers into $out"
