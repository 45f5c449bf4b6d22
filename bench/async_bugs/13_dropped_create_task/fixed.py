# fixed: the background tasks are kept in a set until they finish.
import asyncio


class TokenCache:
    def __init__(self) -> None:
        self.token = "initial"
        self.refreshes = 0
        self._background: set[asyncio.Task[None]] = set()

    async def refresh(self) -> None:
        await asyncio.sleep(0.01)  # stands for a call to the identity provider
        self.refreshes += 1
        self.token = f"token-{self.refreshes}"

    def token_for_request(self) -> str:
        # serve the current token, refresh in the background for the next request
        task = asyncio.create_task(self.refresh())
        self._background.add(task)
        task.add_done_callback(self._background.discard)
        return self.token


async def main() -> None:
    cache = TokenCache()
    for _ in range(3):
        print(cache.token_for_request())
        await asyncio.sleep(0.02)


if __name__ == "__main__":
    asyncio.run(main())
