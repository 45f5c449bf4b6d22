# kind: `urllib.request.urlopen` inside `async def`
# runtime: the event loop waits for the whole HTTP exchange (up to the 10 s timeout) while the
#   crawler's other downloads are frozen.
import asyncio
import urllib.request


async def fetch_page(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=10) as response:
        body: bytes = response.read()
    return body


async def crawl(urls: list[str]) -> dict[str, int]:
    sizes: dict[str, int] = {}
    pages = await asyncio.gather(*(fetch_page(u) for u in urls), return_exceptions=True)
    for url, page in zip(urls, pages):
        sizes[url] = len(page) if isinstance(page, bytes) else -1
    return sizes


if __name__ == "__main__":
    print(asyncio.run(crawl(["http://127.0.0.1:9/a", "http://127.0.0.1:9/b"])))
