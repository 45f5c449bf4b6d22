# kind: `__aexit__` declared as a plain `def`
# runtime: leaving `async with` fails after every body, even a successful one: "TypeError:
#   'async with' received an object from __aexit__ that does not implement __await__: NoneType".
import asyncio
from types import TracebackType


class Lease:
    """A distributed lease on a named resource, held for the body of `async with`."""

    def __init__(self, resource: str) -> None:
        self.resource = resource
        self.held = False

    async def __aenter__(self) -> "Lease":
        await asyncio.sleep(0)  # stands for acquiring the lease from the coordinator
        self.held = True
        return self

    def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.held = False


async def main() -> None:
    async with Lease("reports/nightly") as lease:
        print("holding", lease.resource)
    print("held after exit:", lease.held)


if __name__ == "__main__":
    asyncio.run(main())
