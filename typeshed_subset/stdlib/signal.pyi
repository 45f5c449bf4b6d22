# Stub for `signal` (asynctype bundled subset), POSIX.
#
# In asyncio code prefer loop.add_signal_handler(); signal.signal() handlers
# run in the main thread between bytecodes.  Signal numbers are Linux's.

import sys
from enum import IntEnum
from types import FrameType
from typing import Any, Callable, Final, Iterable, Literal, NoReturn, TypeAlias

NSIG: int

class Signals(IntEnum):
    SIGHUP = 1
    SIGINT = 2
    SIGQUIT = 3
    SIGILL = 4
    SIGTRAP = 5
    SIGABRT = 6
    SIGBUS = 7
    SIGFPE = 8
    SIGKILL = 9
    SIGUSR1 = 10
    SIGSEGV = 11
    SIGUSR2 = 12
    SIGPIPE = 13
    SIGALRM = 14
    SIGTERM = 15
    SIGCHLD = 17
    SIGCONT = 18
    SIGSTOP = 19
    SIGTSTP = 20
    SIGTTIN = 21
    SIGTTOU = 22
    SIGWINCH = 28

SIGHUP = Signals.SIGHUP
SIGINT = Signals.SIGINT
SIGQUIT = Signals.SIGQUIT
SIGILL = Signals.SIGILL
SIGTRAP = Signals.SIGTRAP
SIGABRT = Signals.SIGABRT
SIGBUS = Signals.SIGBUS
SIGFPE = Signals.SIGFPE
SIGKILL = Signals.SIGKILL
SIGUSR1 = Signals.SIGUSR1
SIGSEGV = Signals.SIGSEGV
SIGUSR2 = Signals.SIGUSR2
SIGPIPE = Signals.SIGPIPE
SIGALRM = Signals.SIGALRM
SIGTERM = Signals.SIGTERM
SIGCHLD = Signals.SIGCHLD
SIGCONT = Signals.SIGCONT
SIGSTOP = Signals.SIGSTOP
SIGTSTP = Signals.SIGTSTP
SIGTTIN = Signals.SIGTTIN
SIGTTOU = Signals.SIGTTOU
SIGWINCH = Signals.SIGWINCH

# The two predefined dispositions.
class Handlers(IntEnum):
    SIG_DFL = 0
    SIG_IGN = 1

SIG_DFL = Handlers.SIG_DFL
SIG_IGN = Handlers.SIG_IGN

class Sigmasks(IntEnum):
    SIG_BLOCK = 0
    SIG_UNBLOCK = 1
    SIG_SETMASK = 2

SIG_BLOCK = Sigmasks.SIG_BLOCK
SIG_UNBLOCK = Sigmasks.SIG_UNBLOCK
SIG_SETMASK = Sigmasks.SIG_SETMASK

_SIGNUM: TypeAlias = int | Signals
# A handler is called with the signal number and the interrupted frame; the
# disposition can also be SIG_DFL / SIG_IGN, or None when it was not set
# from Python.
_HANDLER: TypeAlias = Callable[[int, FrameType | None], Any] | int | Handlers | None

# Installs a handler and returns the previous one.
def signal(signalnum: _SIGNUM, handler: _HANDLER, /) -> _HANDLER: ...
def getsignal(signalnum: _SIGNUM, /) -> _HANDLER: ...
def default_int_handler(signalnum: int, frame: FrameType | None, /) -> NoReturn: ...
def raise_signal(signalnum: _SIGNUM, /) -> None: ...
def strsignal(signalnum: _SIGNUM, /) -> str | None: ...
def valid_signals() -> set[Signals]: ...
def set_wakeup_fd(fd: int, /, *, warn_on_full_buffer: bool = True) -> int: ...
def siginterrupt(signalnum: int, flag: bool, /) -> None: ...

# Unix only.
def alarm(seconds: int, /) -> int: ...
def pause() -> None: ...
def pthread_kill(thread_id: int, signalnum: int, /) -> None: ...
def pthread_sigmask(how: int, mask: Iterable[int], /) -> set[_SIGNUM]: ...
def sigpending() -> Any: ...
def sigwait(sigset: Iterable[int], /) -> _SIGNUM: ...

ITIMER_REAL: int
ITIMER_VIRTUAL: int
ITIMER_PROF: int

class ItimerError(OSError): ...

# (delay, interval) of the previous timer.
def setitimer(which: int, seconds: float, interval: float = 0.0, /) -> tuple[float, float]: ...
def getitimer(which: int, /) -> tuple[float, float]: ...

if sys.platform == "linux":
    def pidfd_send_signal(pidfd: int, sig: int, siginfo: None = None, flags: int = 0, /) -> None: ...
