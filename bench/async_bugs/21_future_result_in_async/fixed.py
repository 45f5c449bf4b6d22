# fixed: the pool future is awaited through `asyncio.wrap_future`.
import asyncio
import concurrent.futures
import hashlib

POOL = concurrent.futures.ThreadPoolExecutor(max_workers=4)


def make_thumbnail(image: bytes) -> bytes:
    return hashlib.sha256(image).digest()[:16]  # stands for CPU-heavy resizing


async def handle_upload(image: bytes) -> str:
    future = POOL.submit(make_thumbnail, image)
    thumbnail = await asyncio.wrap_future(future)
    return thumbnail.hex()


async def main() -> None:
    print(await handle_upload(b"\x89PNG..."))


if __name__ == "__main__":
    asyncio.run(main())
