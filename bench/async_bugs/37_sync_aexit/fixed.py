# fixed: `__aexit__` is an `async def`.
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

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await asyncio.sleep(0)  # stands for releasing the lease
        self.held = False


async def main() -> None:
    async with Lease("reports/nightly") as lease:
        print("holding", lease.resource)
    print("held after exit:", lease.held)


if __name__ == "__main__":
    asyncio.run(main())
