"""LSP transcript test: incremental and responsive analysis — open documents that import an
edited module are re-checked when (and only when) its interface changed, each with its own
version; `$/cancelRequest` answers a request not yet answered with RequestCancelled (-32800) and
nothing else; a newer edit supersedes the diagnostics of older versions; edits reparse
incrementally with the same results as a fresh open. Also the small robustness cases: a code
action request without `range` is InvalidParams, and a document starting with a UTF-8 byte order
mark keeps the client's first-line positions.
Usage: lsp_incremental.py ASYNCTYPE"""
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Server, check, pos, uri  # noqa: E402

binary = sys.argv[1]
tmp = tempfile.mkdtemp()
proj = os.path.join(tmp, "proj")
os.makedirs(proj)
util_py = os.path.join(proj, "util.py")
main_py = os.path.join(proj, "main.py")
other_py = os.path.join(proj, "other.py")
util_text = "async def get() -> int:\n    return 1\n"
main_text = "from util import get\n\n\nasync def run() -> None:\n    get()\n"
other_text = "def unrelated() -> None:\n    pass\n"
for path, text in ((util_py, util_text), (main_py, main_text), (other_py, other_text)):
    with open(path, "w") as f:
        f.write(text)


def framed(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def publishes(s, u):
    return [p for p in s.drain_notifications("textDocument/publishDiagnostics") if p["uri"] == u]


s = Server(binary, cwd=proj)
s.initialize(proj)

# ---- Importers are re-checked when the imported module's interface changes.
s.open(util_py, util_text, version=1)
s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(util_py))
s.open(main_py, main_text, version=7)
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(main_py))
check([x["code"] for x in d["diagnostics"]] == ["unused-coroutine"] and d["version"] == 7, s,
      "main.py calls a coroutine without awaiting it: %r" % d)
s.open(other_py, other_text, version=1)
s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(other_py))

# A change inside a function body: the interface is the same, importers are not re-checked.
s.notify("textDocument/didChange", {"textDocument": {"uri": uri(util_py), "version": 2}, "contentChanges": [
    {"range": {"start": pos(1, 11), "end": pos(1, 12)}, "text": "2"}]})
s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(util_py) and p["version"] == 2)
time.sleep(0.5)
check(not publishes(s, uri(main_py)), s, "a body-only change must not re-check the importers")

# `get` becomes a plain function: main.py is re-published (its own version), other.py is not.
s.notify("textDocument/didChange", {"textDocument": {"uri": uri(util_py), "version": 3}, "contentChanges": [
    {"range": {"start": pos(0, 0), "end": pos(0, 6)}, "text": ""}]})
s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(util_py) and p["version"] == 3)
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(main_py))
check(d["version"] == 7 and d["diagnostics"] == [], s, "main.py re-checked after util.get became sync: %r" % d)
time.sleep(0.3)
check(not publishes(s, uri(other_py)), s, "other.py does not import util: not re-checked")
# And back: the warning returns.
s.notify("textDocument/didChange", {"textDocument": {"uri": uri(util_py), "version": 4}, "contentChanges": [
    {"range": {"start": pos(0, 0), "end": pos(0, 0)}, "text": "async "}]})
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(main_py))
check([x["code"] for x in d["diagnostics"]] == ["unused-coroutine"], s, "main.py after util.get is async again: %r" % d)

# A function without a return annotation returns what its body returns: a body edit that
# changes it changes the interface, and its importers are re-checked.
helper_py = os.path.join(proj, "helper.py")
user_py = os.path.join(proj, "user.py")
helper_text = "import asyncio\n\n\ndef make():\n    return 1\n"
user_text = "from helper import make\n\n\nasync def run() -> None:\n    await make()\n"
for path, text in ((helper_py, helper_text), (user_py, user_text)):
    with open(path, "w") as f:
        f.write(text)
s.open(helper_py, helper_text, version=1)
s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(helper_py))
s.open(user_py, user_text, version=5)
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(user_py))
check([x["code"] for x in d["diagnostics"]] == ["invalid-await"], s, "user.py awaits an int: %r" % d)
s.notify("textDocument/didChange", {"textDocument": {"uri": uri(helper_py), "version": 2}, "contentChanges": [
    {"range": {"start": pos(4, 11), "end": pos(4, 12)}, "text": "asyncio.sleep(0)"}]})
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(user_py))
check(d["version"] == 5 and d["diagnostics"] == [], s, "user.py re-checked after make's body changed: %r" % d)

