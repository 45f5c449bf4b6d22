# kind: the same coroutine object awaited twice
# runtime: the second `await` raises "RuntimeError: cannot reuse already awaited coroutine".
import asyncio
from dataclasses import dataclass


@dataclass
class Profile:
    user_id: int
    name: str


class ProfileStore:
    async def load(self, user_id: int) -> Profile:
        await asyncio.sleep(0)  # stands for a database query
        return Profile(user_id, f"user-{user_id}")


async def render_page(store: ProfileStore, user_id: int) -> str:
    loading = store.load(user_id)
    header = (await loading).name
    # ... later in the same handler, the profile is needed again
    body = f"id {(await loading).user_id}"
    return f"<h1>{header}</h1><p>{body}</p>"


if __name__ == "__main__":
    print(asyncio.run(render_page(ProfileStore(), 7)))
