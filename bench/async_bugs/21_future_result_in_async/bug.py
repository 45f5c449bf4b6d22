# kind: `concurrent.futures.Future.result()` inside `async def`
# runtime: the event loop blocks until the pool finishes the thumbnail; while it waits no other
#   upload is served.
import asyncio
import concurrent.futures
import hashlib

POOL = concurrent.futures.ThreadPoolExecutor(max_workers=4)


def make_thumbnail(image: bytes) -> bytes:
    return hashlib.sha256(image).digest()[:16]  # stands for CPU-heavy resizing


async def handle_upload(image: bytes) -> str:
    future = POOL.submit(make_thumbnail, image)
    thumbnail = future.result()
    return thumbnail.hex()


async def main() -> None:
    print(await handle_upload(b"\x89PNG..."))


if __name__ == "__main__":
    asyncio.run(main())
