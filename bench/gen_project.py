#!/usr/bin/env python3
"""Generate a large, deterministic async Python project for benchmarking.

Usage:
    python3 bench/gen_project.py OUTDIR [--modules 400] [--packages 20] [--seed 1]

Writes OUTDIR/pNN/__init__.py and OUTDIR/pNN/mKKK.py (module KKK lives in
package KKK // (modules / packages)), plus OUTDIR/main.py.  OUTDIR is the
import root: modules import each other as `from p03 import m061 as dep_061`.

Every module imports 2-4 lower-numbered modules (an acyclic graph) and about
one module in 40 also imports a higher-numbered one, which closes a few
import cycles.  Each module defines:
  - a dataclass record and a generic container,
  - an async context manager class (`__aenter__`/`__aexit__`),
  - an async iterator class (`__aiter__`/`__anext__`) and an async generator,
  - a generic queue worker driven by `asyncio.Queue`,
  - a service class using `asyncio.Lock`, `async with`, `async for`,
    `asyncio.gather` (homogeneous `*args` and heterogeneous tuples),
    `asyncio.create_task`, `asyncio.wait_for`, `asyncio.Semaphore`,
  - a few extra helper coroutines (their number varies with the seed),
  - `compute_KKK(depth)`, which awaits the dependencies' `compute_*`.
Everything is annotated and meant to type-check cleanly; the program also
runs (`python3 OUTDIR/main.py`) since the recursion depth is bounded.

The output depends only on the arguments (a seeded random.Random), so two
runs with the same arguments write byte-identical trees.
"""

import argparse
import os
import random
import sys
from typing import Dict, List


def module_name(k: int, per_package: int) -> str:
    return f"p{k // per_package:02d}.m{k:03d}"


def plan_imports(modules: int, rng: random.Random) -> Dict[int, List[int]]:
    deps: Dict[int, List[int]] = {}
    for k in range(modules):
        chosen: List[int] = []
        if k > 0:
            count = min(k, rng.randint(2, 4))
            # Mostly near neighbours (same or previous package), sometimes far back.
            pool = list(range(max(0, k - 30), k))
            far = list(range(0, max(0, k - 30)))
            for _ in range(count):
                src = far if (far and rng.random() < 0.3) else pool
                cand = rng.choice(src)
                if cand not in chosen:
                    chosen.append(cand)
        deps[k] = sorted(chosen)
    # A few back edges (k -> j with j > k) close import cycles.
    cycles: Dict[int, List[int]] = {}
    for k in range(0, modules - 1, 40):
        j = min(modules - 1, k + rng.randint(1, 12))
        if j != k:
            cycles.setdefault(k, []).append(j)
    for k, later in cycles.items():
        for j in later:
            if j not in deps[k]:
                deps[k].append(j)
    return deps


HEADER = '''\
"""Generated module {name} (asynctype benchmark project, seed {seed})."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

{imports}

T = TypeVar("T")
K = TypeVar("K")


'''

