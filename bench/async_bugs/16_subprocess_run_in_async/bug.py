# kind: `subprocess.run` inside `async def`
# runtime: the event loop is blocked until the child process exits; a slow `git` blocks every
#   other request of the build server.
import asyncio
import subprocess
import sys


async def current_revision(repo: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", "print('3f2a9c1')"],  # stands for `git rev-parse HEAD`
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


async def build_label(repo: str, branch: str) -> str:
    revision = await current_revision(repo)
    return f"{branch}@{revision}"


if __name__ == "__main__":
    print(asyncio.run(build_label(".", "main")))
