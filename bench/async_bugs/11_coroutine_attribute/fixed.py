# fixed: the response is awaited.
import asyncio
from dataclasses import dataclass


@dataclass
class Response:
    status: int
    body: bytes


class HttpClient:
    async def get(self, url: str) -> Response:
        await asyncio.sleep(0)  # stands for the network round trip
        return Response(200, b"ok")


async def health_check(client: HttpClient, urls: list[str]) -> dict[str, bool]:
    healthy: dict[str, bool] = {}
    for url in urls:
        response = await client.get(url)
        healthy[url] = response.status == 200
    return healthy


if __name__ == "__main__":
    print(asyncio.run(health_check(HttpClient(), ["http://a/health", "http://b/health"])))
