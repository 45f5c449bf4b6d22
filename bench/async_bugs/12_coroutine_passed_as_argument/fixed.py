# fixed: the text is awaited before summarizing.
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
    return summarize(await store.text(slug))


if __name__ == "__main__":
    print(asyncio.run(preview(ArticleStore(), "intro")))
