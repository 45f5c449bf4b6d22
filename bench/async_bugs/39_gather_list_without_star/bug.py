# kind: `asyncio.gather(coros)` without `*`
# runtime: "TypeError: An asyncio.Future, a coroutine or an awaitable is required" (the list
#   itself is passed as one awaitable), and the coroutines in it are never awaited.
import asyncio


async def resize(image_id: int, width: int) -> str:
    await asyncio.sleep(0)  # stands for a call to the image service
    return f"{image_id}@{width}w"


async def make_variants(image_id: int, widths: list[int]) -> list[str]:
    jobs = [resize(image_id, w) for w in widths]
    results = await asyncio.gather(jobs)
    return list(results)


if __name__ == "__main__":
    print(asyncio.run(make_variants(7, [320, 640, 1280])))
