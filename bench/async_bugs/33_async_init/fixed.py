# fixed: construction is sync; the async part is an async factory classmethod.
import asyncio


class DatabaseClient:
    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        self.open = False

    @classmethod
    async def connect(cls, dsn: str) -> "DatabaseClient":
        client = cls(dsn)
        await asyncio.sleep(0)  # stands for opening the connection
        client.open = True
        return client

    async def query(self, sql: str) -> list[tuple[int, str]]:
        await asyncio.sleep(0)
        return [(1, sql)]


async def main() -> None:
    client = await DatabaseClient.connect("postgres://localhost/app")
    print(await client.query("select 1"))


if __name__ == "__main__":
    asyncio.run(main())
