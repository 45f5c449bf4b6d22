# fixed: the blocking wait and lock run in a worker thread (`asyncio.to_thread`).
import asyncio
import threading


class ModelLoader:
    """Loads a model in a background thread; request handlers wait until it is ready."""

    def __init__(self) -> None:
        self.ready = threading.Event()
        self.lock = threading.Lock()
        self.weights: list[float] = []

    def load(self) -> None:
        with self.lock:
            self.weights = [0.1, 0.2, 0.3]  # stands for reading a large file
        self.ready.set()

    def _predict_blocking(self, features: list[float]) -> float:
        self.ready.wait(timeout=30)
        with self.lock:
            return sum(w * x for w, x in zip(self.weights, features))

    async def predict(self, features: list[float]) -> float:
        return await asyncio.to_thread(self._predict_blocking, features)


async def main() -> None:
    loader = ModelLoader()
    threading.Thread(target=loader.load, daemon=True).start()
    print(await loader.predict([1.0, 2.0, 3.0]))


if __name__ == "__main__":
    asyncio.run(main())
