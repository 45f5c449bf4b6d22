# kind: a coroutine object awaited again on each iteration of a retry loop
# runtime: the first retry raises "RuntimeError: cannot reuse already awaited coroutine"
#   instead of retrying the request.
import asyncio
import random


class TransientError(Exception):
    pass


async def fetch_quote(symbol: str) -> float:
    await asyncio.sleep(0)  # stands for an HTTP request that sometimes fails
    if random.random() < 0.5:
        raise TransientError(symbol)
    return 101.5


async def fetch_with_retry(symbol: str, attempts: int = 3) -> float:
    request = fetch_quote(symbol)
    for attempt in range(attempts):
        try:
            return await request
        except TransientError:
            await asyncio.sleep(0.01 * 2**attempt)
    raise TransientError(f"{symbol}: gave up after {attempts} attempts")


if __name__ == "__main__":
    print(asyncio.run(fetch_with_retry("ACME")))
