"""LSP transcript test: the language features on a small project with async bugs —
diagnostics (push with version, pull, severity / code / source, UTF-16 ranges, configuration
and suppressions as in `asynctype check`), open documents overriding the disk across files,
incremental changes with non-BMP characters, hover (types, `awaits to`), go to definition
(names, imports, modules, attributes), code actions, inlay hints, watched-file re-checks and
pull-mode clients.
Usage: lsp_features.py ASYNCTYPE"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Server, check, pos, uri  # noqa: E402

binary = sys.argv[1]
tmp = tempfile.mkdtemp()
proj = os.path.join(tmp, "my proj")  # a space: URIs are percent-encoded
os.makedirs(os.path.join(proj, "app"))


def write(rel, text):
    with open(os.path.join(proj, rel), "w", encoding="utf-8") as f:
        f.write(text)
    return os.path.join(proj, rel)


write("asynctype.toml", '[rules]\nunresolved-attribute = "warn"\n')
write("app/__init__.py", "")
util_py = write("app/util.py", """\
async def fetch(n: int) -> int:
    return n


class Client:
    async def get(self) -> str:
        return ""
""")
MAIN = """\
from app.util import fetch, Client
from app import util


async def run() -> None:
    fetch(1)
    x = fetch(2)
    y = await x
    c = Client()
    c.get()
    util.fetch(3)
    s = "\U0001F600\u00e9"; fetch(5)
    undefined_name  # asynctype: ignore[unresolved-reference]


def plain():
    await fetch(1)