# ---- A large document: analysis takes long enough for cancellations to arrive meanwhile.
big_py = os.path.join(proj, "big.py")
unit = ("class Record{i}:\n    def __init__(self, value: int) -> None:\n        self.value = value + {i}\n\n"
        "async def fetch_{i}(n: int) -> int:\n    rec = Record{i}(n)\n    await fetch_{i}(1)\n    return rec.value\n\n")
big_text = "".join(unit.format(i=i) for i in range(600)) + "fetch_1(2)\n"
with open(big_py, "w") as f:
    f.write("# empty on disk\n")

# Cancelled before the server gets to it: RequestCancelled, and no other answer.
s.drain_notifications("textDocument/publishDiagnostics")
open_msg = {"jsonrpc": "2.0", "method": "textDocument/didOpen",
            "params": {"textDocument": {"uri": uri(big_py), "languageId": "python", "version": 1, "text": big_text}}}
hover = {"jsonrpc": "2.0", "id": 501, "method": "textDocument/hover",
         "params": {"textDocument": {"uri": uri(big_py)}, "position": pos(5, 5)}}
cancel = {"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 501}}
s.send_raw(framed(open_msg) + framed(hover) + framed(cancel))
r = s.wait_response(501)
check(r.get("error", {}).get("code") == -32800 and "result" not in r, s, "cancelled hover: expected -32800, %r" % r)
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(big_py))
check(d["version"] == 1 and len(d["diagnostics"]) == 1, s, "big.py diagnostics after the cancel: %r" % d)
# Cancelling an answered request: nothing more is sent for it; the server carries on.
r = s.request("textDocument/hover", {"textDocument": {"uri": uri(big_py)}, "position": pos(5, 5)}, id=502)
check(r.get("result") is not None, s, "hover: %r" % r)
s.notify("$/cancelRequest", {"id": 502})
r = s.request("textDocument/hover", {"textDocument": {"uri": uri(big_py)}, "position": pos(5, 5)}, id=503)
check(r.get("result") is not None, s, "hover after a late cancel: %r" % r)
time.sleep(0.2)
s.drain_notifications("textDocument/publishDiagnostics")
check(not [m for m in s.pending if m.get("id") == 502], s, "a late cancel must not answer again")

# A newer edit supersedes the analysis of the older version: the last publish is the newest
# version, versions only grow, and its diagnostics are those of the final text.
s.drain_notifications("textDocument/publishDiagnostics")
version = 1
last = big_text.count("\n") - 1  # the line `fetch_1(2)`
for k in range(6):
    version += 1
    s.notify("textDocument/didChange", {"textDocument": {"uri": uri(big_py), "version": version}, "contentChanges": [
        {"range": {"start": pos(last, 8), "end": pos(last, 9)}, "text": str(k)}]})
    time.sleep(0.01)
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(big_py) and p["version"] == version)
seen = [p["version"] for p in publishes(s, uri(big_py))] + [version]
check(seen == sorted(seen), s, "publishes must come in version order: %r" % seen)
check(len(d["diagnostics"]) == 1 and d["diagnostics"][0]["range"]["start"] == pos(last, 0), s,
      "diagnostics of the last version: %r" % d)
# The incrementally reparsed text gives what a fresh open of the same text gives.
final_text = big_text[:big_text.rindex("fetch_1(2)")] + "fetch_1(5)\n"
fresh_py = os.path.join(proj, "fresh.py")
s.open(fresh_py, final_text)
f = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(fresh_py))
check(f["diagnostics"] == d["diagnostics"], s, "incremental vs fresh diagnostics differ")
h1 = s.result("textDocument/hover", {"textDocument": {"uri": uri(big_py)}, "position": pos(last, 2)})
h2 = s.result("textDocument/hover", {"textDocument": {"uri": uri(fresh_py)}, "position": pos(last, 2)})
check(h1 == h2 and h1 is not None, s, "incremental vs fresh hover: %r / %r" % (h1, h2))

# ---- codeAction without a range: InvalidParams (the range is required).
r = s.request("textDocument/codeAction", {"textDocument": {"uri": uri(main_py)}, "context": {"diagnostics": []}})
check(r.get("error", {}).get("code") == -32602, s, "codeAction without range: expected -32602, %r" % r)
r = s.request("textDocument/codeAction", {"textDocument": {"uri": uri(main_py)}, "range": "x",
                                          "context": {"diagnostics": []}})
