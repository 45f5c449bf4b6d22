# Stub for the `asyncio` package (asynctype bundled subset).
# Everything is an explicit re-export from the submodules.

import sys
from asyncio.base_events import Server as Server
from asyncio.coroutines import iscoroutine as iscoroutine, iscoroutinefunction as iscoroutinefunction
from asyncio.events import (
    AbstractEventLoop as AbstractEventLoop,
    AbstractEventLoopPolicy as AbstractEventLoopPolicy,
    AbstractServer as AbstractServer,
    Handle as Handle,
    TimerHandle as TimerHandle,
    _get_running_loop as _get_running_loop,
    get_event_loop as get_event_loop,
    get_event_loop_policy as get_event_loop_policy,
    get_running_loop as get_running_loop,
    new_event_loop as new_event_loop,
    set_event_loop as set_event_loop,
    set_event_loop_policy as set_event_loop_policy,
)
from asyncio.exceptions import (
    CancelledError as CancelledError,
    IncompleteReadError as IncompleteReadError,
    InvalidStateError as InvalidStateError,
    LimitOverrunError as LimitOverrunError,
    SendfileNotAvailableError as SendfileNotAvailableError,
    TimeoutError as TimeoutError,
)
from asyncio.futures import Future as Future, isfuture as isfuture, wrap_future as wrap_future
from asyncio.locks import (
    BoundedSemaphore as BoundedSemaphore,
    Condition as Condition,
    Event as Event,
    Lock as Lock,
    Semaphore as Semaphore,
)
from asyncio.protocols import (
    BaseProtocol as BaseProtocol,
    BufferedProtocol as BufferedProtocol,
    DatagramProtocol as DatagramProtocol,
    Protocol as Protocol,
    SubprocessProtocol as SubprocessProtocol,
)
from asyncio.queues import (
    LifoQueue as LifoQueue,
    PriorityQueue as PriorityQueue,
    Queue as Queue,
    QueueEmpty as QueueEmpty,
    QueueFull as QueueFull,
)
from asyncio.runners import run as run
from asyncio.streams import (
    StreamReader as StreamReader,
    StreamWriter as StreamWriter,
    open_connection as open_connection,
    start_server as start_server,
)
from asyncio.tasks import (
    ALL_COMPLETED as ALL_COMPLETED,
    FIRST_COMPLETED as FIRST_COMPLETED,
    FIRST_EXCEPTION as FIRST_EXCEPTION,
    Task as Task,
    all_tasks as all_tasks,
    as_completed as as_completed,
    create_task as create_task,
    current_task as current_task,
    ensure_future as ensure_future,
    gather as gather,
    run_coroutine_threadsafe as run_coroutine_threadsafe,
    shield as shield,
    sleep as sleep,
    wait as wait,
    wait_for as wait_for,
)
from asyncio.subprocess import create_subprocess_exec as create_subprocess_exec, create_subprocess_shell as create_subprocess_shell
from asyncio.threads import to_thread as to_thread
from asyncio.transports import (
    BaseTransport as BaseTransport,
    DatagramTransport as DatagramTransport,
    ReadTransport as ReadTransport,
    SubprocessTransport as SubprocessTransport,
    Transport as Transport,
    WriteTransport as WriteTransport,
)

if sys.platform != "win32":
    from asyncio.streams import open_unix_connection as open_unix_connection, start_unix_server as start_unix_server

if sys.version_info >= (3, 11):
    from asyncio.exceptions import BrokenBarrierError as BrokenBarrierError
    from asyncio.locks import Barrier as Barrier
    from asyncio.runners import Runner as Runner
    from asyncio.taskgroups import TaskGroup as TaskGroup
    from asyncio.timeouts import Timeout as Timeout, timeout as timeout, timeout_at as timeout_at

if sys.version_info >= (3, 12):
    from asyncio.tasks import eager_task_factory as eager_task_factory

if sys.version_info >= (3, 13):
    from asyncio.queues import QueueShutDown as QueueShutDown
