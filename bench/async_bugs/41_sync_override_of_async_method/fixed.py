# fixed: the override is `async def` too.
import asyncio


class Handler:
    async def handle(self, path: str) -> str:
        await asyncio.sleep(0)
        return "404 Not Found"


class HealthHandler(Handler):
    async def handle(self, path: str) -> str:
        return "200 OK"


async def dispatch(routes: dict[str, Handler], path: str) -> str:
    handler = routes.get(path, Handler())
    return await handler.handle(path)


if __name__ == "__main__":
    print(asyncio.run(dispatch({"/health": HealthHandler()}, "/health")))
