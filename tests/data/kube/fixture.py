#!/usr/bin/env python3
"""A Kubernetes-shaped exporter fixture for recording Vigil's real-server test data (record.sh).

Serves, on 127.0.0.1, what a kube-prometheus cluster's targets expose, written for Vigil's tests (not
copied from any exporter): node_exporter per node (/node/NAME), the kubelet per node (/kubelet/NAME)
and kube-state-metrics (/ksm). Eight nodes in three zones, workloads in twelve namespaces. GET /lose
?node=NAME&at=UNIX makes a node lost from that moment as Kubernetes reports it: its targets stop
answering at once; after the node monitor grace period (40 s) the node is Ready=Unknown and tainted
unreachable and its pods' phase is Unknown; after the unreachable toleration (300 s) the pods of its
Deployments are replaced on other nodes, while its StatefulSet and DaemonSet pods stay. Noise that has
nothing to do with it: a failed Job, CPU throttling in checkout, a clock out of sync, and a Loki volume
filling up at --pvc-full seconds after start. Deterministic: the same start gives the same series.

GET /break?workload=coredns&at=UNIX breaks CoreDNS from that moment (the loop plugin's crash on every
pod at once): its pods are unready at once and in CrashLoopBackOff 20 s later; names stop resolving, so
the applications' calls (the mesh, /mesh: istio_requests_total as Istio's sidecars report it, reporter
"source") fail at once and their pods' readiness probes, which call their downstreams, fail 15 s later.
"""
import argparse
import hashlib
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import textexporter  # noqa: E402

REGION = "eu-west-1"
NODES = [  # name, zone, internal ip
    ("ip-10-20-11-21", "eu-west-1a", "10.20.11.21"),
    ("ip-10-20-12-40", "eu-west-1a", "10.20.12.40"),
    ("ip-10-20-13-77", "eu-west-1a", "10.20.13.77"),
    ("ip-10-20-79-93", "eu-west-1b", "10.20.79.93"),
    ("ip-10-20-80-12", "eu-west-1b", "10.20.80.12"),
    ("ip-10-20-81-5", "eu-west-1b", "10.20.81.5"),
    ("ip-10-20-140-8", "eu-west-1c", "10.20.140.8"),
    ("ip-10-20-141-66", "eu-west-1c", "10.20.141.66"),
]
# namespace, kind, name, replicas (DaemonSets: one per node)
WORKLOADS = [
    ("checkout", "Deployment", "checkout", 9), ("checkout", "Deployment", "cart", 6),
    ("payments", "Deployment", "payments-api", 9), ("search", "StatefulSet", "search-es", 3),
    ("search", "Deployment", "search-api", 6), ("catalog", "Deployment", "catalog", 9),
    ("auth", "Deployment", "auth", 6), ("web", "Deployment", "frontend", 12),
    ("logging", "StatefulSet", "loki", 2), ("orders", "Deployment", "orders", 6),
    ("inventory", "Deployment", "inventory", 4), ("monitoring", "DaemonSet", "node-exporter", 0),
    ("monitoring", "Deployment", "kube-state-metrics", 1), ("monitoring", "StatefulSet", "prometheus-k8s", 2),
    ("monitoring", "StatefulSet", "alertmanager-main", 3), ("kube-system", "DaemonSet", "kube-proxy", 0),
    ("kube-system", "DaemonSet", "aws-node", 0), ("kube-system", "Deployment", "coredns", 2),
]


# The applications and whom they call (the mesh's edges); each resolves names through CoreDNS.
APPS = ["checkout", "cart", "payments-api", "search-api", "catalog", "auth", "frontend", "orders", "inventory"]
CALLS = [("frontend", "checkout"), ("frontend", "search-api"), ("frontend", "catalog"), ("frontend", "auth"),
         ("checkout", "cart"), ("checkout", "payments-api"), ("checkout", "orders"), ("orders", "inventory"),
         ("catalog", "inventory"), ("search-api", "search-es")]


def h(text, n=5):
    return hashlib.sha256(text.encode()).hexdigest()[:n]


