# Stub for `concurrent.futures.process` (asynctype bundled subset).

import sys
from concurrent.futures._base import BrokenExecutor, Executor
from typing import Any, Callable

class ProcessPoolExecutor(Executor):
    # mp_context is a multiprocessing context object (module not in this subset).
    if sys.version_info >= (3, 11):
        def __init__(
            self,
            max_workers: int | None = None,
            mp_context: Any | None = None,
            initializer: Callable[..., object] | None = None,
            initargs: tuple[Any, ...] = (),
            *,
            max_tasks_per_child: int | None = None,
        ) -> None: ...
    else:
        def __init__(
            self,
            max_workers: int | None = None,
            mp_context: Any | None = None,
            initializer: Callable[..., object] | None = None,
            initargs: tuple[Any, ...] = (),
        ) -> None: ...
    if sys.version_info >= (3, 14):
        def kill(self) -> None: ...
        def terminate(self) -> None: ...

class BrokenProcessPool(BrokenExecutor): ...
