# kind: an async function as `threading.Thread(target=...)`
# runtime: the thread calls the function, gets a coroutine object and exits at once: the report
#   is never uploaded ("coroutine 'upload_report' was never awaited").
import asyncio
import threading


class ReportStore:
    def __init__(self) -> None:
        self.uploaded: dict[str, str] = {}


async def upload_report(store: ReportStore, name: str, rows: list[tuple[str, int]]) -> None:
    body = "\n".join(f"{who},{total}" for who, total in rows)
    await asyncio.sleep(0)  # stands for a PUT to object storage
    store.uploaded[name] = body


def export_in_background(
    store: ReportStore, name: str, rows: list[tuple[str, int]]
) -> threading.Thread:
    worker = threading.Thread(target=upload_report, args=(store, name, rows), daemon=True)
    worker.start()
    return worker


if __name__ == "__main__":
    reports = ReportStore()
    export_in_background(reports, "weekly.csv", [("ada", 3), ("grace", 5)]).join()
    print("uploaded:", list(reports.uploaded))
