# fixed: only ordinary errors are caught; cancellation propagates.
import asyncio


class FeedPoller:
    def __init__(self, url: str) -> None:
        self.url = url
        self.items: list[str] = []
        self.errors = 0

    async def fetch(self) -> list[str]:
        await asyncio.sleep(0.01)  # stands for an HTTP GET of the feed
        return [f"{self.url}#{len(self.items)}"]

    async def poll_forever(self) -> None:
        while True:
            try:
                self.items.extend(await self.fetch())
            except Exception:  # keep polling on ordinary errors
                self.errors += 1
            await asyncio.sleep(0.01)


async def main() -> None:
    poller = FeedPoller("https://example.org/feed")
    try:
        await asyncio.wait_for(poller.poll_forever(), timeout=0.05)
    except asyncio.TimeoutError:
        print("stopped after", len(poller.items), "items")


if __name__ == "__main__":
    asyncio.run(main())
