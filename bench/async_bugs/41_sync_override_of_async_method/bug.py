# kind: a plain `def` overriding an `async def` method
# runtime: callers written against the base class `await handler.handle(...)`, and get
#   "TypeError: object str can't be used in 'await' expression" for this handler.
import asyncio


class Handler:
    async def handle(self, path: str) -> str:
        await asyncio.sleep(0)
        return "404 Not Found"


class HealthHandler(Handler):
    def handle(self, path: str) -> str:
        return "200 OK"


async def dispatch(routes: dict[str, Handler], path: str) -> str:
    handler = routes.get(path, Handler())
    return await handler.handle(path)


if __name__ == "__main__":
    print(asyncio.run(dispatch({"/health": HealthHandler()}, "/health")))
