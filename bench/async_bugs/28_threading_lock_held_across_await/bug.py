# kind: a `threading.Lock` held across an `await` (`with lock:`)
# runtime: while the coroutine is suspended inside the lock, another coroutine on the same loop
#   reaches `with lock:` and blocks the loop thread forever: a deadlock.
import asyncio
import threading


class Counter:
    """Counts page views; also read by a metrics thread, hence the threading lock."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.views: dict[str, int] = {}

    async def persist(self, page: str, count: int) -> None:
        await asyncio.sleep(0.01)  # stands for an async write to the database

    async def hit(self, page: str) -> None:
        with self._lock:
            count = self.views.get(page, 0) + 1
            self.views[page] = count
            await self.persist(page, count)


async def main() -> None:
    counter = Counter()
    await asyncio.gather(counter.hit("/"), counter.hit("/"))
    print(counter.views)


if __name__ == "__main__":
    asyncio.run(main())
