# kind: coroutine awaited on some paths only
# runtime: when the upload is small the flush coroutine is created but never awaited: the
#   buffered metrics are silently lost ("coroutine 'MetricsSink.flush' was never awaited").
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
    flushing = sink.flush()
    if len(data) > 1024:
        await asyncio.sleep(0)  # stands for a slow chunked upload
        sent = await flushing
        print("large upload, flushed", sent, "metrics")
    else:
        print("small upload")


if __name__ == "__main__":
    metrics = MetricsSink()
    asyncio.run(upload(metrics, b"tiny"))
    print(metrics.sent)
