# Stub for `asyncio.tasks` (asynctype bundled subset).
#
# Awaitable parameters are written as `Awaitable[_T]` directly (typeshed uses
# a generic alias `_FutureLike[_T] = Future[_T] | Awaitable[_T]`, which is the
# same set of types).  The pre-3.10 `loop=` keyword arguments are not modelled.

import sys
from asyncio.events import AbstractEventLoop
from asyncio.futures import Future
from concurrent.futures import (
    ALL_COMPLETED as ALL_COMPLETED,
    FIRST_COMPLETED as FIRST_COMPLETED,
    FIRST_EXCEPTION as FIRST_EXCEPTION,
    Future as _ConcurrentFuture,
)
from contextvars import Context
from types import FrameType, GenericAlias
from typing import (
    Any,
    AsyncIterator,
    Awaitable,
    Coroutine,
    Generator,
    Iterable,
    Iterator,
    Literal,
    Protocol,
    TextIO,
    TypeVar,
    overload,
)

_T = TypeVar("_T")
_T_co = TypeVar("_T_co", covariant=True)
_T1 = TypeVar("_T1")
_T2 = TypeVar("_T2")
_T3 = TypeVar("_T3")
_T4 = TypeVar("_T4")
_T5 = TypeVar("_T5")
_T6 = TypeVar("_T6")
_FT = TypeVar("_FT", bound=Future[Any])

# ---------------------------------------------------------------------------
# Task
# ---------------------------------------------------------------------------

# Task is covariant although Future is invariant: Future's only use of its
# parameter in an input position is set_result(), which always raises on a
# Task.  (typeshed has the same deliberate variance mismatch.)
class Task(Future[_T_co]):
    if sys.version_info >= (3, 12):
        def __init__(
            self,
            coro: Coroutine[Any, Any, _T_co] | Generator[Any, None, _T_co],
            *,
            loop: AbstractEventLoop | None = None,
            name: str | None = None,
            context: Context | None = None,
            eager_start: bool = False,
        ) -> None: ...
    elif sys.version_info >= (3, 11):
        def __init__(
            self,
            coro: Coroutine[Any, Any, _T_co] | Generator[Any, None, _T_co],
            *,
            loop: AbstractEventLoop | None = None,
            name: str | None = None,
            context: Context | None = None,
        ) -> None: ...
    else:
        def __init__(
            self,
            coro: Coroutine[Any, Any, _T_co] | Generator[Any, None, _T_co],
            *,
            loop: AbstractEventLoop | None = None,
            name: str | None = None,
        ) -> None: ...
    if sys.version_info >= (3, 12):
        def get_coro(self) -> Coroutine[Any, Any, _T_co] | Generator[Any, None, _T_co] | None: ...
        def get_context(self) -> Context: ...
    else:
        def get_coro(self) -> Coroutine[Any, Any, _T_co] | Generator[Any, None, _T_co]: ...
    def get_name(self) -> str: ...
    def set_name(self, value: object, /) -> None: ...
    def get_stack(self, *, limit: int | None = None) -> list[FrameType]: ...
    def print_stack(self, *, limit: int | None = None, file: TextIO | None = None) -> None: ...
    if sys.version_info >= (3, 11):
        def cancelling(self) -> int: ...
        def uncancel(self) -> int: ...
    def __class_getitem__(cls, item: Any, /) -> GenericAlias: ...

if sys.version_info >= (3, 11):
    def create_task(
        coro: Coroutine[Any, Any, _T] | Generator[Any, None, _T], *, name: str | None = None, context: Context | None = None
    ) -> Task[_T]: ...

else:
    def create_task(coro: Coroutine[Any, Any, _T] | Generator[Any, None, _T], *, name: str | None = None) -> Task[_T]: ...

def current_task(loop: AbstractEventLoop | None = None) -> Task[Any] | None: ...
def all_tasks(loop: AbstractEventLoop | None = None) -> set[Task[Any]]: ...

@overload
def ensure_future(coro_or_future: _FT, *, loop: AbstractEventLoop | None = None) -> _FT: ...
@overload
def ensure_future(coro_or_future: Awaitable[_T], *, loop: AbstractEventLoop | None = None) -> Task[_T]: ...

# ---------------------------------------------------------------------------
# sleep / wait_for / shield / run_coroutine_threadsafe
# ---------------------------------------------------------------------------

@overload
async def sleep(delay: float) -> None: ...
@overload
async def sleep(delay: float, result: _T) -> _T: ...
async def wait_for(fut: Awaitable[_T], timeout: float | None) -> _T: ...
def shield(arg: Awaitable[_T]) -> Future[_T]: ...
def run_coroutine_threadsafe(coro: Awaitable[_T], loop: AbstractEventLoop) -> _ConcurrentFuture[_T]: ...

# ---------------------------------------------------------------------------
# wait / as_completed
# ---------------------------------------------------------------------------

if sys.version_info >= (3, 11):
    # Bare coroutines are no longer accepted: only futures and tasks.
    @overload
    async def wait(
        fs: Iterable[_FT], *, timeout: float | None = None, return_when: str = "ALL_COMPLETED"
    ) -> tuple[set[_FT], set[_FT]]: ...
    @overload
    async def wait(
        fs: Iterable[Task[_T]], *, timeout: float | None = None, return_when: str = "ALL_COMPLETED"
    ) -> tuple[set[Task[_T]], set[Task[_T]]]: ...

else:
    @overload
    async def wait(
        fs: Iterable[_FT], *, timeout: float | None = None, return_when: str = "ALL_COMPLETED"
    ) -> tuple[set[_FT], set[_FT]]: ...
    @overload
    async def wait(
        fs: Iterable[Awaitable[_T]], *, timeout: float | None = None, return_when: str = "ALL_COMPLETED"
    ) -> tuple[set[Task[_T]], set[Task[_T]]]: ...

