# fixed: the child process runs through asyncio's subprocess API.
import asyncio
import subprocess
import sys


async def current_revision(repo: str) -> str:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "print('3f2a9c1')",  # stands for `git rev-parse HEAD`
        cwd=repo,
        stdout=subprocess.PIPE,
    )
    stdout, _ = await process.communicate()
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode or 1, "git rev-parse HEAD")
    return stdout.decode().strip()


async def build_label(repo: str, branch: str) -> str:
    revision = await current_revision(repo)
    return f"{branch}@{revision}"


if __name__ == "__main__":
    print(asyncio.run(build_label(".", "main")))
