"""A pool of worker coroutines consuming URLs from an asyncio.Queue[str]."""

import asyncio

from crawler.cache import TtlCache
from crawler.fetcher import FetchError, FetchResult, Fetcher


class WorkerPool:
    """Runs `size` worker tasks that fetch queued URLs through a shared cache."""

    def __init__(self, fetcher: Fetcher, cache: TtlCache, size: int = 4) -> None:
        self._fetcher: Fetcher = fetcher
        self._cache: TtlCache = cache
        self._size: int = size
        self._queue: asyncio.Queue[str] = asyncio.Queue()
        self._stopped: asyncio.Event = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self.results: dict[str, FetchResult] = {}
        self.errors: dict[str, str] = {}

    @property
    def pending(self) -> int:
        return self._queue.qsize()

    def submit(self, url: str) -> None:
        self._queue.put_nowait(url)

    def start(self) -> None:
        for worker_id in range(self._size):
            task = asyncio.create_task(self._worker(worker_id), name=f"worker-{worker_id}")
            self._tasks.append(task)

    async def _worker(self, worker_id: int) -> None:
        while True:
            url = await self._queue.get()
            try:
                result = await self._cache.get_or_fetch(url, self._fetcher)
                # BUG: misspelled `result` -> unresolved-reference
                self.results[url] = reuslt
            except FetchError as exc:
                self.errors[url] = f"worker {worker_id}: {exc.reason}"
            finally:
                self._queue.task_done()

    async def monitor(self, interval: float) -> int:
        """Print progress every `interval` seconds until the pool is stopped."""
        ticks = 0
        while not self._stopped.is_set():
            try:
                await asyncio.wait_for(self._stopped.wait(), timeout=interval)
            except asyncio.TimeoutError:
                ticks += 1
                print(f"[monitor] pending={self.pending} done={len(self.results)}")
        return ticks

    async def join(self) -> None:
        """Wait until every queued URL is processed, then stop the workers."""
        await self._queue.join()
        self._stopped.set()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks.clear()
