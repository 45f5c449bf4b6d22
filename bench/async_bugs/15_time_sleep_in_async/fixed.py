# fixed: the back-off yields to the loop with `asyncio.sleep`.
import asyncio


class FlakyUpstream:
    def __init__(self) -> None:
        self.calls = 0

    async def call(self, payload: str) -> str:
        await asyncio.sleep(0)  # stands for the request
        self.calls += 1
        if self.calls < 3:
            raise ConnectionError("upstream busy")
        return payload.upper()


async def call_with_backoff(upstream: FlakyUpstream, payload: str) -> str:
    delay = 0.05
    while True:
        try:
            return await upstream.call(payload)
        except ConnectionError:
            await asyncio.sleep(delay)
            delay *= 2


if __name__ == "__main__":
    print(asyncio.run(call_with_backoff(FlakyUpstream(), "ping")))
