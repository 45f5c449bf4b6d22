# Stub for `concurrent.futures.thread` (asynctype bundled subset).

from concurrent.futures._base import BrokenExecutor, Executor
from typing import Any, Callable

class ThreadPoolExecutor(Executor):
    # typeshed types initializer/initargs together with a TypeVarTuple;
    # here they are independent.
    def __init__(
        self,
        max_workers: int | None = None,
        thread_name_prefix: str = "",
        initializer: Callable[..., object] | None = None,
        initargs: tuple[Any, ...] = (),
    ) -> None: ...

class BrokenThreadPool(BrokenExecutor): ...
