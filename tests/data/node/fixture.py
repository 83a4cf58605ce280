#!/usr/bin/env python3
"""A bare-metal fleet's exporters for recording Vigil's real-server test data (record.sh).

Serves, on 127.0.0.1, what a node_exporter fleet's targets expose, written for Vigil's tests (not copied
from any exporter): node_exporter per host (/node/NAME) and, on web and api hosts, the application's
own metrics (/app/NAME: http_requests_total by code). Forty hosts in region dc1, two zones, four racks
of ten; per rack four web, three api, two cache and one db host. web calls api; api calls db.

GET /lose?rack=NAME&at=UNIX: the rack's top-of-rack switch dies at that moment; its hosts' targets
stop answering, and api hosts elsewhere fail the calls that went to the lost database hosts (a share of
their requests answered 500) from then on. Noise that has nothing to do with it, from the start: a
degraded RAID array on a db host in dc1-b-r1, a failed systemd unit on a cache host, connection
tracking tables filling up on web hosts one after another all along, and high CPU on two web hosts.
Deterministic: the same start gives the same series.
"""
import argparse
import hashlib
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import textexporter  # noqa: E402

REGION = "dc1"
RACKS = [("dc1-a", "dc1-a-r1"), ("dc1-a", "dc1-a-r2"), ("dc1-b", "dc1-b-r1"), ("dc1-b", "dc1-b-r2")]
ROLES = ["web"] * 4 + ["api"] * 3 + ["cache"] * 2 + ["db"]  # per rack, in host order


def h(text, n=5):
    return hashlib.sha256(text.encode()).hexdigest()[:n]


HOSTS = []  # name, zone, rack, service
for zone, rack in RACKS:
    for i, role in enumerate(ROLES):
        HOSTS.append((f"{rack}-{role}{i:02d}", zone, rack, role))
DB = [x[0] for x in HOSTS if x[3] == "db"]
RAID = next(x[0] for x in HOSTS if x[3] == "db" and x[2] == "dc1-b-r1")
SYSTEMD = next(x[0] for x in HOSTS if x[3] == "cache" and x[2] == "dc1-b-r2")
HOT_CPU = [x[0] for x in HOSTS if x[3] == "web"][1::7]


class Fleet:
    def __init__(self, start, conntrack_every):
        self.start = start
        self.conntrack_every = conntrack_every  # seconds between web hosts whose tables fill up again
        self.lost = {}  # rack -> unix time

    def lost_for(self, rack, now):
        t = self.lost.get(rack)
        return None if t is None or now < t else now - t

    def down(self, name, now):
        rack = next(x[2] for x in HOSTS if x[0] == name)
        return self.lost_for(rack, now) is not None

    def db_share_lost(self, now):
        return sum(1 for d in DB if self.down(d, now)) / len(DB)


def node_exporter(f, name, service, now):
    t = now - f.start
    seed = int(h(name, 4), 16)
    busy = 0.97 if name in HOT_CPU else 0.2 + (seed % 30) / 100.0
    lines = []
    for cpu in ("0", "1", "2", "3"):
        lines.append(f'node_cpu_seconds_total{{cpu="{cpu}",mode="idle"}} {1e6 + t * (1 - busy):.3f}')
        lines.append(f'node_cpu_seconds_total{{cpu="{cpu}",mode="user"}} {5e5 + t * busy:.3f}')
    total = 64 * 2**30
    lines += [f"node_memory_MemTotal_bytes {total}",
              f"node_memory_MemAvailable_bytes {int(total * (0.35 + (seed % 30) / 100.0))}",
              f"node_load1 {busy * 4:.2f}",
              f'node_filesystem_size_bytes{{device="/dev/sda1",fstype="ext4",mountpoint="/"}} {200 * 2**30}',
              f'node_filesystem_avail_bytes{{device="/dev/sda1",fstype="ext4",mountpoint="/"}} {(60 + seed % 60) * 2**30}',
              f'node_network_receive_bytes_total{{device="eth0"}} {int(t * 3e6)}',
              f'node_network_transmit_bytes_total{{device="eth0"}} {int(t * 2e6)}',
              f'node_uname_info{{domainname="(none)",machine="x86_64",nodename="{name}",release="6.1.0-27-amd64",sysname="Linux",version="#1 SMP PREEMPT_DYNAMIC Debian 6.1.115-1 (2024-11-01)"}} 1',
              f'node_os_info{{id="debian",name="Debian GNU/Linux",pretty_name="Debian GNU/Linux 12 (bookworm)",version_id="12"}} 1',
              "node_timex_sync_status 1", "node_timex_offset_seconds 0.0003", "node_timex_maxerror_seconds 0.01"]
    if service == "db":
        degraded = 1 if name == RAID else 0
        lines.append(f'node_md_disks{{device="md0",state="active"}} {2 - degraded}')
        lines.append(f'node_md_disks{{device="md0",state="failed"}} {degraded}')
        lines.append('node_md_disks_required{device="md0"} 2')
    state = "failed" if name == SYSTEMD else "active"
    for s in ("active", "failed"):
        lines.append(f'node_systemd_unit_state{{name="memcached.service",state="{s}",type="simple"}} {1 if s == state else 0}')
    limit = 262144
    webs = [x[0] for x in HOSTS if x[3] == "web"]
    # Each web host's table is flushed for one step in every len(webs) steps and fills again, one host
    # after another: a table fills up somewhere every step, all along.
    step = f.conntrack_every
    full = service == "web" and (t + webs.index(name) * step) % (len(webs) * step) >= step
    lines.append(f"node_nf_conntrack_entries {int(limit * (0.82 if full else 0.3))}")
    lines.append(f"node_nf_conntrack_entries_limit {limit}")
    return "\n".join(lines) + "\n"


def app(f, name, service, now):
    """http_requests_total as the application counts it: api fails the calls that went to a lost db."""
    t = now - f.start
    rate = 200 if service == "web" else 120
    failed = 0.0
    if service == "api":
        lost_at = min((f.lost[r] for r in f.lost if f.lost[r] <= now), default=None)
        if lost_at is not None:
            failed = (now - lost_at) * rate * f.db_share_lost(now)
    ok = t * rate - failed
    return (f'http_requests_total{{code="200",handler="/api"}} {ok:.0f}\n'
            f'http_requests_total{{code="500",handler="/api"}} {failed:.0f}\n')


def route(f, parts, q, now):
    if parts[0] == "lose":
        f.lost[q["rack"]] = float(q.get("at", now))
        return 200, "lost %s\n" % q["rack"]
    if parts[0] in ("node", "app") and len(parts) == 2:
        match = [x for x in HOSTS if x[0] == parts[1]]
        if not match:
            return 404, "no such host\n"
        if f.down(parts[1], now):
            return 503, "unreachable\n"
        service = match[0][3]
        if parts[0] == "app" and service not in ("web", "api"):
            return 404, "no application here\n"
        return 200, (node_exporter if parts[0] == "node" else app)(f, parts[1], service, now)
    return 404, "unknown path\n"


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--conntrack-every", type=float, default=60,
                    help="seconds between web hosts whose connection tracking tables fill up again")
    args = ap.parse_args()
    fleet = Fleet(time.time(), args.conntrack_every)
    textexporter.serve(args.port, lambda parts, q, now: route(fleet, parts, q, now))
