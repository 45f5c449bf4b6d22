"""A minimal LSP client for the transcript tests: spawns `asynctype server`, frames JSON-RPC
messages (Content-Length), reads the server's messages on a thread, and offers request /
notify / wait helpers with timeouts. Failures raise AssertionError with the transcript tail."""
import json
import os
import queue
import subprocess
import threading
import time

TIMEOUT = 30.0


class Server:
    def __init__(self, binary, cwd=None, stamp=False):
        self.stamp = stamp  # notifications' params get `_received`: when they were read (perf_counter)
        self.proc = subprocess.Popen([os.path.abspath(binary), "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, cwd=cwd)
        self.inbox = queue.Queue()
        self.pending = []  # messages read but not yet consumed
        self.transcript = []
        self.next_id = 1
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    # ---- wire
    def _read(self):
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    self.inbox.put(None)
                    return
                line = line.rstrip(b"\r\n")
                if not line:
                    break
                name, _, value = line.partition(b":")
                headers[name.strip().lower()] = value.strip()
            length = int(headers[b"content-length"])
            body = out.read(length)
            if len(body) < length:
                self.inbox.put(None)
                return
            m = json.loads(body.decode("utf-8"))
            if self.stamp and isinstance(m, dict) and isinstance(m.get("params"), dict) and "id" not in m:
                m["params"]["_received"] = time.perf_counter()
            self.inbox.put(m)

    def send_raw(self, data: bytes):
        self.transcript.append(("->", data[:300]))
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send_body(self, body: bytes):
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def send(self, message):
        self.send_body(json.dumps(message).encode("utf-8"))

    def _next(self, timeout=TIMEOUT):
        if self.pending:
            return self.pending.pop(0)
        try:
            m = self.inbox.get(timeout=timeout)
        except queue.Empty:
            self.fail("timed out waiting for a message")
        if m is None:
            self.fail("the server closed its output")
        self.transcript.append(("<-", json.dumps(m)[:300]))
        return m

    def fail(self, why):
        tail = "\n".join("%s %s" % t for t in self.transcript[-12:])
        raise AssertionError("%s\n--- transcript tail ---\n%s" % (why, tail))

    # ---- JSON-RPC
    def request(self, method, params=None, id=None):
        """Sends a request and returns the whole response message; notifications that arrive
        meanwhile are kept for wait_notification."""
        if id is None:
            id = self.next_id
            self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": id, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return self.wait_response(id)

    def wait_response(self, id):
        skipped = []
        deadline = time.time() + TIMEOUT
        while time.time() < deadline:
            m = self._next(max(0.1, deadline - time.time()))
            if "id" in m and "method" not in m and m["id"] == id:
                self.pending = skipped + self.pending
                return m
            skipped.append(m)
        self.fail("no response to request %r" % (id,))

    def result(self, method, params=None):
        r = self.request(method, params)
        if "error" in r:
            self.fail("%s failed: %r" % (method, r["error"]))
        return r["result"]

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    def wait_notification(self, method, pred=lambda p: True, timeout=TIMEOUT):
        skipped = []
        deadline = time.time() + timeout
        try:
            while time.time() < deadline:
                m = self._next(max(0.1, deadline - time.time()))
                if m.get("method") == method and "id" not in m and pred(m.get("params")):
                    return m["params"]
                skipped.append(m)
            self.fail("no %s notification" % method)
        finally:
            self.pending = skipped + self.pending

    def drain_notifications(self, method):
        """Removes and returns the already-received notifications of one method."""
        keep, found = [], []
        while True:
            try:
                m = self.inbox.get_nowait()
            except queue.Empty:
                break
            if m is None:
                self.inbox.put(None)
                break
            self.transcript.append(("<-", json.dumps(m)[:300]))
            self.pending.append(m)
        for m in self.pending:
            (found if m.get("method") == method else keep).append(m)
        self.pending = keep
        return [m["params"] for m in found]

    def initialize(self, root, capabilities=None, options=None):
        params = {"processId": os.getpid(), "rootUri": uri(root),
                  "capabilities": capabilities if capabilities is not None else {},
                  "workspaceFolders": [{"uri": uri(root), "name": "proj"}]}
        if options is not None:
            params["initializationOptions"] = options
        r = self.result("initialize", params)
        self.notify("initialized", {})
        return r

    def open(self, path, text, version=1):
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri(path), "languageId": "python",
                                                              "version": version, "text": text}})

    def close_and_wait(self, timeout=10):
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        return self.proc.wait(timeout=timeout)


def uri(path):
    from urllib.parse import quote
    return "file://" + quote(os.path.abspath(path))


def pos(line, character):
    return {"line": line, "character": character}


def check(cond, server, why):
    if not cond:
        server.fail(why)
