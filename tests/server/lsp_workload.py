"""Editor workloads for `asynctype server`, shared by bench/lsp_latency.py and the soak test
(tests/server/lsp_soak.py): a generated async module with edit and hover sites, the edit and
hover sites of a real file (sites_of), and a paced flood of edits whose publishes are timed as
they arrive."""
import ast
import os
import re
import time

from lsp_client import pos

UNIT_LINES = 25  # lines per generated unit (a class and two coroutines)


def generate(lines):
    """An async module of about `lines` lines; returns (text, edit_sites, hover_sites) where an
    edit site is (line, column) just before a digit of an integer literal in a function body and
    a hover site is (line, column) on an expression."""
    out = ["import asyncio", "from typing import Optional", "", ""]
    edit_sites, hover_sites = [], []

    def add(text, edits=(), hovers=()):
        line = len(out)
        for needle, off in edits:
            edit_sites.append((line, text.index(needle) + off))
        for needle, off in hovers:
            hover_sites.append((line, text.index(needle) + off))
        out.append(text)

    i = 0
    while len(out) + UNIT_LINES <= lines:
        prev = "fetch_%d" % (i - 1) if i else "asyncio.sleep"
        prev_call = "%s(n)" % prev if i else "asyncio.sleep(0, result=n)"
        add("class Record%d:" % i)
        add("    def __init__(self, value: int) -> None:")
        add("        self.value = value + %d" % (i % 97 + 1), edits=[("+ ", 2)], hovers=[("value +", 2)])
        add("")
        add("    async def load(self, scale: int) -> Optional[int]:")
        add("        await asyncio.sleep(0)", hovers=[("asyncio.sleep", 3), ("sleep(0)", 5), ("await", 1)])
        add("        if scale > %d:" % (i % 13 + 2), edits=[("> ", 2)], hovers=[("scale", 1)])
        add("            return None")
        add("        return self.value * scale", hovers=[("self.value", 6), ("scale", 2)])
        add("")
        add("")
        add("async def fetch_%d(n: int) -> int:" % i, hovers=[("fetch_", 2)])
        add("    x = n + %d" % (i % 89 + 3), edits=[("+ ", 2)], hovers=[("x =", 0), ("n +", 0)])
        add("    y = await %s" % prev_call, hovers=[("y =", 0), (prev.split(".")[-1], 1), ("(", 0)])
        add("    rec = Record%d(x)" % i, hovers=[("rec", 1), ("Record", 2)])
        add("    loaded = await rec.load(%d)" % (i % 7 + 1), edits=[("load(", 5)],
            hovers=[("loaded", 2), ("rec.load", 5), ("(", 0)])
        add("    total = x + y + (loaded or 0)", hovers=[("total", 1), ("loaded or", 1)])
        add("    return total")
        add("")
        add("")
        add("async def gather_%d() -> list[int]:" % i)
        add("    tasks = [asyncio.create_task(fetch_%d(k)) for k in range(%d)]" % (i, i % 5 + 2),
            edits=[("range(", 6)], hovers=[("tasks", 1), ("create_task", 3), ("fetch_", 2)])
        add("    done = await asyncio.gather(*tasks)", hovers=[("done", 1), ("gather(", 6), ("gather", 2)])
        if i % 20 == 19:  # a few bugs, so that the diagnostics are not empty
            add("    fetch_%d(1)" % i, hovers=[("fetch_", 1)])
        else:
            add("    await fetch_%d(1)" % i)
        add("    return list(done)", hovers=[("done", 1)])
        add("")
        add("")
        i += 1
    while len(out) < lines:
        out.append("# padding")
    return "\n".join(out) + "\n", edit_sites, hover_sites


def _utf16_column(line_bytes, byte_col):
    """The UTF-16 column of a UTF-8 byte offset in one line (ast counts bytes, LSP UTF-16 units)."""
    return len(line_bytes[:byte_col].decode("utf-8", "replace").encode("utf-16-le")) // 2


