# Stub for `socket` (asynctype bundled subset): the socket class, the common
# constants, name resolution and the convenience constructors.
#
# The constants are members of IntEnum / IntFlag classes at runtime and are
# re-exported at module level; their values here are Linux's.

import sys
from _typeshed import ReadableBuffer, WriteableBuffer
from enum import IntEnum, IntFlag
from typing import IO, Any, BinaryIO, Iterable, Literal, Self, TextIO, TypeAlias, overload

# An address as passed to bind() / connect(): (host, port) for AF_INET,
# (host, port, flowinfo, scope_id) for AF_INET6, a path for AF_UNIX.
_Address: TypeAlias = tuple[Any, ...] | str | ReadableBuffer
# An address as returned by accept() / recvfrom() / getpeername().
_RetAddress: TypeAlias = Any

# ---------------------------------------------------------------------------
# Exceptions
# ---------------------------------------------------------------------------

error = OSError

class herror(error): ...
class gaierror(error): ...

if sys.version_info >= (3, 10):
    # An alias of the builtin since 3.10.
    timeout = TimeoutError
else:
    class timeout(error): ...

# ---------------------------------------------------------------------------
# Constants
# ---------------------------------------------------------------------------

class AddressFamily(IntEnum):
    AF_UNSPEC = 0
    AF_UNIX = 1
    AF_INET = 2
    AF_INET6 = 10
    AF_NETLINK = 16
    AF_PACKET = 17

AF_UNSPEC = AddressFamily.AF_UNSPEC
AF_UNIX = AddressFamily.AF_UNIX
AF_INET = AddressFamily.AF_INET
AF_INET6 = AddressFamily.AF_INET6
AF_NETLINK = AddressFamily.AF_NETLINK
AF_PACKET = AddressFamily.AF_PACKET

class SocketKind(IntEnum):
    SOCK_STREAM = 1
    SOCK_DGRAM = 2
    SOCK_RAW = 3
    SOCK_RDM = 4
    SOCK_SEQPACKET = 5
    SOCK_CLOEXEC = 524288
    SOCK_NONBLOCK = 2048

SOCK_STREAM = SocketKind.SOCK_STREAM
SOCK_DGRAM = SocketKind.SOCK_DGRAM
SOCK_RAW = SocketKind.SOCK_RAW
SOCK_RDM = SocketKind.SOCK_RDM
SOCK_SEQPACKET = SocketKind.SOCK_SEQPACKET
SOCK_CLOEXEC = SocketKind.SOCK_CLOEXEC
SOCK_NONBLOCK = SocketKind.SOCK_NONBLOCK

class MsgFlag(IntFlag):
    MSG_OOB = 1
    MSG_PEEK = 2
    MSG_DONTROUTE = 4
    MSG_WAITALL = 256
    MSG_DONTWAIT = 64
    MSG_NOSIGNAL = 16384

MSG_OOB = MsgFlag.MSG_OOB
MSG_PEEK = MsgFlag.MSG_PEEK
MSG_DONTROUTE = MsgFlag.MSG_DONTROUTE
MSG_WAITALL = MsgFlag.MSG_WAITALL
MSG_DONTWAIT = MsgFlag.MSG_DONTWAIT
MSG_NOSIGNAL = MsgFlag.MSG_NOSIGNAL

class AddressInfo(IntFlag):
    AI_PASSIVE = 1
    AI_CANONNAME = 2
    AI_NUMERICHOST = 4
    AI_V4MAPPED = 8
    AI_ALL = 16
    AI_ADDRCONFIG = 32
    AI_NUMERICSERV = 1024

AI_PASSIVE = AddressInfo.AI_PASSIVE
AI_CANONNAME = AddressInfo.AI_CANONNAME
AI_NUMERICHOST = AddressInfo.AI_NUMERICHOST
AI_V4MAPPED = AddressInfo.AI_V4MAPPED
AI_ALL = AddressInfo.AI_ALL
AI_ADDRCONFIG = AddressInfo.AI_ADDRCONFIG
AI_NUMERICSERV = AddressInfo.AI_NUMERICSERV

# Plain int constants (option levels and names, shutdown modes, ...).
SOL_SOCKET: int
SO_REUSEADDR: int
SO_REUSEPORT: int
SO_KEEPALIVE: int
SO_BROADCAST: int
SO_RCVBUF: int
SO_SNDBUF: int
SO_ERROR: int
SO_TYPE: int
SO_LINGER: int
IPPROTO_IP: int
IPPROTO_TCP: int
IPPROTO_UDP: int
IPPROTO_IPV6: int
TCP_NODELAY: int
TCP_KEEPIDLE: int
TCP_KEEPINTVL: int
TCP_KEEPCNT: int
SOMAXCONN: int
SHUT_RD: int
SHUT_WR: int
SHUT_RDWR: int
INADDR_ANY: int
INADDR_LOOPBACK: int
INADDR_BROADCAST: int
has_ipv6: bool

# ---------------------------------------------------------------------------
# socket
# ---------------------------------------------------------------------------

