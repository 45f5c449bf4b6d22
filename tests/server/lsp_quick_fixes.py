"""LSP transcript test: the quick fixes of the async rules — "Keep a reference to the task" for a
dropped `asyncio.create_task(...)` (unused-task), "Wrap in `asyncio.to_thread`" for a call that
blocks the event loop (blocking-call), and "Add `await`" for a coroutine tested for truth or
formatted as text (truthy-coroutine, formatted-coroutine). Each fix is applied as an editor would, and the result is
checked again: the diagnostic is gone and nothing new appears.
Usage: lsp_quick_fixes.py ASYNCTYPE"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Server, check, uri  # noqa: E402

binary = sys.argv[1]
tmp = tempfile.mkdtemp()
proj = os.path.join(tmp, "proj")
os.makedirs(proj)


def offset(text, position):
    lines = text.split("\n")
    return sum(len(line) + 1 for line in lines[:position["line"]]) + position["character"]


def apply(text, edits):
    """Applies LSP text edits (ASCII text: UTF-16 columns are bytes), last first; edits at one
    position keep their order."""
    spans = [(offset(text, e["range"]["start"]), offset(text, e["range"]["end"]), i, e["newText"])
             for i, e in enumerate(edits)]
    for start, end, _, new in sorted(spans, key=lambda s: (s[0], s[2]), reverse=True):
        text = text[:start] + new + text[end:]
    return text


def diagnostics_of(server, path, text, version):
    server.open(path, text, version=version)
    return server.wait_notification("textDocument/publishDiagnostics",
                                    lambda p: p["uri"] == uri(path) and p.get("version") == version)["diagnostics"]


def fix(server, path, text, diagnostic, title):
    acts = server.result("textDocument/codeAction", {"textDocument": {"uri": uri(path)}, "range": diagnostic["range"],
                                                     "context": {"diagnostics": [diagnostic]}})
    chosen = [a for a in acts if a["title"] == title]
    check(len(chosen) == 1, server, "%s offered: %r" % (title, [a["title"] for a in acts]))
    check(chosen[0].get("isPreferred") is True, server, "%s is preferred" % title)
    return apply(text, chosen[0]["edit"]["changes"][uri(path)])


def check_clean(server, text, why):
    path = os.path.join(proj, "fixed.py")
    with open(path, "w") as f:
        f.write(text)
    r = subprocess.run([binary, "check", path, "--output-format", "concise", "--color", "never"],
                       capture_output=True, text=True)
    check(r.returncode == 0, server, "%s: the fixed code checks clean:\n%s\n%s" % (why, text, r.stdout))


s = Server(binary, cwd=tmp)
s.initialize(proj)

# --- Keep a reference to the task: no asyncio import yet (only `from asyncio import ...`), a
# docstring and a `from __future__` import first, and a name `task` already used in the function.
TASKS = '''\
"""Workers."""
from __future__ import annotations

from asyncio import create_task, sleep


async def work() -> None:
    await sleep(1)


async def main() -> None:
    task = 1
    create_task(work())  # fire and forget
    print(task)
'''
tasks_py = os.path.join(proj, "tasks.py")
diags = diagnostics_of(s, tasks_py, TASKS, 1)
check([d["code"] for d in diags] == ["unused-task"], s, "unused-task found: %r" % diags)
fixed = fix(s, tasks_py, TASKS, diags[0], "Keep a reference to the task")
EXPECTED = '''\
"""Workers."""
from __future__ import annotations

import asyncio
from asyncio import create_task, sleep

_background_tasks: set[asyncio.Task[object]] = set()


async def work() -> None:
    await sleep(1)


async def main() -> None:
    task = 1
    task_1 = create_task(work())  # fire and forget
    _background_tasks.add(task_1)
    task_1.add_done_callback(_background_tasks.discard)
    print(task)
'''
check(fixed == EXPECTED, s, "keep-reference edit:\n%s" % fixed)
check_clean(s, fixed, "keep a reference")

# A second dropped task in a module that has the set and imports asyncio under another name:
# the set is reused, nothing is imported.
AGAIN = '''\
import asyncio as aio

_background_tasks: set[aio.Task[object]] = set()


async def tick() -> None:
    await aio.sleep(0)


async def main() -> None:
    aio.create_task(tick())
'''
again_py = os.path.join(proj, "again.py")
diags = diagnostics_of(s, again_py, AGAIN, 1)
check([d["code"] for d in diags] == ["unused-task"], s, "unused-task found again: %r" % diags)
fixed = fix(s, again_py, AGAIN, diags[0], "Keep a reference to the task")
check(fixed == AGAIN.replace("    aio.create_task(tick())\n",
                             "    task = aio.create_task(tick())\n    _background_tasks.add(task)\n"
                             "    task.add_done_callback(_background_tasks.discard)\n"),
      s, "keep-reference edit reusing the set:\n%s" % fixed)
check_clean(s, fixed, "keep a reference, set reused")

# --- Wrap in asyncio.to_thread: a statement, a value, an operand (parenthesized), a method call
# with keyword arguments, and a call without arguments.
BLOCKING = '''\
import time
import subprocess


def load() -> str:
    return "x"


async def handler(path: str) -> int:
    time.sleep(0.5)
    out = subprocess.run(["ls"], check=True)
    size = len(open(path).read())
    text = load_blocking()
    return size + len(text) + out.returncode


def load_blocking() -> str:
    with open("/etc/hostname") as f:
        return f.read()
'''
blocking_py = os.path.join(proj, "blocking.py")
diags = diagnostics_of(s, blocking_py, BLOCKING, 1)
codes = [d["code"] for d in diags]
check(codes and all(c == "blocking-call" for c in codes), s, "blocking calls found: %r" % diags)
text = BLOCKING
version = 1
# Fix the diagnostics one at a time, re-reading them after each edit (ranges move).
for _ in range(len(diags)):
    diags = [d for d in diagnostics_of(s, blocking_py, text, version) if d["code"] == "blocking-call"]
    if not diags:
        break
    text = fix(s, blocking_py, text, diags[0], "Wrap in `asyncio.to_thread`")
    version += 1
check("import asyncio\nimport time\n" in text, s, "asyncio imported first:\n%s" % text)
check("    await asyncio.to_thread(time.sleep, 0.5)\n" in text, s, "statement wrapped:\n%s" % text)
check('    out = await asyncio.to_thread(subprocess.run, ["ls"], check=True)\n' in text, s,
      "value with keywords wrapped:\n%s" % text)
check("    text = await asyncio.to_thread(load_blocking)\n" in text, s, "helper without arguments wrapped:\n%s" % text)
check_clean(s, text, "wrap in to_thread")

# --- Add `await` to a coroutine tested for truth or formatted as text (inside an `async def` only).
VALUES = '''\
async def fetch() -> int:
    return 1


async def main() -> None:
    if fetch():
        print(f"got {fetch()}")


def plain() -> None:
    if fetch():
        pass
'''
values_py = os.path.join(proj, "values.py")
diags = diagnostics_of(s, values_py, VALUES, 1)
check([d["code"] for d in diags] == ["truthy-coroutine", "formatted-coroutine", "truthy-coroutine"], s,
      "coroutine values found: %r" % diags)
acts = s.result("textDocument/codeAction", {"textDocument": {"uri": uri(values_py)}, "range": diags[2]["range"],
                                            "context": {"diagnostics": [diags[2]]}})
check("Add `await`" not in [a["title"] for a in acts], s, "no await offered in a plain def: %r" % acts)
text = fix(s, values_py, VALUES, diags[0], "Add `await`")
text = fix(s, values_py, text, diagnostics_of(s, values_py, text, 2)[0], "Add `await`")
check("    if await fetch():\n        print(f\"got {await fetch()}\")\n" in text, s, "awaits added:\n%s" % text)

s.close_and_wait()
print("ok")