class Cluster:
    def __init__(self, start, pvc_full, grace=40, replace_after=330):
        self.start = start
        self.pvc_full = pvc_full
        self.grace = grace  # the node monitor grace period: a lost node is Ready=Unknown after it
        self.replace_after = replace_after  # ...and its Deployments' pods are replaced after this
        self.lost = {}  # node -> unix time
        self.broken = {}  # workload -> unix time (only coredns)
        self.pods = []  # dicts: namespace, name, node, kind, owner, replicaset
        slot = 0
        for ns, kind, name, replicas in WORKLOADS:
            if kind == "DaemonSet":
                for node, _, _ in NODES:
                    self.pods.append(dict(ns=ns, name=f"{name}-{h(name + node)}", node=node, kind=kind,
                                          owner=name, rs=""))
                continue
            rs = f"{name}-{h(name, 9)}"
            for i in range(replicas):
                node = NODES[slot % len(NODES)][0]
                slot += 1
                pod = f"{name}-{i}" if kind == "StatefulSet" else f"{rs}-{h(name + str(i))}"
                self.pods.append(dict(ns=ns, name=pod, node=node, kind=kind, owner=name, rs=rs))
        self.pods.append(dict(ns="batch", name="report-29121-" + h("report"), node="ip-10-20-141-66",
                              kind="Job", owner="report-29121", rs=""))

    def lost_for(self, node, now):
        t = self.lost.get(node)
        return None if t is None or now < t else now - t

    def broken_for(self, workload, now):
        t = self.broken.get(workload)
        return None if t is None or now < t else now - t

    def dns_down_for(self, now):
        return self.broken_for("coredns", now)

    def unready(self, p, now):
        """A running pod whose readiness fails: CoreDNS's own once broken, the applications' 15 s after."""
        down = self.dns_down_for(now)
        if down is None:
            return False
        return p["owner"] == "coredns" or (p["owner"] in APPS and down >= 15)

    def pods_now(self, now):
        """Pods as the API server lists them: a lost node's Deployment pods are replaced after 300 s."""
        out = []
        for p in self.pods:
            gone = self.lost_for(p["node"], now)
            out.append(dict(p, phase="Unknown" if gone is not None and gone >= self.grace else
                            ("Failed" if p["kind"] == "Job" else "Running")))
            if gone is not None and gone >= self.replace_after and p["kind"] == "Deployment":
                alive = [n for n, _, _ in NODES if self.lost_for(n, now) is None]
                node = alive[int(h(p["name"], 4), 16) % len(alive)]
                out.append(dict(p, name=p["rs"] + "-" + h(p["name"] + "new"), node=node, phase="Running"))
        return out


def node_exporter(c, node, zone, now):
    t = now - c.start
    seed = int(h(node, 4), 16)
    busy = 0.25 + (seed % 40) / 100.0
    lines = []
    for cpu in ("0", "1", "2", "3"):
        lines.append(f'node_cpu_seconds_total{{cpu="{cpu}",mode="idle"}} {1e6 + t * (1 - busy):.3f}')
        lines.append(f'node_cpu_seconds_total{{cpu="{cpu}",mode="user"}} {5e5 + t * busy:.3f}')
    total = 32 * 2**30
    lines += [f"node_memory_MemTotal_bytes {total}",
              f"node_memory_MemAvailable_bytes {int(total * (0.3 + (seed % 30) / 100.0))}",
              f"node_load1 {busy * 4:.2f}",
              f'node_filesystem_size_bytes{{device="/dev/nvme0n1p1",fstype="ext4",mountpoint="/"}} {100 * 2**30}',
              f'node_filesystem_avail_bytes{{device="/dev/nvme0n1p1",fstype="ext4",mountpoint="/"}} {(40 + seed % 30) * 2**30}',
              f'node_network_receive_bytes_total{{device="eth0"}} {int(t * 2e6)}',
              f'node_network_transmit_bytes_total{{device="eth0"}} {int(t * 1.5e6)}',
              f'node_uname_info{{domainname="(none)",machine="x86_64",nodename="{node}",release="5.10.219-208.866.amzn2.x86_64",sysname="Linux",version="#1 SMP Tue Jun 18 14:00:06 UTC 2024"}} 1',
              f'node_os_info{{id="amzn",name="Amazon Linux",pretty_name="Amazon Linux 2",version_id="2"}} 1',
              f"node_timex_sync_status {0 if node == 'ip-10-20-140-8' else 1}",
              f"node_timex_offset_seconds {0.09 if node == 'ip-10-20-140-8' else 0.0004}",
              f"node_timex_maxerror_seconds {16 if node == 'ip-10-20-140-8' else 0.01}"]
    return "\n".join(lines) + "\n"


