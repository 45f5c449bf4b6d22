# fixed: the coroutine asks for the running loop.
import asyncio
import hashlib


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


async def checksum_files(blobs: list[bytes]) -> list[str]:
    loop = asyncio.get_running_loop()
    futures = [loop.run_in_executor(None, checksum, blob) for blob in blobs]
    return list(await asyncio.gather(*futures))


if __name__ == "__main__":
    print(asyncio.run(checksum_files([b"a", b"b"])))