check(r.get("error", {}).get("code") == -32602, s, "codeAction with a bad range: expected -32602, %r" % r)

# ---- A byte order mark counts as one UTF-16 unit of the first line, as the client sees it.
bom_py = os.path.join(proj, "bom.py")
s.open(bom_py, "\ufeffx = undefined_name\ny = undefined_name\n")
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(bom_py))
ranges = [x["range"] for x in d["diagnostics"]]
check(ranges == [{"start": pos(0, 5), "end": pos(0, 19)}, {"start": pos(1, 4), "end": pos(1, 18)}], s,
      "BOM document ranges: %r" % ranges)
h = s.result("textDocument/hover", {"textDocument": {"uri": uri(bom_py)}, "position": pos(0, 1)})
check(h is not None and h["range"] == {"start": pos(0, 1), "end": pos(0, 2)}, s, "hover on `x` after the BOM: %r" % h)
acts = s.result("textDocument/codeAction", {"textDocument": {"uri": uri(bom_py)}, "range": ranges[0],
                                            "context": {"diagnostics": [d["diagnostics"][0]]}})
edits = [e for a in acts for e in a["edit"]["changes"][uri(bom_py)]]
check(edits and all(e["range"]["start"]["line"] == 0 and e["range"]["start"]["character"] == 19 for e in edits), s,
      "ignore comment at the end of the BOM line: %r" % edits)
# Edits on the first line keep working with the BOM counted.
s.notify("textDocument/didChange", {"textDocument": {"uri": uri(bom_py), "version": 2}, "contentChanges": [
    {"range": {"start": pos(0, 1), "end": pos(0, 2)}, "text": "zz"}]})
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(bom_py) and p["version"] == 2)
check(d["diagnostics"][0]["range"]["start"] == pos(0, 6), s, "after renaming `x` to `zz`: %r" % d["diagnostics"])

s.result("shutdown")
s.notify("exit")
code = s.proc.wait(timeout=10)
check(code == 0, s, "exit: %r" % code)

# ---- A pull client: when a pulled document's interface changed, the server asks for a refresh
# (its importers' reports are stale); a body-only change does not.
s = Server(binary, cwd=proj)
s.initialize(proj, capabilities={"textDocument": {"diagnostic": {"dynamicRegistration": False}},
                                 "workspace": {"diagnostics": {"refreshSupport": True}}})
s.open(util_py, util_text)
s.open(main_py, main_text)
r = s.result("textDocument/diagnostic", {"textDocument": {"uri": uri(main_py)}})
check([x["code"] for x in r["items"]] == ["unused-coroutine"], s, "pull main.py: %r" % r)
s.result("textDocument/diagnostic", {"textDocument": {"uri": uri(util_py)}})


def refreshes():
    s.drain_notifications("none")
    found = [m for m in s.pending if m.get("method") == "workspace/diagnostic/refresh"]
    s.pending = [m for m in s.pending if m not in found]
    for m in found:
        s.send({"jsonrpc": "2.0", "id": m["id"], "result": None})
    return found


s.notify("textDocument/didChange", {"textDocument": {"uri": uri(util_py), "version": 2}, "contentChanges": [
    {"range": {"start": pos(1, 11), "end": pos(1, 12)}, "text": "2"}]})
s.result("textDocument/diagnostic", {"textDocument": {"uri": uri(util_py)}})
time.sleep(0.2)
check(not refreshes(), s, "a body-only change: no refresh")
s.notify("textDocument/didChange", {"textDocument": {"uri": uri(util_py), "version": 3}, "contentChanges": [
    {"range": {"start": pos(0, 0), "end": pos(0, 6)}, "text": ""}]})
s.result("textDocument/diagnostic", {"textDocument": {"uri": uri(util_py)}})
time.sleep(0.2)
check(len(refreshes()) == 1, s, "an interface change: one refresh")
r = s.result("textDocument/diagnostic", {"textDocument": {"uri": uri(main_py)}})
check(r["items"] == [], s, "pull main.py after util.get became sync: %r" % r)
check(s.drain_notifications("textDocument/publishDiagnostics") == [], s, "pull clients get no pushes")
s.result("shutdown")
s.notify("exit")
check(s.proc.wait(timeout=10) == 0, s, "exit code (pull session)")
print("lsp_incremental: OK")
