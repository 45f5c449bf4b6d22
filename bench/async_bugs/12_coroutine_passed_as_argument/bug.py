# kind: coroutine passed as an argument where its result is expected (forgotten await)
# runtime: "TypeError: object of type 'coroutine' has no len()" inside `summarize`.
import asyncio


class ArticleStore:
    def __init__(self) -> None:
        self._articles = {"intro": "Async Python is cooperative multitasking. It needs awaits."}

    async def text(self, slug: str) -> str:
        await asyncio.sleep(0)  # stands for a read from object storage
        return self._articles[slug]


def summarize(text: str, limit: int = 40) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 3] + "..."


async def preview(store: ArticleStore, slug: str) -> str:
    return summarize(store.text(slug))


if __name__ == "__main__":
    print(asyncio.run(preview(ArticleStore(), "intro")))
