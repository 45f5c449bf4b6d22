# kind: `async def __init__`
# runtime: "TypeError: __init__() should return None, not 'coroutine'" on every construction.
import asyncio


class DatabaseClient:
    async def __init__(self, dsn: str) -> None:
        await asyncio.sleep(0)  # stands for opening the connection
        self.dsn = dsn
        self.open = True

    async def query(self, sql: str) -> list[tuple[int, str]]:
        await asyncio.sleep(0)
        return [(1, sql)]


async def main() -> None:
    client = DatabaseClient("postgres://localhost/app")
    print(await client.query("select 1"))


if __name__ == "__main__":
    asyncio.run(main())
