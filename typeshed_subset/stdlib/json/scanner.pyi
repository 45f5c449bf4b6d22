# Stub for `json.scanner` (asynctype bundled subset).

from json import JSONDecoder
from typing import Any, Callable

# scan_once(string, index) -> (value, end index)
def make_scanner(context: JSONDecoder) -> Callable[[str, int], tuple[Any, int]]: ...

py_make_scanner = make_scanner
