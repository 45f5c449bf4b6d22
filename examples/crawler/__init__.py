"""crawler: a tiny simulated web crawler built on asyncio.

Modules:
    fetcher      -- simulated network fetcher (asyncio.sleep / asyncio.wait_for)
    cache        -- async TTL cache guarded by an asyncio.Lock
    worker_pool  -- worker coroutines consuming an asyncio.Queue[str]
    main         -- wires everything together; run with asyncio.run(main())
"""

__version__: str = "0.1.0"