BODY = '''\
@dataclass
class Record{k}:
    key: str
    value: int
    tags: list[str] = field(default_factory=list)

    def score(self) -> float:
        return self.value * {factor} + len(self.tags)

    def tagged(self, tag: str) -> Record{k}:
        return Record{k}(self.key, self.value, [*self.tags, tag])


class Box{k}(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item

    async def aget(self) -> T:
        await asyncio.sleep(0)
        return self.item

    def map(self, fn: Callable[[T], K]) -> Box{k}[K]:
        return Box{k}(fn(self.item))


class Resource{k}:
    """An async context manager."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.opened = False
        self.uses = 0

    async def __aenter__(self) -> Resource{k}:
        await asyncio.sleep(0)
        self.opened = True
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        self.opened = False

    async def fetch(self, key: str) -> Record{k}:
        self.uses += 1
        await asyncio.sleep(0)
        return Record{k}(key, len(key) + {mod})


class Stream{k}:
    """An async iterator."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.current = 0

    def __aiter__(self) -> Stream{k}:
        return self

    async def __anext__(self) -> int:
        if self.current >= self.limit:
            raise StopAsyncIteration
        self.current += 1
        await asyncio.sleep(0)
        return self.current


async def produce{k}(count: int) -> AsyncIterator[Record{k}]:
    for i in range(count):
        await asyncio.sleep(0)
        yield Record{k}(f"r{{i}}", i * {step})


class Worker{k}(Generic[T]):
    """Drains a queue, handing each item to an async handler."""

    def __init__(self, queue: asyncio.Queue[T], handler: Callable[[T], Awaitable[int]]) -> None:
        self.queue = queue
        self.handler = handler
        self.processed = 0

    async def run(self) -> int:
        total = 0
        while not self.queue.empty():
            item = await self.queue.get()
            try:
                total += await self.handler(item)
                self.processed += 1
            finally:
                self.queue.task_done()
        return total


class Service{k}:
    def __init__(self, width: int = {width}) -> None:
        self.cache: dict[str, Record{k}] = {{}}
        self.lock = asyncio.Lock()
        self.semaphore = asyncio.Semaphore(width)
        self.events: list[str] = []

    async def load(self, key: str) -> Record{k}:
        async with self.lock:
            cached = self.cache.get(key)
            if cached is not None:
                return cached
        async with self.semaphore:
            async with Resource{k}(key) as resource:
                record = await resource.fetch(key)
        self.cache[key] = record
        self.events.append(f"load:{{key}}")
        return record

    async def load_many(self, keys: list[str]) -> list[Record{k}]:
        return await asyncio.gather(*(self.load(key) for key in keys))

    async def stream_total(self, limit: int) -> int:
        total = 0
        async for value in Stream{k}(limit):
            total += value
        async for record in produce{k}(limit):
            total += record.value
        return total

    async def handle(self, item: int) -> int:
        await asyncio.sleep(0)
        return item * {step}

    async def pipeline(self, items: list[int]) -> int:
        queue: asyncio.Queue[int] = asyncio.Queue()
        for item in items:
            queue.put_nowait(item)
        worker = Worker{k}(queue, self.handle)
        task = asyncio.create_task(worker.run())
        return await task

    async def bounded(self, key: str, timeout: float = 1.0) -> Record{k} | None:
        try:
            return await asyncio.wait_for(self.load(key), timeout)
        except asyncio.TimeoutError:
            return None

    async def summary(self) -> tuple[int, float, str]:
        records, streamed = await asyncio.gather(self.load_many(["a", "bb", "ccc"]), self.stream_total(3))
        best = max((r.score() for r in records), default=0.0)
        box: Box{k}[int] = Box{k}(streamed)
        label = await box.map(str).aget()
        return len(records), best, label


'''

HELPER = '''\
async def helper{k}_{i}(service: Service{k}, values: list[int]) -> int:
    tasks: list[asyncio.Task[int]] = [asyncio.create_task(service.handle(v)) for v in values]
    done = await asyncio.gather(*tasks)
    total = sum(done)
    record = await service.load("h{i}")
    if record.value > {threshold}:
        total += record.value
    event = asyncio.Event()
    event.set()
    await event.wait()
    return total


'''

COMPUTE_HEAD = '''\
async def compute{k}(depth: int) -> int:
    """Awaits the dependencies' compute functions while depth > 0."""
    service = Service{k}()
    count, best, label = await service.summary()
    total = count + int(best) + len(label)
    total += await service.pipeline(list(range({items})))
'''

COMPUTE_HELPER = '''\
    total += await helper{k}_{i}(service, [{a}, {b}])
'''

COMPUTE_DEPS = '''\
    if depth > 0:
        results = await asyncio.gather({calls})
        total += sum(results)
'''

COMPUTE_TAIL = '''\
    return total


async def main{k}() -> None:
    print(await compute{k}(1))


if __name__ == "__main__":
    asyncio.run(main{k}())
'''