"""
main_py = write("app/main.py", "# the disk version has no bugs\n")

s = Server(binary, cwd=tmp)
s.initialize(proj)
s.open(main_py, MAIN, version=7)
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(main_py))
check(d["version"] == 7, s, "publish carries the document version")
diags = d["diagnostics"]
codes = [x["code"] for x in diags]
check(codes == ["unused-coroutine", "unused-coroutine", "unused-coroutine", "unused-coroutine", "invalid-syntax"],
      s, "diagnostics: %r" % diags)
for x in diags:
    check(x["source"] == "asynctype", s, "source")
check([x["severity"] for x in diags] == [1, 1, 1, 1, 1], s, "severities: %r" % diags)
check(diags[0]["range"] == {"start": pos(5, 4), "end": pos(5, 12)}, s, "range of fetch(1): %r" % diags[0]["range"])
# After the emoji (2 UTF-16 units) and é (1): `    s = "` 9 + 2 + 1 + `"; ` 3 = 15.
check(diags[3]["range"]["start"] == pos(11, 15), s, "UTF-16 column after non-BMP text: %r" % diags[3]["range"])
check(diags[3]["range"]["end"] == pos(11, 23), s, "UTF-16 end column: %r" % diags[3]["range"])
check("outside of an asynchronous function" in diags[4]["message"], s, "await outside async message")

# Pull diagnostics: the same, as a full report.
r = s.result("textDocument/diagnostic", {"textDocument": {"uri": uri(main_py)}})
check(r["kind"] == "full" and r["items"] == diags, s, "pull report equals the pushed one: %r" % r)

# ---- Hover
def hover(line, character, doc=main_py):
    return s.result("textDocument/hover", {"textDocument": {"uri": uri(doc)}, "position": pos(line, character)})

h = hover(6, 13)  # the `(` of fetch(2)
check(h is not None and h["contents"]["kind"] == "markdown", s, "hover on a call: %r" % h)
check(h["contents"]["value"].startswith("```python\nCoroutineType[Any, Any, int]\n```"), s, "call type: %r" % h)
check("awaits to `int`" in h["contents"]["value"], s, "awaits to: %r" % h)
check(h["range"] == {"start": pos(6, 8), "end": pos(6, 16)}, s, "hover range: %r" % h)
h = hover(7, 4)  # y
check(h["contents"]["value"] == "```python\nint\n```", s, "hover on y: %r" % h)
h = hover(6, 5)  # x (the target)
check("CoroutineType[Any, Any, int]" in h["contents"]["value"], s, "hover on x: %r" % h)
h = hover(9, 7)  # c.get: the bound method
check("get" in h["contents"]["value"], s, "hover on c.get: %r" % h)
h = hover(9, 10)  # the call c.get()
check("awaits to `str`" in h["contents"]["value"], s, "hover on c.get(): %r" % h)
h = hover(11, 10)  # in the middle of the emoji's surrogate pair: clamped, still the string
check(h is not None and "Literal" in h["contents"]["value"], s, "hover in a string with non-BMP text: %r" % h)
h = hover(3, 0)  # a blank line
check(h is None, s, "hover on nothing: %r" % h)

# ---- Definition
def definition(line, character, doc=main_py):
    return s.result("textDocument/definition", {"textDocument": {"uri": uri(doc)}, "position": pos(line, character)})

loc = definition(5, 6)  # fetch -> app/util.py `fetch`
check(loc == [{"uri": uri(util_py), "range": {"start": pos(0, 10), "end": pos(0, 15)}}], s, "definition of fetch: %r" % loc)
loc = definition(7, 14)  # x -> its assignment in this file
check(loc == [{"uri": uri(main_py), "range": {"start": pos(6, 4), "end": pos(6, 5)}}], s, "definition of x: %r" % loc)
loc = definition(0, 10)  # `app.util` in the from-import: the module
check(loc == [{"uri": uri(util_py), "range": {"start": pos(0, 0), "end": pos(0, 0)}}], s, "module definition: %r" % loc)
loc = definition(1, 17)  # `util` imported from the package: the module file
check(loc is not None and loc[0]["uri"] == uri(util_py), s, "imported submodule: %r" % loc)
loc = definition(9, 7)  # c.get -> Client.get
check(loc == [{"uri": uri(util_py), "range": {"start": pos(5, 14), "end": pos(5, 17)}}], s, "attribute definition: %r" % loc)
loc = definition(10, 10)  # util.fetch -> fetch
check(loc == [{"uri": uri(util_py), "range": {"start": pos(0, 10), "end": pos(0, 15)}}], s, "module attribute: %r" % loc)
loc = definition(8, 9)  # Client()
check(loc == [{"uri": uri(util_py), "range": {"start": pos(4, 6), "end": pos(4, 12)}}], s, "class definition: %r" % loc)
loc = definition(3, 0)
check(loc is None, s, "definition of nothing: %r" % loc)

# ---- Code actions
def actions(diagnostic):
    return s.result("textDocument/codeAction", {"textDocument": {"uri": uri(main_py)}, "range": diagnostic["range"],
                                                "context": {"diagnostics": [diagnostic]}})

acts = actions(diags[0])
titles = [a["title"] for a in acts]
check(titles == ["Add `await`", "Ignore `unused-coroutine` on this line"], s, "actions: %r" % titles)
add = acts[0]
check(add["kind"] == "quickfix" and add["diagnostics"] == [diags[0]], s, "quickfix kind")
check(add["edit"]["changes"][uri(main_py)] == [{"range": {"start": pos(5, 4), "end": pos(5, 4)}, "newText": "await "}],
      s, "add await edit: %r" % add)
ign = acts[1]["edit"]["changes"][uri(main_py)]
check(ign == [{"range": {"start": pos(5, 12), "end": pos(5, 12)}, "newText": "  # asynctype: ignore[unused-coroutine]"}],
      s, "ignore edit: %r" % ign)
acts = actions(diags[4])
check([a["title"] for a in acts] == ["Make the enclosing function `async`"], s, "await outside async: %r" % acts)
check(acts[0]["edit"]["changes"][uri(main_py)] == [{"range": {"start": pos(15, 0), "end": pos(15, 0)}, "newText": "async "}],
      s, "make async edit: %r" % acts)
# No context diagnostics: the server's own diagnostics in the range.
acts = s.result("textDocument/codeAction", {"textDocument": {"uri": uri(main_py)},
                                            "range": {"start": pos(9, 4), "end": pos(9, 4)}, "context": {"diagnostics": []}})
check([a["title"] for a in acts] == ["Add `await`", "Ignore `unused-coroutine` on this line"], s, "actions from range: %r" % acts)
acts = s.result("textDocument/codeAction", {"textDocument": {"uri": uri(main_py)}, "range": diags[0]["range"],
                                            "context": {"diagnostics": [diags[0]], "only": ["refactor"]}})
check(acts == [], s, "only refactor: no quick fixes")

# Apply "Add `await`" and "Make async" as the editor would (incremental changes).
s.notify("textDocument/didChange", {"textDocument": {"uri": uri(main_py), "version": 8}, "contentChanges": [
    {"range": {"start": pos(15, 0), "end": pos(15, 0)}, "text": "async "},
    {"range": {"start": pos(5, 4), "end": pos(5, 4)}, "text": "await "},
    # replace `fetch(5)` after the emoji (UTF-16 columns 15..23) with `await fetch(5)`
    {"range": {"start": pos(11, 15), "end": pos(11, 23)}, "text": "await fetch(5)"},
]})
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["version"] == 8)
codes = [(x["code"], x["range"]["start"]["line"]) for x in d["diagnostics"]]
check(codes == [("unused-coroutine", 9), ("unused-coroutine", 10)], s, "after the fixes: %r" % d["diagnostics"])
h = hover(11, 30)  # in `fetch(5)` after the edit: the line text is right
check(h is not None and "awaits to `int`" in h["contents"]["value"], s, "hover after edit (the `)` of fetch(5)): %r" % h)

# Ignore on a line that already has an ignore comment: the rule joins the list.
s.notify("textDocument/didChange", {"textDocument": {"uri": uri(main_py), "version": 9}, "contentChanges": [
    {"range": {"start": pos(9, 11), "end": pos(9, 11)}, "text": "  # asynctype: ignore[invalid-await]"}]})
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["version"] == 9)
ua = [x for x in d["diagnostics"] if x["code"] == "unused-coroutine" and x["range"]["start"]["line"] == 9][0]
acts = actions(ua)
ign = acts[1]["edit"]["changes"][uri(main_py)][0]
check(ign["newText"] == ", unused-coroutine" and ign["range"]["start"] == pos(9, 46), s, "join ignore list: %r" % ign)

# ---- Inlay hints
hints = s.result("textDocument/inlayHint", {"textDocument": {"uri": uri(main_py)},
                                            "range": {"start": pos(0, 0), "end": pos(12, 0)}})
labels = [(h["position"]["line"], h["position"]["character"], h["label"]) for h in hints]
check((6, 5, ": CoroutineType[Any, Any, int]") in labels, s, "hint for x: %r" % labels)
check((7, 5, ": int") in labels, s, "hint for y: %r" % labels)
check((8, 5, ": Client") in labels, s, "hint for c: %r" % labels)
hints = s.result("textDocument/inlayHint", {"textDocument": {"uri": uri(main_py)},
                                            "range": {"start": pos(7, 0), "end": pos(7, 20)}})
check([h["label"] for h in hints] == [": int"], s, "hints limited to the range: %r" % hints)

# ---- Open documents override the disk across files: an unsaved rename in util.py.
s.open(util_py, "async def fetch_renamed(n: int) -> int:\n    return n\n\nclass Client:\n    pass\n", version=1)
s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(util_py))
r = s.result("textDocument/diagnostic", {"textDocument": {"uri": uri(main_py)}})
check(any(x["code"] == "unresolved-import" and "fetch" in x["message"] for x in r["items"]), s,
      "main.py sees the unsaved util.py: %r" % r)
s.notify("textDocument/didClose", {"textDocument": {"uri": uri(util_py)}})
s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(util_py) and p["diagnostics"] == [])
r = s.result("textDocument/diagnostic", {"textDocument": {"uri": uri(main_py)}})
check(not any(x["code"] == "unresolved-import" for x in r["items"]), s, "closed: the disk again: %r" % r)

# ---- didChangeWatchedFiles: util.py changes on disk -> main.py is re-checked and re-published.
s.drain_notifications("textDocument/publishDiagnostics")
write("app/util.py", "def fetch(n: int) -> int:\n    return n\n\n\nclass Client:\n    def get(self) -> str:\n        return ''\n")
s.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri(util_py), "type": 2}]})
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(main_py))
check(d["version"] == 9, s, "version kept")
check(not any(x["code"] == "unused-coroutine" for x in d["diagnostics"]), s, "re-checked after the disk change: %r" % d)
check(any(x["code"] == "invalid-await" for x in d["diagnostics"]), s, "awaiting a sync call now: %r" % d)

# ---- didSave also re-checks (the configuration may have changed).
write("asynctype.toml", '[rules]\ninvalid-await = "warn"\n')
s.notify("textDocument/didSave", {"textDocument": {"uri": uri(main_py)}})
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(main_py))
check(all(x["severity"] == 2 for x in d["diagnostics"] if x["code"] == "invalid-await"), s,
      "rule levels from asynctype.toml: %r" % d)

# A broken configuration: logged, defaults used, diagnostics still published.
write("asynctype.toml", "[rules\n")
s.notify("textDocument/didSave", {"textDocument": {"uri": uri(main_py)}})
log = s.wait_notification("window/logMessage", lambda p: "asynctype.toml" in p["message"])
d = s.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri(main_py))
check(any(x["code"] == "invalid-await" and x["severity"] == 1 for x in d["diagnostics"]), s, "defaults: %r" % d)

s.result("shutdown")
s.notify("exit")
check(s.proc.wait(timeout=10) == 0, s, "exit code")

# ---- A client with pull diagnostics: nothing is pushed; the pull report works; refresh request
# after watched-file changes when the client supports it.
write("asynctype.toml", "")
s = Server(binary, cwd=tmp)
s.initialize(proj, capabilities={"textDocument": {"diagnostic": {"dynamicRegistration": False}},
                                 "workspace": {"diagnostics": {"refreshSupport": True}}})
s.open(main_py, "import asyncio\nasyncio.sleep(1)\n")
r = s.result("textDocument/diagnostic", {"textDocument": {"uri": uri(main_py)}})
check([x["code"] for x in r["items"]] == ["unused-coroutine"], s, "pull report: %r" % r)
check(s.drain_notifications("textDocument/publishDiagnostics") == [], s, "pull clients get no pushes")
s.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri(util_py), "type": 2}]})
s.send({"jsonrpc": "2.0", "id": "probe", "method": "shutdown"})
refresh = None
for _ in range(5):
    m = s._next()
    if m.get("method") == "workspace/diagnostic/refresh":
        refresh = m
        s.send({"jsonrpc": "2.0", "id": m["id"], "result": None})  # the client's answer is accepted
    if m.get("id") == "probe":
        break
check(refresh is not None, s, "workspace/diagnostic/refresh after watched files changed")
s.notify("exit")
check(s.proc.wait(timeout=10) == 0, s, "exit code (pull session)")

print("lsp_features: OK")
