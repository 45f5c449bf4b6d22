# kind: an async function passed to `Future.add_done_callback`
# runtime: the callback returns a coroutine that nobody awaits: the job status is never stored
#   ("coroutine 'JobTracker.on_done' was never awaited").
import asyncio


class JobTracker:
    def __init__(self) -> None:
        self.status: dict[str, str] = {}

    async def on_done(self, task: "asyncio.Task[int]") -> None:
        await asyncio.sleep(0)  # stands for writing the status to the database
        self.status[task.get_name()] = "failed" if task.exception() else f"ok:{task.result()}"

    def start(self, name: str, seconds: float) -> "asyncio.Task[int]":
        task = asyncio.create_task(self.job(seconds), name=name)
        task.add_done_callback(self.on_done)
        return task

    async def job(self, seconds: float) -> int:
        await asyncio.sleep(seconds)
        return 42


async def main() -> None:
    tracker = JobTracker()
    await tracker.start("nightly", 0.01)
    await asyncio.sleep(0.01)
    print(tracker.status)


if __name__ == "__main__":
    asyncio.run(main())
