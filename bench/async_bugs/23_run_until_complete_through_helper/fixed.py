# fixed: the coroutine awaits the async lookup; the sync facade is used by sync code only.
import asyncio


async def lookup_owner(repo: str) -> str:
    await asyncio.sleep(0)  # stands for a call to the code-hosting API
    return repo.split("/")[0]


class SyncHostingClient:
    """Sync facade over the async API, written for command-line scripts."""

    def __init__(self) -> None:
        self._loop = asyncio.new_event_loop()

    def owner_of(self, repo: str) -> str:
        return self._loop.run_until_complete(lookup_owner(repo))

    def close(self) -> None:
        self._loop.close()


async def on_push(repo: str, branch: str) -> str:
    owner = await lookup_owner(repo)
    await asyncio.sleep(0)  # stands for posting a status
    return f"notified {owner} about {branch}"


if __name__ == "__main__":
    hosting = SyncHostingClient()
    print(hosting.owner_of("ada/engine"))
    hosting.close()
    print(asyncio.run(on_push("ada/engine", "main")))
