# fixed: the pool uses an `asyncio.Lock`.
import asyncio


class ConnectionPool:
    def __init__(self, size: int) -> None:
        self._lock = asyncio.Lock()
        self._free = list(range(size))

    async def acquire(self) -> int:
        async with self._lock:
            while not self._free:
                await asyncio.sleep(0.01)
            return self._free.pop()

    def release(self, conn: int) -> None:
        self._free.append(conn)


async def main() -> None:
    pool = ConnectionPool(2)
    conn = await pool.acquire()
    print("got connection", conn)
    pool.release(conn)


if __name__ == "__main__":
    asyncio.run(main())
