# Stub for `asyncio.taskgroups` (asynctype bundled subset).  New in 3.11.

import sys
from asyncio.tasks import Task
from contextvars import Context
from types import TracebackType
from typing import Any, Coroutine, Generator, Self, TypeVar

_T = TypeVar("_T")

if sys.version_info >= (3, 11):
    class TaskGroup:
        async def __aenter__(self) -> Self: ...
        async def __aexit__(
            self, et: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
        ) -> None: ...
        def create_task(
            self,
            coro: Coroutine[Any, Any, _T] | Generator[Any, None, _T],
            *,
            name: str | None = None,
            context: Context | None = None,
        ) -> Task[_T]: ...
