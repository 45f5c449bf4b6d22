# kind: an async function passed to `loop.call_soon` / `loop.call_later`
# runtime: the loop calls the function, gets a coroutine object and drops it: the heartbeat is
#   never sent ("coroutine 'Session.send_heartbeat' was never awaited").
import asyncio


class Session:
    def __init__(self, interval: float) -> None:
        self.interval = interval
        self.beats = 0

    async def send_heartbeat(self) -> None:
        await asyncio.sleep(0)  # stands for writing a ping frame to the socket
        self.beats += 1

    def schedule(self) -> None:
        loop = asyncio.get_running_loop()
        loop.call_soon(self.send_heartbeat)
        loop.call_later(self.interval, self.send_heartbeat)


async def main() -> None:
    session = Session(interval=0.01)
    session.schedule()
    await asyncio.sleep(0.05)
    print("heartbeats sent:", session.beats)


if __name__ == "__main__":
    asyncio.run(main())
