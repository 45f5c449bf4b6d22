"""Entry point: crawl a handful of simulated URLs with a small worker pool."""

import asyncio
import time

from crawler.cache import TtlCache
from crawler.fetcher import Fetcher
# BUG: there is no module `crawler/metrics.py` -> unresolved-import
from crawler.metrics import report_stats
from crawler.worker_pool import WorkerPool

SEED_URLS: list[str] = [
    "https://example.com/",
    "https://example.com/about",
    "https://example.com/blog/1",
    "https://example.com/blog/2",
    "https://example.com/missing",
    "https://example.org/docs",
]


async def main() -> int:
    fetcher = Fetcher(latency=0.005, timeout=0.2, retries=2)
    cache = TtlCache(ttl=5.0, max_size=64)
    pool = WorkerPool(fetcher, cache, size=3)
    pool.start()
    monitor = asyncio.create_task(pool.monitor(0.01))

    started = time.monotonic()
    # Queue a few duplicates so that the cache gets some hits.
    for url in SEED_URLS + SEED_URLS[:2]:
        pool.submit(url)
    await pool.join()
    ticks = await monitor
    elapsed = time.monotonic() - started

    # Re-fetch everything through the cache: all of these should be hits.
    for url in SEED_URLS:
        await cache.get_or_fetch(url, fetcher)

    failed = sorted(url for url, result in pool.results.items() if not result.ok)
    print(f"fetched {len(pool.results)} urls in {elapsed:.3f}s ({ticks} monitor ticks)")
    print(f"requests={fetcher.requests} cache_size={len(cache)} hit_ratio={cache.hit_ratio:.2f}")
    print(f"non-2xx: {failed}  errors: {pool.errors}")
    report_stats(pool.results, elapsed)
    return 0 if not pool.errors else 1


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
