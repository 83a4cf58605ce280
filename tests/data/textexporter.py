"""The HTTP side of the recording fixtures (kube/fixture.py, node/fixture.py): serves, on 127.0.0.1, what
a route function answers for each GET, as Prometheus' text exposition format."""
import http.server
import time
import urllib.parse


def serve(port, route):
    """route(parts, query, now) -> (status, body): parts is the path split at "/", query a dict."""
    class H(http.server.BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def do_GET(self):
            u = urllib.parse.urlparse(self.path)
            code, body = route(u.path.strip("/").split("/"), dict(urllib.parse.parse_qsl(u.query)), time.time())
            data = body.encode()
            self.send_response(code)
            self.send_header("Content-Type", "text/plain; version=0.0.4")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    http.server.ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()
