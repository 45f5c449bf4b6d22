# Stub for `asyncio.coroutines` (asynctype bundled subset).

from typing import Any, Awaitable, Callable, Coroutine, ParamSpec, TypeGuard, TypeIs, TypeVar, overload

_T = TypeVar("_T")
_P = ParamSpec("_P")

@overload
def iscoroutinefunction(func: Callable[..., Coroutine[Any, Any, Any]]) -> bool: ...  # type: ignore[overload-overlap]
@overload
def iscoroutinefunction(func: Callable[_P, Awaitable[_T]]) -> TypeGuard[Callable[_P, Coroutine[Any, Any, _T]]]: ...
@overload
def iscoroutinefunction(func: Callable[_P, object]) -> TypeGuard[Callable[_P, Coroutine[Any, Any, Any]]]: ...
@overload
def iscoroutinefunction(func: object) -> TypeGuard[Callable[..., Coroutine[Any, Any, Any]]]: ...
def iscoroutine(obj: object) -> TypeIs[Coroutine[Any, Any, Any]]: ...
