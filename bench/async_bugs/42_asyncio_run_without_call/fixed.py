# fixed: `main` is called.
import asyncio
import sys


async def migrate(steps: list[str]) -> int:
    for step in steps:
        await asyncio.sleep(0)  # stands for running one schema migration
        print("applied", step)
    return len(steps)


async def main() -> int:
    applied = await migrate(["0001_users", "0002_orders"])
    return 0 if applied else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
