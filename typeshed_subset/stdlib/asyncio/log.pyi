# Stub for `asyncio.log` (asynctype bundled subset).

import logging

# The "asyncio" logger.
logger: logging.Logger
