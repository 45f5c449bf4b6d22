# fixed: the helper chain runs in a worker thread (`asyncio.to_thread`).
import asyncio
import json
import os
import tempfile


def read_file(path: str) -> str:
    with open(path, encoding="utf-8") as f:
        return f.read()


def load_settings(folder: str) -> dict[str, int]:
    settings: dict[str, int] = json.loads(read_file(os.path.join(folder, "settings.json")))
    return settings


async def handle_request(folder: str, item_count: int) -> str:
    settings = await asyncio.to_thread(load_settings, folder)
    page = min(item_count, settings["page_size"])
    await asyncio.sleep(0)  # stands for the database query
    return f"showing {page} of {item_count}"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        with open(os.path.join(folder, "settings.json"), "w", encoding="utf-8") as f:
            f.write('{"page_size": 20}')
        print(asyncio.run(handle_request(folder, 57)))


if __name__ == "__main__":
    main()
