# kind: `loop.run_until_complete` called inside a coroutine, through a sync helper
# runtime: "RuntimeError: Cannot run the event loop while another loop is running" when the
#   webhook handler calls the sync facade that drives its own loop (and the lookup coroutine is
#   never awaited).
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


async def on_push(client: SyncHostingClient, repo: str, branch: str) -> str:
    owner = client.owner_of(repo)
    await asyncio.sleep(0)  # stands for posting a status
    return f"notified {owner} about {branch}"


if __name__ == "__main__":
    hosting = SyncHostingClient()
    print(hosting.owner_of("ada/engine"))
    print(asyncio.run(on_push(hosting, "ada/engine", "main")))
    hosting.close()
