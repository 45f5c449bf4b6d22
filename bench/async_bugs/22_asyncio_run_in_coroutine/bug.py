# kind: `asyncio.run` called inside a coroutine
# runtime: "RuntimeError: asyncio.run() cannot be called from a running event loop" (and the
#   coroutine passed to it is never awaited).
import asyncio


class Inventory:
    def __init__(self) -> None:
        self.stock = {"apple": 3, "pear": 0}

    async def count(self, item: str) -> int:
        await asyncio.sleep(0)  # stands for a query to the stock service
        return self.stock.get(item, 0)


async def in_stock(inventory: Inventory, items: list[str]) -> list[str]:
    available: list[str] = []
    for item in items:
        if asyncio.run(inventory.count(item)) > 0:
            available.append(item)
    return available


if __name__ == "__main__":
    print(asyncio.run(in_stock(Inventory(), ["apple", "pear"])))
