# fixed: the flush is awaited on both paths (after the branch).
import asyncio


class MetricsSink:
    def __init__(self) -> None:
        self.pending: list[tuple[str, float]] = []
        self.sent: list[tuple[str, float]] = []

    def add(self, name: str, value: float) -> None:
        self.pending.append((name, value))

    async def flush(self) -> int:
        await asyncio.sleep(0)  # stands for a POST to the metrics backend
        count = len(self.pending)
        self.sent.extend(self.pending)
        self.pending.clear()
        return count


async def upload(sink: MetricsSink, data: bytes) -> None:
    sink.add("upload.bytes", float(len(data)))
    large = len(data) > 1024
    if large:
        await asyncio.sleep(0)  # stands for a slow chunked upload
        print("large upload")
    else:
        print("small upload")
    sent = await sink.flush()
    print("flushed", sent, "metrics")


if __name__ == "__main__":
    metrics = MetricsSink()
    asyncio.run(upload(metrics, b"tiny"))
    print(metrics.sent)
