# kind: coroutine result subscripted (forgotten await)
# runtime: "TypeError: 'coroutine' object is not subscriptable".
import asyncio
import json


class ConfigService:
    def __init__(self, raw: str) -> None:
        self._raw = raw

    async def fetch(self) -> dict[str, str]:
        await asyncio.sleep(0)  # stands for a call to a configuration server
        data: dict[str, str] = json.loads(self._raw)
        return data


async def database_url(service: ConfigService) -> str:
    settings = service.fetch()
    return settings["database_url"]


if __name__ == "__main__":
    svc = ConfigService('{"database_url": "postgres://db/app"}')
    print(asyncio.run(database_url(svc)))
