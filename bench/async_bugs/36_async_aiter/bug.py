# kind: `async def __aiter__`
# runtime: "TypeError: 'async for' received an object from __aiter__ that does not implement
#   __anext__: coroutine" (`__aiter__` must return the iterator itself, not a coroutine).
import asyncio


class Paginator:
    """Iterates over the rows of a paginated API, fetching one page at a time."""

    def __init__(self, total: int, page_size: int) -> None:
        self.total = total
        self.page_size = page_size
        self._offset = 0
        self._page: list[int] = []

    async def __aiter__(self) -> "Paginator":
        return self

    async def __anext__(self) -> int:
        if not self._page:
            if self._offset >= self.total:
                raise StopAsyncIteration
            await asyncio.sleep(0)  # stands for GET /items?offset=...
            end = min(self._offset + self.page_size, self.total)
            self._page = list(range(self._offset, end))
            self._offset = end
        return self._page.pop(0)


async def main() -> None:
    rows = [row async for row in Paginator(total=5, page_size=2)]
    print(rows)


if __name__ == "__main__":
    asyncio.run(main())
