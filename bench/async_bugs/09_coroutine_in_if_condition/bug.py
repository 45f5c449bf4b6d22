# kind: coroutine used as an `if` condition (forgotten await)
# runtime: a coroutine object is always true, so every request is let through, rate limited or
#   not, and the check itself never runs ("coroutine ... was never awaited").
import asyncio
import time


class RateLimiter:
    def __init__(self, per_second: int) -> None:
        self.per_second = per_second
        self._hits: dict[str, list[float]] = {}

    async def allow(self, client: str) -> bool:
        await asyncio.sleep(0)  # stands for a Redis INCR with expiry
        now = time.monotonic()
        recent = [t for t in self._hits.get(client, []) if now - t < 1.0]
        recent.append(now)
        self._hits[client] = recent
        return len(recent) <= self.per_second


async def handle(limiter: RateLimiter, client: str, path: str) -> int:
    if limiter.allow(client):
        print("serving", path, "to", client)
        return 200
    return 429


async def main() -> None:
    limiter = RateLimiter(per_second=2)
    codes = [await handle(limiter, "10.0.0.1", "/") for _ in range(4)]
    print(codes)


if __name__ == "__main__":
    asyncio.run(main())
