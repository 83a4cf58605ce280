#!/usr/bin/env bash
# Records tests/data/kube/$STORM/answers.json: a node (or a zone) of a Kubernetes-shaped cluster
# (fixture.py) is lost, watched by Debian 12's real prometheus 2.42 and prometheus-alertmanager 0.25 with the
# kubernetes-mixin-style rules beside this script and their real `for:` durations (15 minutes for the
# node's and pods' alerts), and kube-prometheus' external labels and Alertmanager routing. Once the
# node's alerts fire, `vigil triage` polls both servers through recordproxy.py, which keeps what it was
# answered. About 20 minutes; run by hand when the fixture needs refreshing (VIGIL_BIN: the vigil to
# ask with, default build/release/app/vigil). Tests only read the recorded file. All on 127.0.0.1, on
# free ports.
#
# FAST=1 is the live end-to-end test's mode (tst_recordedfleets liveNodeLoss): every `for:` is 2 s,
# scrapes and evaluations every second, the node is lost 70 s in (so the noise began longer before it
# than triage's one-minute lead), is Ready=Unknown 3 s later, and its pods are never replaced; about a
# minute and a half. OUT=DIR writes answers.json and vigil's triage.json there
# instead. MIN_PODS: KubePodNotReady alerts to wait for (default 5).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
vigil=${VIGIL_BIN:-$here/../../../build/release/app/vigil}
# STORM=node-loss (one node, the default), zone-loss (the three nodes of eu-west-1b at once) or
# dns-failure (CoreDNS crash-loops on every pod; the applications' calls fail, seen through the mesh's
# metrics; Vigil is given the mesh's edges and the operator's "every workload depends on coredns")
storm=${STORM:-node-loss}
lost="" broken="" topology=""
case $storm in
  node-loss) lost="ip-10-20-79-93" ;;
  zone-loss) lost="ip-10-20-79-93 ip-10-20-80-12 ip-10-20-81-5" ;;
  dns-failure) broken="coredns"
    topology="topology: {hierarchy: [region, zone], service_label: workload, edges: [{from: '*', to: coredns}],
  edge_query: 'sum by (source_workload, destination_workload) (rate(istio_requests_total{reporter=\"source\"}[5m]))',
  edge_source_label: source_workload, edge_destination_label: destination_workload}" ;;
  *) echo "unknown STORM $storm" >&2; exit 2 ;;
esac
out=${OUT:-$here/$storm}
mkdir -p "$out"
fast=${FAST:-0}
if [ "$fast" = 1 ]; then
  interval=1s settle=70 poll=1 after=4 grace=3 replace=100000 pvcfull=4
else
  interval=15s settle=60 poll=15 after=60 grace=40 replace=330 pvcfull=840
fi
settle=${SETTLE:-$settle} # dns-failure was recorded with SETTLE=600: its noise began well before it
work=$(mktemp -d)
pids=()
. "$here/../stopservers.sh"
trap stop_servers EXIT
trap 'exit 143' TERM INT # so a test that gives up on it still stops the servers (the EXIT trap)
nap() { sleep "$1" & wait $!; } # a signal is handled at once, not after the sleep
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
FIX=$(free_port) AM=$(free_port) PROM=$(free_port) PROXY=$(free_port)
rules=$here/rules.yml
if [ "$fast" = 1 ]; then
  rules=$work/rules.yml
  sed -E 's/^( +)for: [0-9]+[smh]$/\1for: 2s/' "$here/rules.yml" >"$rules"