class socket:
    def __init__(
        self, family: AddressFamily | int = -1, type: SocketKind | int = -1, proto: int = -1, fileno: int | None = None
    ) -> None: ...
    @property
    def family(self) -> AddressFamily: ...
    @property
    def type(self) -> SocketKind: ...
    @property
    def proto(self) -> int: ...
    @property
    def timeout(self) -> float | None: ...
    def __enter__(self) -> Self: ...
    def __exit__(self, *args: object) -> None: ...
    def fileno(self) -> int: ...
    def dup(self) -> Self: ...
    def detach(self) -> int: ...
    def close(self) -> None: ...
    # Server side.
    def bind(self, address: _Address, /) -> None: ...
    def listen(self, backlog: int = ..., /) -> None: ...
    def accept(self) -> tuple[socket, _RetAddress]: ...
    # Client side.
    def connect(self, address: _Address, /) -> None: ...
    def connect_ex(self, address: _Address, /) -> int: ...
    def getpeername(self) -> _RetAddress: ...
    def getsockname(self) -> _RetAddress: ...
    # Data.
    def recv(self, bufsize: int, flags: int = 0, /) -> bytes: ...
    def recvfrom(self, bufsize: int, flags: int = 0, /) -> tuple[bytes, _RetAddress]: ...
    def recv_into(self, buffer: WriteableBuffer, nbytes: int = 0, flags: int = 0, /) -> int: ...
    def recvfrom_into(self, buffer: WriteableBuffer, nbytes: int = 0, flags: int = 0, /) -> tuple[int, _RetAddress]: ...
    def send(self, data: ReadableBuffer, flags: int = 0, /) -> int: ...
    def sendall(self, data: ReadableBuffer, flags: int = 0, /) -> None: ...
    @overload
    def sendto(self, data: ReadableBuffer, address: _Address, /) -> int: ...
    @overload
    def sendto(self, data: ReadableBuffer, flags: int, address: _Address, /) -> int: ...
    def sendfile(self, file: IO[bytes], offset: int = 0, count: int | None = None) -> int: ...
    def shutdown(self, how: int, /) -> None: ...
    # Blocking mode and timeouts.
    def setblocking(self, flag: bool, /) -> None: ...
    def getblocking(self) -> bool: ...
    def settimeout(self, value: float | None, /) -> None: ...
    def gettimeout(self) -> float | None: ...
    # Options.
    @overload
    def setsockopt(self, level: int, optname: int, value: int | ReadableBuffer, /) -> None: ...
    @overload
    def setsockopt(self, level: int, optname: int, value: None, optlen: int, /) -> None: ...
    @overload
    def getsockopt(self, level: int, optname: int, /) -> int: ...
    @overload
    def getsockopt(self, level: int, optname: int, buflen: int, /) -> bytes: ...
    def get_inheritable(self) -> bool: ...
    def set_inheritable(self, inheritable: bool) -> None: ...
    # A file object over the socket: binary modes give a binary stream.
    @overload
    def makefile(
        self,
        mode: Literal["b", "rb", "br", "wb", "bw", "rwb", "rbw", "wrb", "wbr", "brw", "bwr"],
        buffering: int | None = None,
        *,
        encoding: str | None = None,
        errors: str | None = None,
        newline: str | None = None,
    ) -> BinaryIO: ...
    @overload
    def makefile(
        self,
        mode: Literal["r", "w", "rw", "wr", ""] = "r",
        buffering: int | None = None,
        *,
        encoding: str | None = None,
        errors: str | None = None,
        newline: str | None = None,
    ) -> TextIO: ...

SocketType = socket

# ---------------------------------------------------------------------------
# Functions
# ---------------------------------------------------------------------------

if sys.version_info >= (3, 11):
    def create_connection(
        address: tuple[str | None, int],
        timeout: float | None = ...,
        source_address: tuple[bytearray | bytes | str, int] | None = None,
        *,
        all_errors: bool = False,
    ) -> socket: ...

else:
    def create_connection(
        address: tuple[str | None, int],
        timeout: float | None = ...,
        source_address: tuple[bytearray | bytes | str, int] | None = None,
    ) -> socket: ...

def create_server(
    address: _Address,
    *,
    family: int = ...,
    backlog: int | None = None,
    reuse_port: bool = False,
    dualstack_ipv6: bool = False,
) -> socket: ...
def has_dualstack_ipv6() -> bool: ...
def socketpair(family: int | AddressFamily | None = None, type: SocketKind | int = ..., proto: int = 0) -> tuple[socket, socket]: ...
def fromfd(fd: int, family: AddressFamily | int, type: SocketKind | int, proto: int = 0) -> socket: ...

# (family, type, proto, canonname, sockaddr) for each address found.
def getaddrinfo(
    host: bytes | str | None, port: bytes | str | int | None, family: int = 0, type: int = 0, proto: int = 0, flags: int = 0
) -> list[tuple[AddressFamily, SocketKind, int, str, tuple[str, int] | tuple[str, int, int, int] | tuple[int, bytes]]]: ...
def getnameinfo(sockaddr: tuple[str, int] | tuple[str, int, int, int], flags: int, /) -> tuple[str, str]: ...
def gethostname() -> str: ...
def gethostbyname(hostname: str, /) -> str: ...
def gethostbyname_ex(hostname: str, /) -> tuple[str, list[str], list[str]]: ...
def gethostbyaddr(ip_address: str, /) -> tuple[str, list[str], list[str]]: ...
def getfqdn(name: str = "") -> str: ...
def getservbyname(servicename: str, protocolname: str = ..., /) -> int: ...
def getservbyport(port: int, protocolname: str = ..., /) -> str: ...
def getdefaulttimeout() -> float | None: ...
def setdefaulttimeout(timeout: float | None, /) -> None: ...
def htonl(x: int, /) -> int: ...
def htons(x: int, /) -> int: ...
def ntohl(x: int, /) -> int: ...
def ntohs(x: int, /) -> int: ...
def inet_aton(ip_addr: str, /) -> bytes: ...
def inet_ntoa(packed_ip: ReadableBuffer, /) -> str: ...
def inet_pton(address_family: int, ip_string: str, /) -> bytes: ...
def inet_ntop(address_family: int, packed_ip: ReadableBuffer, /) -> str: ...
