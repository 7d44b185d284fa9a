"""The SMS gateway of the fault suite: takes HallSafe's JSON POSTs (phone, text), answers 200 and writes one line per
message to FILE: ms since 1970, then the JSON body. Usage: python3 sms_sink.py PORT FILE"""
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, path = int(sys.argv[1]), sys.argv[2]
lock = threading.Lock()
out = open(path, "a", encoding="utf-8")


class Sink(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8", "replace")
        with lock:
            out.write(f"{int(time.time() * 1000)}\t{body.replace(chr(10), ' ')}\n")
            out.flush()
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


ThreadingHTTPServer(("127.0.0.1", port), Sink).serve_forever()
