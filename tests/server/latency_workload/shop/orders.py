import asyncio
from dataclasses import dataclass

from shop.stock import Stock, restock


@dataclass
class Order:
    item: str
    amount: int


async def place(stock: Stock, order: Order) -> bool:
    ok = await stock.reserve(order.item, order.amount)
    if not ok and order.amount < 100:
        await restock(stock, order.item)
        ok = await stock.reserve(order.item, order.amount)
    return ok


async def place_all(stock: Stock, orders: list[Order]) -> list[bool]:
    tasks = [asyncio.create_task(place(stock, o)) for o in orders]
    done = await asyncio.gather(*tasks)
    return list(done)


async def main() -> int:
    stock = Stock()
    orders = [Order("apple", 3), Order("pear", 12), Order("plum", 250)]
    results = await place_all(stock, orders)
    restock(stock, "fig")  # planted: the coroutine is never awaited
    await asyncio.wait_for(place(stock, Order("fig", 1)), timeout=5)
    return sum(1 for r in results if r)
