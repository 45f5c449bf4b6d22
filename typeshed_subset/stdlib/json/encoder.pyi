# Stub for `json.encoder` (asynctype bundled subset).

from typing import Any, Callable, Final, Iterator

ESCAPE: Final[Any]
ESCAPE_ASCII: Final[Any]
HAS_UTF8: Final[Any]
ESCAPE_DCT: Final[dict[str, str]]
INFINITY: Final[float]

def py_encode_basestring(s: str) -> str: ...
def py_encode_basestring_ascii(s: str) -> str: ...
def encode_basestring(s: str, /) -> str: ...
def encode_basestring_ascii(s: str, /) -> str: ...

class JSONEncoder:
    item_separator: str
    key_separator: str
    skipkeys: bool
    ensure_ascii: bool
    check_circular: bool
    allow_nan: bool
    sort_keys: bool
    indent: int | str | None
    def __init__(
        self,
        *,
        skipkeys: bool = False,
        ensure_ascii: bool = True,
        check_circular: bool = True,
        allow_nan: bool = True,
        sort_keys: bool = False,
        indent: int | str | None = None,
        separators: tuple[str, str] | None = None,
        default: Callable[..., Any] | None = None,
    ) -> None: ...
    # Override to serialise other objects: return something serialisable or raise TypeError.
    def default(self, o: Any) -> Any: ...
    def encode(self, o: Any) -> str: ...
    def iterencode(self, o: Any, _one_shot: bool = False) -> Iterator[str]: ...
