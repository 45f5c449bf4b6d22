# fixed: the warm-up is awaited before the service reports ready.
import asyncio


class CacheClient:
    def __init__(self) -> None:
        self._data: dict[str, bytes] = {}
        self.connected = False

    async def connect(self) -> None:
        await asyncio.sleep(0)  # stands for the TCP handshake
        self.connected = True

    async def warm(self, keys: list[str]) -> int:
        for key in keys:
            await asyncio.sleep(0)  # stands for a round trip to the cache server
            self._data[key] = key.encode()
        return len(keys)

    async def get(self, key: str) -> bytes | None:
        await asyncio.sleep(0)
        return self._data.get(key)


async def start_service(client: CacheClient, hot_keys: list[str]) -> None:
    await client.connect()
    warmed = await client.warm(hot_keys)
    print("service ready,", warmed, "keys warm")
    value = await client.get(hot_keys[0])
    print("first key:", value)


if __name__ == "__main__":
    asyncio.run(start_service(CacheClient(), ["users", "prices"]))
