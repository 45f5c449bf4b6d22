# fixed: the job records its own status when it finishes, awaiting the store inside the task.
import asyncio


class JobTracker:
    def __init__(self) -> None:
        self.status: dict[str, str] = {}

    async def record(self, name: str, outcome: str) -> None:
        await asyncio.sleep(0)  # stands for writing the status to the database
        self.status[name] = outcome

    async def tracked(self, name: str, seconds: float) -> int:
        try:
            result = await self.job(seconds)
        except Exception:
            await self.record(name, "failed")
            raise
        await self.record(name, f"ok:{result}")
        return result

    def start(self, name: str, seconds: float) -> "asyncio.Task[int]":
        return asyncio.create_task(self.tracked(name, seconds), name=name)

    async def job(self, seconds: float) -> int:
        await asyncio.sleep(seconds)
        return 42


async def main() -> None:
    tracker = JobTracker()
    await tracker.start("nightly", 0.01)
    print(tracker.status)


if __name__ == "__main__":
    asyncio.run(main())
