# fixed: the heartbeat is a task that loops with `asyncio.sleep` (kept on the session).
import asyncio


class Session:
    def __init__(self, interval: float) -> None:
        self.interval = interval
        self.beats = 0
        self._heartbeat: asyncio.Task[None] | None = None

    async def send_heartbeat(self) -> None:
        await asyncio.sleep(0)  # stands for writing a ping frame to the socket
        self.beats += 1

    async def _heartbeat_loop(self) -> None:
        while True:
            await self.send_heartbeat()
            await asyncio.sleep(self.interval)

    def schedule(self) -> None:
        self._heartbeat = asyncio.create_task(self._heartbeat_loop())

    def close(self) -> None:
        if self._heartbeat is not None:
            self._heartbeat.cancel()


async def main() -> None:
    session = Session(interval=0.01)
    session.schedule()
    await asyncio.sleep(0.05)
    session.close()
    print("heartbeats sent:", session.beats)


if __name__ == "__main__":
    asyncio.run(main())
