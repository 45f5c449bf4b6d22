# fixed: the name is awaited before formatting.
import asyncio


class UserDirectory:
    def __init__(self, names: dict[int, str]) -> None:
        self._names = names

    async def display_name(self, user_id: int) -> str:
        await asyncio.sleep(0)  # stands for an LDAP lookup
        return self._names.get(user_id, "guest")


async def greeting(directory: UserDirectory, user_id: int) -> str:
    name = await directory.display_name(user_id)
    return f"Hello {name}, you have new messages"


async def main() -> None:
    directory = UserDirectory({1: "Ada", 2: "Grace"})
    for user_id in (1, 2, 3):
        print(await greeting(directory, user_id))


if __name__ == "__main__":
    asyncio.run(main())
