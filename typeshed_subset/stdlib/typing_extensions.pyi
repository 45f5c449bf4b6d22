# Stub for `typing_extensions` (asynctype bundled subset).
#
# Every name is a re-export of the declaration in `typing`, so the checker
# only has to recognise special forms in one module, except two additions:
# `deprecated` (in `typing` it lives in `warnings` from 3.13 on) and
# `TypeAliasType` (in `typing` only from 3.12 on).

from typing import (
    IO as IO,
    TYPE_CHECKING as TYPE_CHECKING,
    AbstractSet as AbstractSet,
    Annotated as Annotated,
    Any as Any,
    AnyStr as AnyStr,
    AsyncContextManager as AsyncContextManager,
    AsyncGenerator as AsyncGenerator,
    AsyncIterable as AsyncIterable,
    AsyncIterator as AsyncIterator,
    Awaitable as Awaitable,
    BinaryIO as BinaryIO,
    Callable as Callable,
    ClassVar as ClassVar,
    Collection as Collection,
    Concatenate as Concatenate,
    Container as Container,
    ContextManager as ContextManager,
    Coroutine as Coroutine,
    Counter as Counter,
    DefaultDict as DefaultDict,
    Deque as Deque,
    Dict as Dict,
    Final as Final,
    FrozenSet as FrozenSet,
    Generator as Generator,
    Generic as Generic,
    Hashable as Hashable,
    ItemsView as ItemsView,
    Iterable as Iterable,
    Iterator as Iterator,
    KeysView as KeysView,
    List as List,
    Literal as Literal,
    LiteralString as LiteralString,
    Mapping as Mapping,
    MappingView as MappingView,
    MutableMapping as MutableMapping,
    MutableSequence as MutableSequence,
    MutableSet as MutableSet,
    NamedTuple as NamedTuple,
    Never as Never,
    NewType as NewType,
    NoReturn as NoReturn,
    NotRequired as NotRequired,
    Optional as Optional,
    OrderedDict as OrderedDict,
    ParamSpec as ParamSpec,
    ParamSpecArgs as ParamSpecArgs,
    ParamSpecKwargs as ParamSpecKwargs,
    Protocol as Protocol,
    ReadOnly as ReadOnly,
    Required as Required,
    Reversible as Reversible,
    Self as Self,
    Sequence as Sequence,
    Set as Set,
    Sized as Sized,
    SupportsAbs as SupportsAbs,
    SupportsBytes as SupportsBytes,
    SupportsComplex as SupportsComplex,
    SupportsFloat as SupportsFloat,
    SupportsIndex as SupportsIndex,
    SupportsInt as SupportsInt,
    SupportsRound as SupportsRound,
    Text as Text,
    TextIO as TextIO,
    Tuple as Tuple,
    Type as Type,
    TypeAlias as TypeAlias,
    TypedDict as TypedDict,
    TypeGuard as TypeGuard,
    TypeIs as TypeIs,
    TypeVar as TypeVar,
    TypeVarTuple as TypeVarTuple,
    Union as Union,
    Unpack as Unpack,
    ValuesView as ValuesView,
    assert_never as assert_never,
    assert_type as assert_type,
    cast as cast,
    dataclass_transform as dataclass_transform,
    final as final,
    get_args as get_args,
    get_origin as get_origin,
    get_type_hints as get_type_hints,
    no_type_check as no_type_check,
    overload as overload,
    override as override,
    reveal_type as reveal_type,
    runtime_checkable as runtime_checkable,
)

_T = TypeVar("_T")

# PEP 702.  Used as `@deprecated("message")` on functions, overloads and classes.
@final
class deprecated:
    message: str
    category: type[Warning] | None
    stacklevel: int
    def __init__(self, message: str, /, *, category: type[Warning] | None = ..., stacklevel: int = 1) -> None: ...
    def __call__(self, arg: _T, /) -> _T: ...

# PEP 695's `TypeAliasType`, available from typing_extensions on every version.
@final
class TypeAliasType:
    def __init__(self, name: str, value: Any, *, type_params: tuple[Any, ...] = ()) -> None: ...
    @property
    def __value__(self) -> Any: ...
    @property
    def __type_params__(self) -> tuple[Any, ...]: ...
    @property
    def __name__(self) -> str: ...
    def __getitem__(self, parameters: Any) -> Any: ...
