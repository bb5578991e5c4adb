"""The rates service the tests stand up: a small HTTP server on 127.0.0.1.

Started by the tests as `python3 -c THIS_TEXT PORT` from the learner's
process. It answers GET /rates/<code> as the test's script says, and keeps a
log; the tests (the judge) set the script and read the log over HTTP:

    PUT /_script  {"rates": {"EUR": 0.92}, "delays": {"JPY": 1.5},
                   "statuses": {"XXX": 500}, "bodies": {"BAD": "<html>"},
                   "together": 3, "hold": 2.0}
        a new script; the log starts empty
    GET /_log     {"asked": ["EUR", ...], "most": 3}
        the codes asked for, and how many requests were in flight at once

GET /rates/<code> answers, in this order: with `statuses[code]` (and a JSON
error) if listed; with `bodies[code]` as it is if listed; with
{"code": code, "rate": rates[code]} if the code has a rate; else 404. It
waits `delays[code]` seconds first; with `together` = n, each request also
waits (at most `hold` seconds) until n requests are in flight at once.
"""

import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Condition()
# Each script is a generation: a request counts among those in flight of the
# script it came under, so one still waiting from an earlier test counts for
# nothing now.
state = {"generation": 0, "script": {}, "asked": [], "running": {}, "most": 0}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def send(self, status, body, content_type="application/json"):
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_PUT(self):
        if self.path != "/_script":
            return self.send(404, {"error": "no such path"})
        length = int(self.headers.get("Content-Length") or 0)
        script = json.loads(self.rfile.read(length) or b"{}")
        with lock:
            state.update(generation=state["generation"] + 1, script=script, asked=[], running={}, most=0)
        self.send(200, {"ok": True})

    def do_GET(self):
        if self.path == "/_log":
            with lock:
                return self.send(200, {"asked": list(state["asked"]), "most": state["most"]})
        if not self.path.startswith("/rates/"):
            return self.send(404, {"error": "no such path"})
        code = self.path[len("/rates/"):]
        with lock:
            generation, script = state["generation"], state["script"]
            state["asked"].append(code)
            running = state["running"][generation] = state["running"].get(generation, 0) + 1
            state["most"] = max(state["most"], running)
            lock.notify_all()
        try:
            together = script.get("together", 0)
            if together:
                deadline = time.monotonic() + script.get("hold", 2.0)
                with lock:
                    while state["most"] < together and state["generation"] == generation and time.monotonic() < deadline:
                        lock.wait(deadline - time.monotonic())
            time.sleep(script.get("delays", {}).get(code, 0))
        finally:
            with lock:
                state["running"][generation] = state["running"].get(generation, 1) - 1
        if code in script.get("statuses", {}):
            return self.send(script["statuses"][code], {"error": "the rates service failed"})
        if code in script.get("bodies", {}):
            return self.send(200, script["bodies"][code], "text/html")
        if code in script.get("rates", {}):
            return self.send(200, {"code": code, "rate": script["rates"][code]})
        return self.send(404, {"error": "unknown currency"})


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A client that gave up (timed out) before the answer: nothing to say.
        pass


if __name__ == "__main__":
    server = Server(("127.0.0.1", int(sys.argv[1])), Handler)
    server.serve_forever()