def sites_of(text):
    """The edit and hover sites of a real Python file, as generate() returns them: an edit site is
    (line, column) just before the first digit of a decimal integer literal inside a function
    body (inserting a digit there and deleting it again keeps the text valid), or, when there
    are few of those, just after the opening quote of a plain one-line string literal in a
    function body; a hover site is the start of a name, of an attribute's member name or of an
    `await` anywhere in the file. Returns (edit_sites, hover_sites), each sorted."""
    tree = ast.parse(text)
    lines = text.encode("utf-8").split(b"\n")

    def site(lineno, byte_col):
        return (lineno - 1, _utf16_column(lines[lineno - 1], byte_col))

    def segment(node):
        if node.lineno != node.end_lineno:
            return None
        return lines[node.lineno - 1][node.col_offset:node.end_col_offset].decode("utf-8", "replace")

    ints, strings = set(), set()
    for fn in ast.walk(tree):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for stmt in fn.body:
            for node in ast.walk(stmt):
                if not isinstance(node, ast.Constant) or isinstance(node.value, bool):
                    continue
                seg = segment(node)
                if seg is None:
                    continue
                if isinstance(node.value, int) and re.fullmatch(r"[0-9][0-9_]*", seg):
                    ints.add(site(node.lineno, node.col_offset))
                elif isinstance(node.value, str) and re.fullmatch(r"(\"[^\"\\]*\"|'[^'\\]*')", seg):
                    strings.add(site(node.lineno, node.col_offset + 1))
    edits = sorted(ints | strings) if len(ints) < 20 else sorted(ints)
    hovers = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Name, ast.Await)):
            hovers.add(site(node.lineno, node.col_offset))
        elif isinstance(node, ast.Attribute) and node.end_lineno is not None and segment(node) is not None:
            hovers.add(site(node.end_lineno, node.end_col_offset - len(node.attr.encode("utf-8"))))
    return edits, sorted(hovers)


class Editor:
    """Edits that keep the text valid and its sites in place: alternately insert a digit at a
    random edit site and delete it again."""

    def __init__(self, edit_sites, rng):
        self.sites = edit_sites
        self.rng = rng
        self.pending_delete = None

    def next_change(self):
        if self.pending_delete is None:
            line, col = self.rng.choice(self.sites)
            self.pending_delete = (line, col)
            return {"range": {"start": pos(line, col), "end": pos(line, col)}, "text": "7"}
        line, col = self.pending_delete
        self.pending_delete = None
        return {"range": {"start": pos(line, col), "end": pos(line, col + 1)}, "text": ""}


def cpu_seconds(pid):
    """The CPU time (user + system) the process has used so far, in seconds, or None once it is
    gone. Unlike wall time, it hardly depends on what else the machine is doing."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def rss_kb(pid):
    """The process's resident set size (VmRSS) in KiB, or None once it is gone."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def flood(s, u, editor, rate, count, version, on_tick=None):
    """Sends `count` didChange notifications to the open document `u`, paced at `rate` per
    second, starting after `version`; then waits for the publish of the last version. `s` must
    be a Server created with stamp=True. Calls on_tick(k) after the k-th edit when given.
    Returns (sent, publishes, last): sent[k] = (version, time sent); publishes = [(version, time
    received)] of `u`, in arrival order (perf_counter times); last = the last version's publish."""
    s.drain_notifications("textDocument/publishDiagnostics")
    s.pending = []
    sent = []
    t0 = time.perf_counter()
    for k in range(count):
        due = t0 + k / rate
        delay = due - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
        version += 1
        s.notify("textDocument/didChange", {"textDocument": {"uri": u, "version": version},
                                            "contentChanges": [editor.next_change()]})
        sent.append((version, time.perf_counter()))
        if on_tick:
            on_tick(k)
        if k % 50 == 49:  # keep the client's queue short
            s.drain_notifications("none")
    last = s.wait_notification("textDocument/publishDiagnostics",
                               lambda p: p["uri"] == u and p.get("version") == version, timeout=60)
    publishes = [(p.get("version"), p["_received"]) for p in s.drain_notifications("textDocument/publishDiagnostics")
                 if p["uri"] == u]
    # wait_notification consumed the last one; it arrived after every other publish of `u`.
    publishes.append((last.get("version"), last["_received"]))
    publishes.sort(key=lambda vp: vp[1])
    return sent, publishes, last


def flood_metrics(sent, publishes, first=0, last=None):
    """Latency and progress of a flood, over the edits sent[first:last]:
    - latency_ms: for each edit, the time until a publish of its version or a newer one arrives;
    - gaps_ms: the intervals between consecutive publishes from the first of these edits to the
      publish answering the last one (the first interval starts at the first edit);
    - monotonic: whether published versions never went down."""
    last = len(sent) if last is None else last
    window = sent[first:last]
    latency = []
    j = 0
    for version, t in window:
        while j < len(publishes) and (publishes[j][0] < version or publishes[j][1] < t):
            j += 1
        if j == len(publishes):
            latency.append(float("inf"))
        else:
            latency.append((publishes[j][1] - t) * 1000)
    start = window[0][1]
    end = window[-1][1] + latency[-1] / 1000 if latency[-1] != float("inf") else publishes[-1][1]
    times = [start] + [t for _, t in publishes if start < t <= end]
    gaps = [(b - a) * 1000 for a, b in zip(times, times[1:])]
    versions = [v for v, _ in publishes]
    return {"latency_ms": latency, "gaps_ms": gaps, "publishes": len(times) - 1,
            "monotonic": all(a <= b for a, b in zip(versions, versions[1:]))}


def env_is_sanitized():
    """Whether the tests run under the sanitizers (scripts/test-sanitizers.sh sets ASAN_OPTIONS)."""
    return "ASAN_OPTIONS" in os.environ
