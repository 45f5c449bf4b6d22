# fixed: the file is read in a worker thread (`asyncio.to_thread`); setup runs in sync code.
import asyncio
import os
import tempfile


def read_text(path: str) -> str:
    with open(path, encoding="utf-8") as f:
        return f.read()


class TemplateRenderer:
    def __init__(self, folder: str) -> None:
        self.folder = folder

    async def render(self, name: str, values: dict[str, str]) -> str:
        template = await asyncio.to_thread(read_text, os.path.join(self.folder, name))
        for key, value in values.items():
            template = template.replace("{{" + key + "}}", value)
        return template


async def render_hello(folder: str) -> str:
    renderer = TemplateRenderer(folder)
    return await renderer.render("hello.html", {"name": "Ada"})


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "hello.html"), "w", encoding="utf-8") as f:
            f.write("<p>Hello {{name}}</p>")
        print(asyncio.run(render_hello(folder)))


if __name__ == "__main__":
    main()