if sys.version_info >= (3, 13):
    # From 3.13 the result can be iterated with either `for` or `async for`.
    class _SyncAndAsyncIterator(Iterator[_T_co], AsyncIterator[_T_co], Protocol[_T_co]): ...

    def as_completed(fs: Iterable[Awaitable[_T]], *, timeout: float | None = None) -> _SyncAndAsyncIterator[Future[_T]]: ...

else:
    def as_completed(fs: Iterable[Awaitable[_T]], *, timeout: float | None = None) -> Iterator[Future[_T]]: ...

# ---------------------------------------------------------------------------
# gather
#
# The runtime result is a list; fixed-arity tuples are used so that each
# position keeps its own type.
# ---------------------------------------------------------------------------

@overload
def gather(coro_or_future1: Awaitable[_T1], /, *, return_exceptions: Literal[False] = False) -> Future[tuple[_T1]]: ...
@overload
def gather(
    coro_or_future1: Awaitable[_T1], coro_or_future2: Awaitable[_T2], /, *, return_exceptions: Literal[False] = False
) -> Future[tuple[_T1, _T2]]: ...
@overload
def gather(
    coro_or_future1: Awaitable[_T1],
    coro_or_future2: Awaitable[_T2],
    coro_or_future3: Awaitable[_T3],
    /,
    *,
    return_exceptions: Literal[False] = False,
) -> Future[tuple[_T1, _T2, _T3]]: ...
@overload
def gather(
    coro_or_future1: Awaitable[_T1],
    coro_or_future2: Awaitable[_T2],
    coro_or_future3: Awaitable[_T3],
    coro_or_future4: Awaitable[_T4],
    /,
    *,
    return_exceptions: Literal[False] = False,
) -> Future[tuple[_T1, _T2, _T3, _T4]]: ...
@overload
def gather(
    coro_or_future1: Awaitable[_T1],
    coro_or_future2: Awaitable[_T2],
    coro_or_future3: Awaitable[_T3],
    coro_or_future4: Awaitable[_T4],
    coro_or_future5: Awaitable[_T5],
    /,
    *,
    return_exceptions: Literal[False] = False,
) -> Future[tuple[_T1, _T2, _T3, _T4, _T5]]: ...
@overload
def gather(
    coro_or_future1: Awaitable[_T1],
    coro_or_future2: Awaitable[_T2],
    coro_or_future3: Awaitable[_T3],
    coro_or_future4: Awaitable[_T4],
    coro_or_future5: Awaitable[_T5],
    coro_or_future6: Awaitable[_T6],
    /,
    *,
    return_exceptions: Literal[False] = False,
) -> Future[tuple[_T1, _T2, _T3, _T4, _T5, _T6]]: ...
@overload
def gather(*coros_or_futures: Awaitable[_T], return_exceptions: Literal[False] = False) -> Future[list[_T]]: ...
@overload
def gather(coro_or_future1: Awaitable[_T1], /, *, return_exceptions: bool) -> Future[tuple[_T1 | BaseException]]: ...
@overload
def gather(
    coro_or_future1: Awaitable[_T1], coro_or_future2: Awaitable[_T2], /, *, return_exceptions: bool
) -> Future[tuple[_T1 | BaseException, _T2 | BaseException]]: ...
@overload
def gather(
    coro_or_future1: Awaitable[_T1],
    coro_or_future2: Awaitable[_T2],
    coro_or_future3: Awaitable[_T3],
    /,
    *,
    return_exceptions: bool,
) -> Future[tuple[_T1 | BaseException, _T2 | BaseException, _T3 | BaseException]]: ...
@overload
def gather(
    coro_or_future1: Awaitable[_T1],
    coro_or_future2: Awaitable[_T2],
    coro_or_future3: Awaitable[_T3],
    coro_or_future4: Awaitable[_T4],
    /,
    *,
    return_exceptions: bool,
) -> Future[tuple[_T1 | BaseException, _T2 | BaseException, _T3 | BaseException, _T4 | BaseException]]: ...
@overload
def gather(
    coro_or_future1: Awaitable[_T1],
    coro_or_future2: Awaitable[_T2],
    coro_or_future3: Awaitable[_T3],
    coro_or_future4: Awaitable[_T4],
    coro_or_future5: Awaitable[_T5],
    /,
    *,
    return_exceptions: bool,
) -> Future[
    tuple[_T1 | BaseException, _T2 | BaseException, _T3 | BaseException, _T4 | BaseException, _T5 | BaseException]
]: ...
@overload
def gather(
    coro_or_future1: Awaitable[_T1],
    coro_or_future2: Awaitable[_T2],
    coro_or_future3: Awaitable[_T3],
    coro_or_future4: Awaitable[_T4],
    coro_or_future5: Awaitable[_T5],
    coro_or_future6: Awaitable[_T6],
    /,
    *,
    return_exceptions: bool,
) -> Future[
    tuple[
        _T1 | BaseException,
        _T2 | BaseException,
        _T3 | BaseException,
        _T4 | BaseException,
        _T5 | BaseException,
        _T6 | BaseException,
    ]
]: ...
@overload
def gather(*coros_or_futures: Awaitable[_T], return_exceptions: bool) -> Future[list[_T | BaseException]]: ...

if sys.version_info >= (3, 12):
    def eager_task_factory(
        loop: AbstractEventLoop | None,
        coro: Coroutine[Any, Any, _T],
        *,
        name: str | None = None,
        context: Context | None = None,
    ) -> Task[_T]: ...