fi
python3 "$here/fixture.py" --port $FIX --pvc-full $pvcfull --grace $grace --replace-after $replace \
  >"$work/fixture.log" 2>&1 & pids+=($!)
{
  echo "global:"
  echo "  scrape_interval: $interval"
  echo "  evaluation_interval: $interval"
  echo "  external_labels: {prometheus: monitoring/k8s, prometheus_replica: prometheus-k8s-0}"
  echo "alerting:"
  echo "  alert_relabel_configs: [{action: labeldrop, regex: prometheus_replica}]"
  echo "  alertmanagers: [{static_configs: [{targets: ['127.0.0.1:$AM']}]}]"
  echo "rule_files: ['$rules']"
  echo "scrape_configs:"
  echo "  - job_name: node-exporter"
  echo "    static_configs:"
  for n in $(python3 -c "import sys; sys.path.insert(0, '$here'); import fixture; print(' '.join(x[0] for x in fixture.NODES))"); do
    echo "      - {targets: ['127.0.0.1:$FIX'], labels: {__metrics_path__: /node/$n, instance: $n, namespace: monitoring, pod: node-exporter-${n##*-}, service: node-exporter, container: kube-rbac-proxy, endpoint: https}}"
  done
  echo "  - job_name: kubelet"
  echo "    honor_labels: true"
  echo "    static_configs:"
  for n in $(python3 -c "import sys; sys.path.insert(0, '$here'); import fixture; print(' '.join(x[0] for x in fixture.NODES))"); do
    ip=${n#ip-}; ip=${ip//-/.}
    echo "      - {targets: ['127.0.0.1:$FIX'], labels: {__metrics_path__: /kubelet/$n, instance: '$ip:10250', node: $n, service: kubelet, endpoint: https-metrics, metrics_path: /metrics/cadvisor}}"
  done
  echo "  - job_name: kube-state-metrics"
  echo "    honor_labels: true"
  echo "    static_configs:"
  echo "      - {targets: ['127.0.0.1:$FIX'], labels: {__metrics_path__: /ksm, instance: '10.21.7.15:8443', container: kube-rbac-proxy-main, endpoint: https-main}}"
  echo "  - job_name: envoy-stats"
  echo "    honor_labels: true"
  echo "    static_configs:"
  echo "      - {targets: ['127.0.0.1:$FIX'], labels: {__metrics_path__: /mesh, instance: '10.21.9.3:15090', namespace: istio-system}}"
} >"$work/prometheus.yml"
prometheus-alertmanager --config.file="$here/alertmanager.yml" --storage.path="$work/am" \
  --web.listen-address=127.0.0.1:$AM --cluster.listen-address= >"$work/am.log" 2>&1 & pids+=($!)
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/prom" \
  --web.listen-address=127.0.0.1:$PROM >"$work/prom.log" 2>&1 & pids+=($!)
for u in http://127.0.0.1:$PROM/-/ready http://127.0.0.1:$AM/-/ready http://127.0.0.1:$FIX/ksm; do
  for _ in $(seq 100); do curl -fs "$u" >/dev/null && break; sleep 0.2; done
done
start=$(date +%s)
nap $settle
at=$(date +%s)
for n in $lost; do curl -fs "http://127.0.0.1:$FIX/lose?node=$n&at=$at" >/dev/null; done
for w in $broken; do curl -fs "http://127.0.0.1:$FIX/break?workload=$w&at=$at" >/dev/null; done
echo "$(date -u +%T) lost: $lost broken: $broken"
firing() { curl -s "http://127.0.0.1:$AM/api/v2/alerts?filter=alertname=\"$1\"" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'; }
for _ in $(seq 120); do
  if [ -n "$broken" ]; then
    [ "$(firing KubePodCrashLooping)" -ge 2 ] && [ "$(firing KubeDeploymentReplicasMismatch)" -ge 10 ] && break
  else
    [ "$(firing KubeNodeNotReady)" -ge 1 ] && [ "$(firing KubePodNotReady)" -ge "${MIN_PODS:-5}" ] && break
  fi
  nap $poll
done
nap $after   # the rest of the node's pods and the noise in
echo "$(date -u +%T) recording ($(( $(date +%s) - start )) s after start)"
python3 "$here/recordproxy.py" --port $PROXY --prometheus http://127.0.0.1:$PROM \
  --alertmanager http://127.0.0.1:$AM --out "$out/answers.json" & pids+=($!)
sleep 1
cat >"$work/vigil.yaml" <<YAML
sources:
  - {name: k8s, prometheus: 'http://127.0.0.1:$PROXY', alertmanagers: ['http://127.0.0.1:$PROXY']}
profile: kubernetes
cache: {path: '$work/cache.sqlite'}
$topology
YAML
QT_QPA_PLATFORM=offscreen "$vigil" triage --config "$work/vigil.yaml" --format json --limit 0 >"$work/triage.json" || true
if [ -n "${OUT:-}" ]; then
  cp "$work/triage.json" "$out/triage.json"
else
  cp "$work/prometheus.yml" "$out/prometheus.yml.recorded"
  cp "$work/vigil.yaml" "$out/vigil.yaml.recorded"
fi
echo "recorded $(python3 -c "import json; print(len(json.load(open('$out/answers.json'))))" ) answers into $out"
