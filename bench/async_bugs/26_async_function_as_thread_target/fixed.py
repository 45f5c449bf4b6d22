# fixed: the thread runs the coroutine on its own event loop with `asyncio.run`.
import asyncio
import os
import tempfile
import threading


async def write_report(path: str, rows: list[tuple[str, int]]) -> None:
    await asyncio.sleep(0)  # stands for an async query for extra columns
    with open(path, "w", encoding="utf-8") as f:
        for name, total in rows:
            f.write(f"{name},{total}\n")


def write_report_sync(path: str, rows: list[tuple[str, int]]) -> None:
    asyncio.run(write_report(path, rows))


def export_in_background(path: str, rows: list[tuple[str, int]]) -> threading.Thread:
    worker = threading.Thread(target=write_report_sync, args=(path, rows), daemon=True)
    worker.start()
    return worker


if __name__ == "__main__":
    out = os.path.join(tempfile.gettempdir(), "report.csv")
    export_in_background(out, [("ada", 3), ("grace", 5)]).join()
    print("exists:", os.path.exists(out))
