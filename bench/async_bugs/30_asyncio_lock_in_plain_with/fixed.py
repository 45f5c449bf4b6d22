# fixed: the lock is entered with `async with`.
import asyncio


class SequenceAllocator:
    def __init__(self) -> None:
        self._lock = asyncio.Lock()
        self._next = 1

    async def reserve(self, count: int) -> range:
        async with self._lock:
            await asyncio.sleep(0)  # stands for persisting the new high-water mark
            start = self._next
            self._next += count
        return range(start, start + count)


async def main() -> None:
    allocator = SequenceAllocator()
    blocks = await asyncio.gather(allocator.reserve(3), allocator.reserve(2))
    print([list(b) for b in blocks])


if __name__ == "__main__":
    asyncio.run(main())
