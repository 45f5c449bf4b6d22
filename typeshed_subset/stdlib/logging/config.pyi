# Stub for `logging.config` (asynctype bundled subset).

import sys
from _typeshed import StrOrBytesPath
from typing import Any, Callable, Final, Sequence

DEFAULT_LOGGING_CONFIG_PORT: Final = 9030

# Configures logging from a dictionary (schema version 1).
def dictConfig(config: dict[str, Any]) -> None: ...

if sys.version_info >= (3, 10):
    def fileConfig(
        fname: StrOrBytesPath | Any,
        defaults: dict[str, str] | None = None,
        disable_existing_loggers: bool = True,
        encoding: str | None = None,
    ) -> None: ...

else:
    def fileConfig(
        fname: StrOrBytesPath | Any, defaults: dict[str, str] | None = None, disable_existing_loggers: bool = True
    ) -> None: ...

def valid_ident(s: str) -> bool: ...

# Starts a socket server (in a thread, started by the caller) that accepts new configurations.
def listen(port: int = 9030, verify: Callable[[bytes], bytes | None] | None = None) -> Any: ...
def stopListening() -> None: ...
