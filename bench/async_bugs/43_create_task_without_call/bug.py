# kind: `asyncio.create_task(worker)` without parentheses
# runtime: "TypeError: a coroutine was expected, got <function worker at 0x...>".
import asyncio


async def worker(queue: "asyncio.Queue[int]", results: list[int]) -> None:
    while True:
        n = await queue.get()
        results.append(n * n)
        queue.task_done()


async def square_all(numbers: list[int], workers: int = 3) -> list[int]:
    queue: asyncio.Queue[int] = asyncio.Queue()
    results: list[int] = []
    for n in numbers:
        queue.put_nowait(n)
    tasks = [asyncio.create_task(worker) for _ in range(workers)]
    await queue.join()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    return sorted(results)


if __name__ == "__main__":
    print(asyncio.run(square_all([1, 2, 3, 4])))
