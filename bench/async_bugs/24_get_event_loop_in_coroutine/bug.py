# kind: `asyncio.get_event_loop()` inside a coroutine
# runtime: nothing fails today (a loop is running, so it returns that loop), but the call is the
#   deprecated spelling: from sync code it warns (3.12+) or makes a stray loop, and helpers like
#   this get reused there; inside a coroutine the right call is `asyncio.get_running_loop()`.
import asyncio
import hashlib


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


async def checksum_files(blobs: list[bytes]) -> list[str]:
    loop = asyncio.get_event_loop()
    futures = [loop.run_in_executor(None, checksum, blob) for blob in blobs]
    return list(await asyncio.gather(*futures))


if __name__ == "__main__":
    print(asyncio.run(checksum_files([b"a", b"b"])))
