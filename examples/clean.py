"""A small, correct asyncio script: a checker should report nothing (exit 0)."""

import asyncio
import time


class Counter:
    def __init__(self) -> None:
        self._value: int = 0
        self._lock: asyncio.Lock = asyncio.Lock()

    @property
    def value(self) -> int:
        return self._value

    async def add(self, amount: int) -> int:
        async with self._lock:
            current = self._value
            await asyncio.sleep(0.001)
            self._value = current + amount
            return self._value


async def produce(queue: asyncio.Queue[int], count: int) -> None:
    for item in range(count):
        await queue.put(item)


async def consume(queue: asyncio.Queue[int], counter: Counter, count: int) -> None:
    for _ in range(count):
        item = await queue.get()
        await counter.add(item)
        queue.task_done()


async def main() -> int:
    queue: asyncio.Queue[int] = asyncio.Queue(maxsize=4)
    counter = Counter()
    started = time.monotonic()
    await asyncio.gather(produce(queue, 10), consume(queue, counter, 10))
    total = await asyncio.wait_for(counter.add(0), timeout=1.0)
    print(f"total={total} value={counter.value} in {time.monotonic() - started:.3f}s")
    return 0 if total == sum(range(10)) else 1


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
