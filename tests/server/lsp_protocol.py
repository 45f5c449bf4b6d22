"""LSP transcript test: the protocol and its robustness — lifecycle (initialize, shutdown, exit
codes, EOF), framing and JSON errors, unknown methods, requests before initialize, cancellation,
out-of-range positions, invalid UTF-8 and NUL text, malformed changes. The server must answer
every request, never crash, and never lose a document's text.
Usage: lsp_protocol.py ASYNCTYPE"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Server, check, pos, uri  # noqa: E402

binary = sys.argv[1]
tmp = tempfile.mkdtemp()
proj = os.path.join(tmp, "proj")
os.makedirs(proj)
main_py = os.path.join(proj, "main.py")
with open(main_py, "w") as f:
    f.write("async def fetch() -> int:\n    return 1\n\nasync def run() -> None:\n    fetch()\n")

# ---- Session 1: lifecycle and errors.
s = Server(binary, cwd=proj)

# A request before initialize: ServerNotInitialized; a notification is dropped silently.
r = s.request("textDocument/hover", {"textDocument": {"uri": uri(main_py)}, "position": pos(0, 0)})
check(r.get("error", {}).get("code") == -32002, s, "hover before initialize: expected -32002")
s.open(main_py, "x = 1\n")

# Malformed JSON: Parse error with a null id; the server carries on.
s.send_body(b'{"jsonrpc": "2.0", "id": 99, "method": ')
m = s._next()
check(m.get("error", {}).get("code") == -32700 and m.get("id") is None, s, "malformed JSON: expected -32700, id null")
# Not an object; no method.
s.send_body(b'[1, 2, 3]')
m = s._next()
check(m.get("error", {}).get("code") == -32600 and m.get("id") is None, s, "array message: expected -32600")
s.send({"jsonrpc": "2.0", "id": 98})
m = s._next()
check(m.get("error", {}).get("code") == -32600 and m.get("id") == 98, s, "no method: expected -32600")
# A header without Content-Length: Parse error, then the stream continues.
s.send_raw(b"Content-Type: application/vscode-jsonrpc\r\n\r\n")
m = s._next()
check(m.get("error", {}).get("code") == -32700, s, "bad header: expected -32700")

init = s.initialize(proj)
caps = init["capabilities"]
check(caps["textDocumentSync"]["change"] == 2 and caps["textDocumentSync"]["openClose"] is True, s, "sync caps")
check(caps["textDocumentSync"]["save"] is not None, s, "save capability")
check(caps["hoverProvider"] and caps["definitionProvider"] and caps["inlayHintProvider"], s, "provider caps")
check("quickfix" in caps["codeActionProvider"]["codeActionKinds"], s, "code action caps")
check(caps["diagnosticProvider"]["interFileDependencies"] is True, s, "diagnostic provider")
check(caps.get("positionEncoding") == "utf-16", s, "position encoding")
check(init["serverInfo"]["name"] == "asynctype", s, "serverInfo")

# initialize twice is an error.
r = s.request("initialize", {"capabilities": {}})
check(r.get("error", {}).get("code") == -32600, s, "second initialize must fail")

# Unknown request: MethodNotFound. Unknown notification / $/cancelRequest: no answer at all.
r = s.request("textDocument/frobnicate", {})
check(r.get("error", {}).get("code") == -32601, s, "unknown request: expected -32601")
r = s.request("$/unknownRequest", {})
check(r.get("error", {}).get("code") == -32601, s, "unknown $/ request: expected -32601")
s.notify("workspace/frobnicate", {"x": 1})
s.notify("$/cancelRequest", {"id": 12345})
s.notify("$/cancelRequest", {})
s.notify("$/setTrace", {"value": "off"})
r = s.request("shutdown_probe_unknown", None)
check(r.get("error", {}).get("code") == -32601, s, "probe after notifications")
check(not [m for m in s.pending if "id" in m], s, "notifications must not be answered")

# Invalid params: a hover without a position.
r = s.request("textDocument/hover", {"textDocument": {"uri": uri(main_py)}})
check(r.get("error", {}).get("code") == -32602, s, "hover without position: expected -32602")
r = s.request("textDocument/hover", [])
check("error" in r, s, "hover with array params: expected an error")

# Open a document (the disk text is not what the editor shows: the editor wins).
text = "async def fetch() -> int:\n    return 1\n\nasync def run() -> None:\n    value = await fetch()\n"
s.open(main_py, text, version=3)
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(main_py))
check(d["version"] == 3 and d["diagnostics"] == [], s, "open text overrides the disk: expected no diagnostics, %r" % d)

# Positions out of range are clamped (or give null), never an error.
for p in [pos(9999, 0), pos(0, 9999), pos(4, 9999), {"line": -5, "character": -1}, {"line": 1.5, "character": "x"}]:
    r = s.request("textDocument/hover", {"textDocument": {"uri": uri(main_py)}, "position": p})
    check("result" in r, s, "hover at %r must not fail: %r" % (p, r))
    r = s.request("textDocument/definition", {"textDocument": {"uri": uri(main_py)}, "position": p})
    check("result" in r, s, "definition at %r must not fail: %r" % (p, r))
r = s.request("textDocument/inlayHint", {"textDocument": {"uri": uri(main_py)},
                                         "range": {"start": pos(500, 0), "end": pos(0, 0)}})
check("result" in r, s, "inlay hints with a reversed out-of-range range")

# Malformed changes are skipped: the text is kept. Changes outside the text are clamped.
s.notify("textDocument/didChange", {"textDocument": {"uri": uri(main_py), "version": 4},
                                    "contentChanges": [{"range": "bad", "text": "zzz"}, {"nope": 1}]})
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["version"] == 4)
check(d["diagnostics"] == [], s, "malformed changes must not alter the text")
s.notify("textDocument/didChange", {"textDocument": {"uri": uri(main_py), "version": 5},
                                    "contentChanges": [{"range": {"start": pos(99, 0), "end": pos(99, 0)},
                                                        "text": "\nfetch()\n"}]})
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["version"] == 5)
check([x["code"] for x in d["diagnostics"]] == ["unused-coroutine"], s, "append past the end: %r" % d)
check(d["diagnostics"][0]["range"]["start"] == pos(6, 0), s, "appended line position: %r" % d)
# A burst of changes in one write: the text follows every change, and diagnostics end with the
# last version. Analysis runs beside the reader, so a check of an early version may finish before
# the rest of the burst is read; such publishes come first, in version order, never after the last
# version's, and not once per keystroke.
import json as _json
burst = b""
for v, ch in enumerate("await ", start=10):
    msg = {"jsonrpc": "2.0", "method": "textDocument/didChange",
           "params": {"textDocument": {"uri": uri(main_py), "version": v},
                      "contentChanges": [{"range": {"start": pos(6, v - 10), "end": pos(6, v - 10)}, "text": ch}]}}
    body = _json.dumps(msg).encode()
    burst += b"Content-Length: %d\r\n\r\n" % len(body) + body
s.drain_notifications("textDocument/publishDiagnostics")
s.send_raw(burst)
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["version"] == 15)
check([(x["code"], x["range"]["end"]) for x in d["diagnostics"]] == [("invalid-syntax", pos(6, 13))], s,
      "after typing `await ` (at module level): %r" % d)
others = [p["version"] for p in s.drain_notifications("textDocument/publishDiagnostics") if p["uri"] == uri(main_py)]
check(all(v < 15 for v in others) and others == sorted(others) and len(others) < 5, s,
      "a burst publishes in version order, ending with the last version: %r" % others)
# A change to a document that is not open is ignored.
s.notify("textDocument/didChange", {"textDocument": {"uri": uri(os.path.join(proj, "nope.py")), "version": 1},
                                    "contentChanges": [{"range": {"start": pos(0, 0), "end": pos(0, 0)}, "text": "x"}]})
# A notification with bad params does not kill the server.
s.notify("textDocument/didOpen", {"textDocument": 7})
s.notify("textDocument/didOpen", {})

# Invalid UTF-8 in didOpen (raw bytes inside the JSON string): the document is kept (bad bytes
# replaced), diagnostics are published, features work on it.
bad = os.path.join(proj, "bad.py")
body = (b'{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"' +
        uri(bad).encode() + b'","languageId":"python","version":1,"text":"s = \\"\xff\xfe\\"\\nundefined_x\\n"}}}')
s.send_body(body)
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(bad))
check([x["code"] for x in d["diagnostics"]] == ["unresolved-reference"], s, "invalid UTF-8 document: %r" % d)
r = s.result("textDocument/hover", {"textDocument": {"uri": uri(bad)}, "position": pos(0, 0)})
check(r is not None and "\ufffd" in r["contents"]["value"], s, "hover in the sanitized document: %r" % r)
# A NUL byte (valid JSON): an io diagnostic, no crash.
nul = os.path.join(proj, "nul.py")
s.open(nul, "x = 1\u0000\n")
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(nul))
check([x["code"] for x in d["diagnostics"]] == ["io"] and d["diagnostics"][0]["severity"] == 1, s,
      "NUL document: expected one io error, %r" % d)
r = s.request("textDocument/hover", {"textDocument": {"uri": uri(nul)}, "position": pos(0, 0)})
check(r.get("result", "missing") is None, s, "hover in an undecodable document: null")
# A document that is neither open nor on disk: an io diagnostic in the pull report.
r = s.result("textDocument/diagnostic", {"textDocument": {"uri": uri(os.path.join(proj, "ghost.py"))}})
check(r["kind"] == "full" and [x["code"] for x in r["items"]] == ["io"], s, "missing file: %r" % r)
# Non-file URIs (untitled buffers) are analysed too.
s.notify("textDocument/didOpen", {"textDocument": {"uri": "untitled:Untitled-1", "languageId": "python",
                                                   "version": 1, "text": "print(nothing)\n"}})
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == "untitled:Untitled-1")
check([x["code"] for x in d["diagnostics"]] == ["unresolved-reference"], s, "untitled document: %r" % d)

# Close: diagnostics cleared.
s.notify("textDocument/didClose", {"textDocument": {"uri": uri(bad)}})
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(bad))
check(d["diagnostics"] == [], s, "close clears diagnostics")

# Shutdown, then requests are refused, then exit with 0.
r = s.request("shutdown")
check(r.get("result", "missing") is None, s, "shutdown result must be null")
r = s.request("textDocument/hover", {"textDocument": {"uri": uri(main_py)}, "position": pos(0, 0)})
check(r.get("error", {}).get("code") == -32600, s, "request after shutdown: expected -32600")
s.notify("exit")
code = s.proc.wait(timeout=10)
check(code == 0, s, "exit after shutdown: expected code 0, got %r" % code)

# ---- Session 2: exit without shutdown -> 1.
s = Server(binary, cwd=proj)
s.initialize(proj)
s.notify("exit")
code = s.proc.wait(timeout=10)
check(code == 1, s, "exit without shutdown: expected code 1, got %r" % code)

# ---- Session 3: EOF -> clean exit (0 after shutdown, 1 before), no hang, nothing on stderr.
s = Server(binary, cwd=proj)
s.initialize(proj)
s.result("shutdown")
code = s.close_and_wait()
check(code == 0, s, "EOF after shutdown: expected 0, got %r" % code)
s = Server(binary, cwd=proj)
s.send_raw(b"Content-Length: 100\r\n\r\n{\"jsonrpc\"")  # EOF in the middle of a body
code = s.close_and_wait()
check(code == 1, s, "EOF mid-message: expected 1, got %r" % code)
err = s.proc.stderr.read()
check(b"internal failure" not in err, s, "stderr: %r" % err)

print("lsp_protocol: OK")
