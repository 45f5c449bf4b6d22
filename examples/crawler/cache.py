"""An async TTL cache for fetch results, guarded by an asyncio.Lock."""

import asyncio
import time
from collections import OrderedDict
from typing import Optional

from crawler.fetcher import FetchResult, Fetcher


class _Entry:
    def __init__(self, value: FetchResult, expires_at: float) -> None:
        self.value: FetchResult = value
        self.expires_at: float = expires_at


class TtlCache:
    """A least-recently-used cache whose entries expire after `ttl` seconds."""

    def __init__(self, ttl: float = 30.0, max_size: int = 128) -> None:
        self._ttl: float = ttl
        self._max_size: int = max_size
        self._entries: OrderedDict[str, _Entry] = OrderedDict()
        self._lock: asyncio.Lock = asyncio.Lock()
        self.hits: int = 0
        self.misses: int = 0

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def hit_ratio(self) -> float:
        total = self.hits + self.misses
        if total == 0:
            return 0.0
        return self.hits / total

    async def get(self, key: str) -> Optional[FetchResult]:
        async with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            if entry.expires_at < time.monotonic():
                del self._entries[key]
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return entry.value

    async def put(self, key: str, value: FetchResult) -> None:
        async with self._lock:
            self._entries[key] = _Entry(value, time.monotonic() + self._ttl)
            self._entries.move_to_end(key)
            while len(self._entries) > self._max_size:
                self._entries.popitem(last=False)

    async def get_or_fetch(self, key: str, fetcher: Fetcher) -> FetchResult:
        cached = await self.get(key)
        if cached is not None:
            return cached
        result = await fetcher.fetch(key)
        await self.put(key, result)
        return result

    async def purge_expired(self) -> int:
        async with self._lock:
            now = time.monotonic()
            expired = [key for key, entry in self._entries.items() if entry.expires_at < now]
            for key in expired:
                del self._entries[key]
            return len(expired)

    def purge_now(self) -> int:
        # BUG: `await` inside a plain (non-async) `def` -> invalid-syntax
        return await self.purge_expired()