def kubelet(c, node, now):
    t = now - c.start
    lines = []
    for p in c.pods_now(now):
        if p["node"] != node or p["phase"] != "Running":
            continue
        throttled = 0.6 if p["ns"] == "checkout" and p["owner"] == "checkout" else 0.01
        lab = f'namespace="{p["ns"]}",pod="{p["name"]}",container="{p["owner"]}"'
        lines.append(f"container_cpu_cfs_periods_total{{{lab}}} {int(t * 10)}")
        lines.append(f"container_cpu_cfs_throttled_periods_total{{{lab}}} {int(t * 10 * throttled)}")
        if p["owner"] == "loki":
            cap = 50 * 2**30
            free = 0.01 if (p["name"] == "loki-1" and t >= c.pvc_full) else 0.45
            pvc = f'namespace="{p["ns"]}",persistentvolumeclaim="storage-{p["name"]}"'
            lines.append(f"kubelet_volume_stats_capacity_bytes{{{pvc}}} {cap}")
            lines.append(f"kubelet_volume_stats_available_bytes{{{pvc}}} {int(cap * free)}")
    return "\n".join(lines) + "\n"


def ksm(c, now):
    lines = []
    for node, zone, ip in NODES:
        gone = c.lost_for(node, now)
        lines.append(f'kube_node_info{{node="{node}",internal_ip="{ip}",kubelet_version="v1.29.3-eks-ae9a62a",provider_id="aws:///{zone}/i-0{h(node, 16)}",os_image="Amazon Linux 2"}} 1')
        lines.append(f'kube_node_labels{{node="{node}",label_topology_kubernetes_io_region="{REGION}",label_topology_kubernetes_io_zone="{zone}",label_node_kubernetes_io_instance_type="m6i.2xlarge"}} 1')
        state = "unknown" if gone is not None and gone >= c.grace else "true"
        for status in ("true", "false", "unknown"):
            lines.append(f'kube_node_status_condition{{node="{node}",condition="Ready",status="{status}"}} {1 if status == state else 0}')
        if state == "unknown":
            for effect in ("NoSchedule", "NoExecute"):
                lines.append(f'kube_node_spec_taint{{node="{node}",key="node.kubernetes.io/unreachable",value="",effect="{effect}"}} 1')
    pods = c.pods_now(now)
    for p in pods:
        lab = f'namespace="{p["ns"]}",pod="{p["name"]}"'
        ip = "10.21." + str(int(h(p["name"], 2), 16)) + "." + str(int(h(p["name"] + "x", 2), 16))
        host_ip = next(i for n, _, i in NODES if n == p["node"])
        lines.append(f'kube_pod_info{{{lab},node="{p["node"]}",host_ip="{host_ip}",pod_ip="{ip}",created_by_kind="{"ReplicaSet" if p["kind"] == "Deployment" else p["kind"]}",created_by_name="{p["rs"] or p["owner"]}",uid="{h(p["name"], 32)}"}} 1')
        kind, owner = ("ReplicaSet", p["rs"]) if p["kind"] == "Deployment" else (p["kind"], p["owner"])
        lines.append(f'kube_pod_owner{{{lab},owner_kind="{kind}",owner_name="{owner}",owner_is_controller="true"}} 1')
        for phase in ("Pending", "Running", "Succeeded", "Failed", "Unknown"):
            lines.append(f'kube_pod_status_phase{{{lab},phase="{phase}"}} {1 if phase == p["phase"] else 0}')
        ready = "true" if p["phase"] == "Running" else ("unknown" if p["phase"] == "Unknown" else "false")
        if ready == "true" and c.unready(p, now):
            ready = "false"
        for cond in ("true", "false", "unknown"):
            lines.append(f'kube_pod_status_ready{{{lab},condition="{cond}"}} {1 if cond == ready else 0}')
        if p["owner"] == "coredns":
            down = c.dns_down_for(now)
            crashing = down is not None and down >= 20
            lines.append(f'kube_pod_container_status_waiting_reason{{{lab},container="coredns",reason="CrashLoopBackOff"}} {1 if crashing else 0}')
            lines.append(f'kube_pod_container_status_restarts_total{{{lab},container="coredns"}} {0 if down is None else int(down // 10)}')
    for ns, kind, name, replicas in WORKLOADS:
        mine = [p for p in pods if p["owner"] == name and p["ns"] == ns]
        ready = sum(1 for p in mine if p["phase"] == "Running" and not c.unready(p, now))
        lab = f'namespace="{ns}"'
        if kind == "Deployment":
            rs = mine[0]["rs"]
            lines.append(f'kube_replicaset_owner{{{lab},replicaset="{rs}",owner_kind="Deployment",owner_name="{name}",owner_is_controller="true"}} 1')
            lines.append(f'kube_deployment_spec_replicas{{{lab},deployment="{name}"}} {replicas}')
            lines.append(f'kube_deployment_status_replicas_available{{{lab},deployment="{name}"}} {min(ready, replicas)}')
        elif kind == "StatefulSet":
            lines.append(f'kube_statefulset_replicas{{{lab},statefulset="{name}"}} {replicas}')
            lines.append(f'kube_statefulset_status_replicas_ready{{{lab},statefulset="{name}"}} {ready}')
        else:
            lines.append(f'kube_daemonset_status_desired_number_scheduled{{{lab},daemonset="{name}"}} {len(NODES)}')
            lines.append(f'kube_daemonset_status_number_ready{{{lab},daemonset="{name}"}} {ready}')
    lines.append('kube_job_status_failed{namespace="batch",job_name="report-29121",reason="BackoffLimitExceeded"} 1')
    lines.append('kube_job_owner{namespace="batch",job_name="report-29121",owner_kind="CronJob",owner_name="report",owner_is_controller="true"} 1')
    return "\n".join(lines) + "\n"