def render_module(k: int, deps: List[int], per_package: int, seed: int, rng: random.Random) -> str:
    name = module_name(k, per_package)
    imports = []
    for j in deps:
        imports.append(f"from p{j // per_package:02d} import m{j:03d} as dep{j:03d}")
    text = HEADER.format(name=name, seed=seed, imports="\n".join(imports) if imports else "# (no project imports)")
    kk = f"{k:03d}"
    text += BODY.format(k=kk, mod=k % 7, factor=rng.choice(["1.5", "2.0", "0.75"]), step=rng.randint(1, 9),
                        width=rng.randint(2, 8))
    helpers = rng.randint(1, 5)
    for i in range(helpers):
        text += HELPER.format(k=kk, i=i, threshold=rng.randint(1, 20))
    text += COMPUTE_HEAD.format(k=kk, items=rng.randint(2, 6))
    for i in range(helpers):
        text += COMPUTE_HELPER.format(k=kk, i=i, a=rng.randint(0, 9), b=rng.randint(0, 9))
    # Only the acyclic (lower-numbered) dependencies are awaited at run time, which
    # keeps the recursion finite; cyclic imports are used in a type position only.
    back = [j for j in deps if j < k]
    later = [j for j in deps if j > k]
    if back:
        calls = ", ".join(f"dep{j:03d}.compute{j:03d}(depth - 1)" for j in back)
        text += COMPUTE_DEPS.format(calls=calls)
    for j in later:
        text += (f"    peer: dep{j:03d}.Service{j:03d} | None = None\n"
                 f"    if peer is not None:\n"
                 f"        total += len(await peer.load_many([\"x\"]))\n")
    text += COMPUTE_TAIL.format(k=kk)
    return text


def generate(outdir: str, modules: int = 400, packages: int = 20, seed: int = 1) -> Dict[str, int]:
    if modules < 1 or packages < 1 or packages > modules:
        raise ValueError("need 1 <= packages <= modules")
    per_package = -(-modules // packages)
    rng = random.Random(seed)
    deps = plan_imports(modules, rng)
    os.makedirs(outdir, exist_ok=True)
    files = 0
    for p in range(-(-modules // per_package)):
        pkg = os.path.join(outdir, f"p{p:02d}")
        os.makedirs(pkg, exist_ok=True)
        members = [k for k in range(modules) if k // per_package == p]
        with open(os.path.join(pkg, "__init__.py"), "w", encoding="utf-8") as fh:
            fh.write(f'"""Generated package p{p:02d}: modules m{members[0]:03d} to m{members[-1]:03d}."""\n')
        files += 1
    for k in range(modules):
        path = os.path.join(outdir, f"p{k // per_package:02d}", f"m{k:03d}.py")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(render_module(k, deps[k], per_package, seed, rng))
        files += 1
    tops = list(range(max(0, modules - 5), modules))
    with open(os.path.join(outdir, "main.py"), "w", encoding="utf-8") as fh:
        fh.write('"""Entry point of the generated project."""\n\nimport asyncio\n\n')
        for k in tops:
            fh.write(f"from p{k // per_package:02d} import m{k:03d}\n")
        fh.write("\n\nasync def main() -> list[int]:\n")
        fh.write("    return list(await asyncio.gather("
                 + ", ".join(f"m{k:03d}.compute{k:03d}(1)" for k in tops) + "))\n")
        fh.write('\n\nif __name__ == "__main__":\n    print(asyncio.run(main()))\n')
    files += 1
    return {"files": files, "modules": modules, "packages": -(-modules // per_package),
            "cycle_edges": sum(1 for k in deps for j in deps[k] if j > k)}


def main() -> int:
    ap = argparse.ArgumentParser(description="Generate a deterministic async project for benchmarks.")
    ap.add_argument("outdir")
    ap.add_argument("--modules", type=int, default=400)
    ap.add_argument("--packages", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    opts = ap.parse_args()
    info = generate(opts.outdir, opts.modules, opts.packages, opts.seed)
    print(f"wrote {info['files']} files ({info['modules']} modules in {info['packages']} packages, "
          f"{info['cycle_edges']} cycle-closing imports) to {opts.outdir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
