# fixed: the thread runs the coroutine on an event loop of its own with `asyncio.run`.
import asyncio
import threading


class ReportStore:
    def __init__(self) -> None:
        self.uploaded: dict[str, str] = {}


async def upload_report(store: ReportStore, name: str, rows: list[tuple[str, int]]) -> None:
    body = "\n".join(f"{who},{total}" for who, total in rows)
    await asyncio.sleep(0)  # stands for a PUT to object storage
    store.uploaded[name] = body


def upload_report_sync(store: ReportStore, name: str, rows: list[tuple[str, int]]) -> None:
    asyncio.run(upload_report(store, name, rows))


def export_in_background(
    store: ReportStore, name: str, rows: list[tuple[str, int]]
) -> threading.Thread:
    worker = threading.Thread(target=upload_report_sync, args=(store, name, rows), daemon=True)
    worker.start()
    return worker


if __name__ == "__main__":
    reports = ReportStore()
    export_in_background(reports, "weekly.csv", [("ada", 3), ("grace", 5)]).join()
    print("uploaded:", list(reports.uploaded))
