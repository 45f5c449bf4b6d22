# kind: `loop.run_until_complete` called inside a coroutine, through a sync helper
# runtime: "RuntimeError: This event loop is already running" when the webhook handler calls the
#   sync helper that drives the loop itself.
import asyncio


async def lookup_owner(repo: str) -> str:
    await asyncio.sleep(0)  # stands for a call to the code-hosting API
    return repo.split("/")[0]


def owner_of(repo: str) -> str:
    """Sync convenience wrapper, written for a CLI script."""
    loop = asyncio.get_event_loop()
    return loop.run_until_complete(lookup_owner(repo))


async def on_push(repo: str, branch: str) -> str:
    owner = owner_of(repo)
    await asyncio.sleep(0)  # stands for posting a status
    return f"notified {owner} about {branch}"


if __name__ == "__main__":
    print(asyncio.run(on_push("ada/engine", "main")))
