# fixed: the async generator is decorated with `@asynccontextmanager`.
import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class Transaction:
    def __init__(self) -> None:
        self.statements: list[str] = []
        self.committed = False


@asynccontextmanager
async def transaction() -> AsyncIterator[Transaction]:
    tx = Transaction()
    await asyncio.sleep(0)  # stands for BEGIN
    yield tx
    await asyncio.sleep(0)  # stands for COMMIT
    tx.committed = True


async def transfer(amount: int) -> bool:
    async with transaction() as tx:
        tx.statements.append(f"debit {amount}")
        tx.statements.append(f"credit {amount}")
    return tx.committed


if __name__ == "__main__":
    print(asyncio.run(transfer(10)))
