# kind: `@asynccontextmanager` on a plain (sync) generator
# runtime: `async with` fails: "TypeError: 'generator' object is not an async iterator".
import asyncio
import time
from collections.abc import Iterator
from contextlib import asynccontextmanager


class Timer:
    def __init__(self) -> None:
        self.elapsed = 0.0


@asynccontextmanager
def timed(label: str) -> Iterator[Timer]:
    timer = Timer()
    start = time.perf_counter()
    yield timer
    timer.elapsed = time.perf_counter() - start
    print(f"{label}: {timer.elapsed:.4f}s")


async def handle(path: str) -> float:
    async with timed(path) as timer:
        await asyncio.sleep(0.01)  # stands for serving the request
    return timer.elapsed


if __name__ == "__main__":
    asyncio.run(handle("/index"))
