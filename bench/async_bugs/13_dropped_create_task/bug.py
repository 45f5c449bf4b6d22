# kind: the task made by `asyncio.create_task` is dropped
# runtime: the event loop keeps only a weak reference to tasks, so the refresh task can be
#   garbage-collected mid-flight and silently vanish; its exceptions are never seen either.
import asyncio


class TokenCache:
    def __init__(self) -> None:
        self.token = "initial"
        self.refreshes = 0

    async def refresh(self) -> None:
        await asyncio.sleep(0.01)  # stands for a call to the identity provider
        self.refreshes += 1
        self.token = f"token-{self.refreshes}"

    def token_for_request(self) -> str:
        # serve the current token, refresh in the background for the next request
        asyncio.create_task(self.refresh())
        return self.token


async def main() -> None:
    cache = TokenCache()
    for _ in range(3):
        print(cache.token_for_request())
        await asyncio.sleep(0.02)


if __name__ == "__main__":
    asyncio.run(main())