def mesh(c, now):
    """istio_requests_total as the source sidecars report it: every call fails once names do not resolve."""
    t = now - c.start
    down = c.dns_down_for(now)
    ns = {name: n for n, _, name, _ in WORKLOADS}
    lines = []
    for src, dst in CALLS:
        rate = 20 + int(h(src + dst, 2), 16) % 30
        failed = 0.0 if down is None else down * rate * 0.95
        ok = t * rate - failed
        lab = (f'reporter="source",source_workload="{src}",source_workload_namespace="{ns[src]}",'
               f'destination_workload="{dst}",destination_workload_namespace="{ns[dst]}",'
               f'destination_service="{dst}.{ns[dst]}.svc.cluster.local"')
        lines.append(f'istio_requests_total{{{lab},response_code="200"}} {ok:.0f}')
        lines.append(f'istio_requests_total{{{lab},response_code="503"}} {failed:.0f}')
    return "\n".join(lines) + "\n"


def route(c, parts, q, now):
    if parts[0] == "lose":
        c.lost[q["node"]] = float(q.get("at", now))
        return 200, "lost %s\n" % q["node"]
    if parts[0] == "break":
        c.broken[q["workload"]] = float(q.get("at", now))
        return 200, "broken %s\n" % q["workload"]
    if parts[0] == "mesh":
        return 200, mesh(c, now)
    if parts[0] in ("node", "kubelet") and len(parts) == 2:
        match = [n for n in NODES if n[0] == parts[1]]
        if not match:
            return 404, "no such node\n"
        if c.lost_for(parts[1], now) is not None:
            return 503, "unreachable\n"
        return 200, node_exporter(c, *match[0][:2], now) if parts[0] == "node" else kubelet(c, parts[1], now)
    if parts[0] == "ksm":
        return 200, ksm(c, now)
    return 404, "unknown path\n"


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--pvc-full", type=float, default=900, help="seconds after start the Loki volume is full")
    ap.add_argument("--grace", type=float, default=40, help="seconds until a lost node is Ready=Unknown")
    ap.add_argument("--replace-after", type=float, default=330,
                    help="seconds until a lost node's Deployment pods are replaced elsewhere")
    args = ap.parse_args()
    cluster = Cluster(time.time(), args.pvc_full, args.grace, args.replace_after)
    textexporter.serve(args.port, lambda parts, q, now: route(cluster, parts, q, now))
