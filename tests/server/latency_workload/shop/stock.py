import asyncio


class Stock:
    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    async def reserve(self, item: str, amount: int) -> bool:
        await asyncio.sleep(0)
        have = self.counts.get(item, 0)
        if have < amount:
            return False
        self.counts[item] = have - amount
        return True


async def restock(stock: Stock, item: str) -> int:
    stock.counts[item] = stock.counts.get(item, 0) + 10
    return stock.counts[item]
