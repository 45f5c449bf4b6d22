# kind: coroutines collected in a list that is never gathered or awaited
# runtime: no notification is ever sent; every coroutine in the list is dropped
#   ("coroutine 'Notifier.send' was never awaited", once per user).
import asyncio
from collections.abc import Coroutine
from typing import Any


class Notifier:
    def __init__(self) -> None:
        self.outbox: list[str] = []

    async def send(self, user: str, text: str) -> bool:
        await asyncio.sleep(0)  # stands for a push-notification API call
        self.outbox.append(f"{user}: {text}")
        return True


async def announce(notifier: Notifier, users: list[str], text: str) -> int:
    sends: list[Coroutine[Any, Any, bool]] = []
    for user in users:
        if user.startswith("bot-"):
            continue
        sends.append(notifier.send(user, text))
    print("announcing to", len(sends), "users")
    return len(sends)


if __name__ == "__main__":
    n = Notifier()
    asyncio.run(announce(n, ["ada", "bot-1", "grace"], "maintenance at 22:00"))
    print(n.outbox)
