# fixed: the depth is awaited once and its value logged.
import asyncio
import logging

log = logging.getLogger("jobs")


class JobQueue:
    def __init__(self) -> None:
        self._jobs: asyncio.Queue[str] = asyncio.Queue()

    async def push(self, job: str) -> None:
        await self._jobs.put(job)

    async def depth(self) -> int:
        await asyncio.sleep(0)  # stands for a query to a remote broker
        return self._jobs.qsize()


async def enqueue_batch(queue: JobQueue, jobs: list[str]) -> None:
    for job in jobs:
        await queue.push(job)
    depth = await queue.depth()
    log.info("queue depth: %s", depth)
    print("enqueued", len(jobs), "jobs; depth now", depth)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(enqueue_batch(JobQueue(), ["resize", "thumbnail"]))
