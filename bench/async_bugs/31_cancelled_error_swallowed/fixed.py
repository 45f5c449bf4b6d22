# fixed: the handler cleans up and re-raises the cancellation.
import asyncio


class Consumer:
    def __init__(self, queue: "asyncio.Queue[str]") -> None:
        self.queue = queue
        self.handled: list[str] = []

    async def run(self) -> None:
        while True:
            try:
                message = await self.queue.get()
                self.handled.append(message)
            except asyncio.CancelledError:
                print("consumer cancelled, stopping")
                raise


async def main() -> None:
    queue: asyncio.Queue[str] = asyncio.Queue()
    consumer = Consumer(queue)
    task = asyncio.create_task(consumer.run())
    await queue.put("order-1")
    await asyncio.sleep(0.01)
    task.cancel()
    done, _ = await asyncio.wait({task}, timeout=0.5)
    print("stopped" if done else "still running after cancel()", consumer.handled)


if __name__ == "__main__":
    asyncio.run(main())
