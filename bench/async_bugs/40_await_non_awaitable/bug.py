# kind: `await` on a non-awaitable value (`await self.count`)
# runtime: "TypeError: object int can't be used in 'await' expression".
import asyncio


class Downloader:
    def __init__(self) -> None:
        self.count = 0
        self._done: list[str] = []

    async def download(self, url: str) -> None:
        await asyncio.sleep(0)  # stands for the transfer
        self._done.append(url)
        self.count += 1

    async def progress(self, total: int) -> str:
        finished = await self.count
        return f"{finished}/{total}"


async def main() -> None:
    d = Downloader()
    await asyncio.gather(d.download("a"), d.download("b"))
    print(await d.progress(2))


if __name__ == "__main__":
    asyncio.run(main())
