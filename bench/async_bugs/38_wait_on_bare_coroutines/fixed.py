# fixed: the coroutines are wrapped in tasks before `asyncio.wait`.
import asyncio


async def probe(host: str, port: int) -> bool:
    await asyncio.sleep(0.01)  # stands for opening a TCP connection
    return port % 2 == 0


async def first_reachable(hosts: list[str], port: int, timeout: float) -> int:
    done, pending = await asyncio.wait(
        [asyncio.create_task(probe(host, port)) for host in hosts],
        timeout=timeout,
        return_when=asyncio.FIRST_COMPLETED,
    )
    for task in pending:
        task.cancel()
    return sum(1 for task in done if task.result())


if __name__ == "__main__":
    print(asyncio.run(first_reachable(["db1", "db2"], 5432, 1.0)))
