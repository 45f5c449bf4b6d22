# fixed: the coroutine awaits the async lookup; the sync wrapper stays for the CLI only.
import asyncio


async def lookup_owner(repo: str) -> str:
    await asyncio.sleep(0)  # stands for a call to the code-hosting API
    return repo.split("/")[0]


def owner_of(repo: str) -> str:
    """Sync convenience wrapper, written for a CLI script (never called from a coroutine)."""
    return asyncio.run(lookup_owner(repo))


async def on_push(repo: str, branch: str) -> str:
    owner = await lookup_owner(repo)
    await asyncio.sleep(0)  # stands for posting a status
    return f"notified {owner} about {branch}"


if __name__ == "__main__":
    print(owner_of("ada/engine"))
    print(asyncio.run(on_push("ada/engine", "main")))
