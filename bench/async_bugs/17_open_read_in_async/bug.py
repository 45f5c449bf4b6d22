# kind: `open()` and a file read inside `async def`
# runtime: the event loop waits on the disk (or a network file system) for every template load,
#   stalling all other requests meanwhile.
import asyncio
import os
import tempfile


class TemplateRenderer:
    def __init__(self, folder: str) -> None:
        self.folder = folder

    async def render(self, name: str, values: dict[str, str]) -> str:
        with open(os.path.join(self.folder, name), encoding="utf-8") as f:
            template = f.read()
        for key, value in values.items():
            template = template.replace("{{" + key + "}}", value)
        return template


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "hello.html"), "w", encoding="utf-8") as f:
            f.write("<p>Hello {{name}}</p>")
        renderer = TemplateRenderer(folder)
        print(await renderer.render("hello.html", {"name": "Ada"}))


if __name__ == "__main__":
    asyncio.run(main())
