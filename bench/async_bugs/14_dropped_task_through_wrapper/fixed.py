# fixed: the helper keeps a reference to every task it starts.
import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")

_running: set["asyncio.Task[Any]"] = set()


def spawn(coro: Coroutine[Any, Any, T], name: str) -> "asyncio.Task[T]":
    """Start `coro` in the background with a readable task name; keep it alive until done."""
    task = asyncio.create_task(coro, name=f"bg:{name}")
    _running.add(task)
    task.add_done_callback(_running.discard)
    return task


class SearchIndex:
    def __init__(self) -> None:
        self.docs: dict[str, str] = {}

    async def index(self, doc_id: str, text: str) -> None:
        await asyncio.sleep(0.01)  # stands for tokenizing and writing postings
        self.docs[doc_id] = text


async def save_document(index: SearchIndex, doc_id: str, text: str) -> str:
    # the document is stored; indexing may lag behind
    spawn(index.index(doc_id, text), name=f"index-{doc_id}")
    return doc_id


async def main() -> None:
    index = SearchIndex()
    await save_document(index, "a1", "hello world")
    await asyncio.sleep(0.05)
    print(index.docs)


if __name__ == "__main__":
    asyncio.run(main())
