#!/usr/bin/env python3
"""Records what Vigil asks and what the real servers answer (record.sh): /api/v1/* goes to Prometheus,
/api/v2/* to Alertmanager, each answer is written to --out as a JSON list of {method, path, query,
status, contentType, body}. Answers are asked for uncompressed so the file holds them as text."""
import argparse
import http.server
import json
import threading
import urllib.error
import urllib.parse
import urllib.request

ap = argparse.ArgumentParser()
ap.add_argument("--port", type=int, required=True)
ap.add_argument("--prometheus", required=True)
ap.add_argument("--alertmanager", required=True)
ap.add_argument("--out", required=True)
args = ap.parse_args()
lock = threading.Lock()
records = []


class H(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *a):
        pass

    def forward(self, method):
        u = urllib.parse.urlparse(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length", 0) or 0)) if method == "POST" else b""
        params = urllib.parse.parse_qsl(u.query, keep_blank_values=True)
        if method == "POST" and self.headers.get("Content-Type", "").startswith("application/x-www-form-urlencoded"):
            params += urllib.parse.parse_qsl(body.decode(), keep_blank_values=True)
        base = args.prometheus if u.path.startswith("/api/v1/") else args.alertmanager
        req = urllib.request.Request(base + self.path, data=body if method == "POST" else None, method=method)
        for k in ("Content-Type", "Accept"):
            if self.headers.get(k):
                req.add_header(k, self.headers[k])
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                status, ctype, data = r.status, r.headers.get("Content-Type", ""), r.read()
        except urllib.error.HTTPError as e:
            status, ctype, data = e.code, e.headers.get("Content-Type", ""), e.read()
        with lock:
            records.append({"method": method, "path": u.path,
                            "query": [p for p in params if p[0] not in ("time", "start", "end", "timeout")],
                            "status": status, "contentType": ctype, "body": data.decode()})
            with open(args.out, "w") as f:
                json.dump(records, f, indent=1)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.forward("GET")

    def do_POST(self):
        self.forward("POST")


http.server.ThreadingHTTPServer(("127.0.0.1", args.port), H).serve_forever()
