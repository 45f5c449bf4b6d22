"""Simulated network fetcher.

Network I/O is faked with asyncio.sleep; every request is bounded by
asyncio.wait_for and retried a limited number of times on timeout.
"""

import asyncio
import time


class FetchResult:
    """The outcome of one successful fetch."""

    def __init__(self, url: str, status: int, body: str, elapsed: float) -> None:
        self.url: str = url
        self.status: int = status
        self.body: str = body
        self.elapsed: float = elapsed

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def size(self) -> int:
        return len(self.body)

    def __repr__(self) -> str:
        return f"FetchResult(url={self.url!r}, status={self.status}, size={self.size})"


class FetchError(Exception):
    """Raised when a URL could not be fetched after all retries."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url: str = url
        self.reason: str = reason


class Fetcher:
    """Fetches URLs with simulated latency, a per-request timeout and retries."""

    def __init__(self, latency: float = 0.01, timeout: float = 0.5, retries: int = 2) -> None:
        self._latency: float = latency
        self._timeout: float = timeout
        self._retries: int = retries
        self._requests: int = 0

    @property
    def requests(self) -> int:
        return self._requests

    @staticmethod
    def status_for(url: str) -> int:
        if url.endswith("/missing"):
            return 404
        return 200

    async def _download(self, url: str) -> str:
        # Simulate network latency that depends on the URL.
        await asyncio.sleep(self._latency * (1 + len(url) % 5))
        self._requests += 1
        return f"<html><body>{url}</body></html>"

    async def fetch(self, url: str) -> FetchResult:
        started = time.monotonic()
        for _attempt in range(self._retries + 1):
            try:
                body = await asyncio.wait_for(self._download(url), timeout=self._timeout)
            except asyncio.TimeoutError:
                continue
            return FetchResult(url, self.status_for(url), body, time.monotonic() - started)
        raise FetchError(url, f"timed out after {self._retries + 1} attempts")

    async def fetch_many(self, urls: list[str]) -> list[FetchResult]:
        results = await asyncio.gather(*[self.fetch(url) for url in urls])
        return list(results)

    async def retries_left(self, used: int) -> int:
        # BUG: `self._retries` is a plain `int`, which is not awaitable -> invalid-await
        budget = await self._retries
        return max(0, budget - used)
