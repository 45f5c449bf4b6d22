# kind: dropped coroutine call (an async function called as a statement, never awaited)
# runtime: the audit record is never written; Python only prints "RuntimeWarning: coroutine
#   'AuditLog.record' was never awaited" when the object is garbage-collected.
import asyncio
from dataclasses import dataclass, field


@dataclass
class AuditLog:
    entries: list[str] = field(default_factory=list)

    async def record(self, user: str, action: str) -> None:
        await asyncio.sleep(0)  # stands for a database insert
        self.entries.append(f"{user}: {action}")


@dataclass
class AccountService:
    audit: AuditLog
    balances: dict[str, int] = field(default_factory=dict)

    async def withdraw(self, user: str, amount: int) -> int:
        balance = self.balances.get(user, 0)
        if amount > balance:
            raise ValueError("insufficient funds")
        self.balances[user] = balance - amount
        self.audit.record(user, f"withdrew {amount}")
        return self.balances[user]


async def main() -> None:
    service = AccountService(AuditLog(), {"ada": 100})
    left = await service.withdraw("ada", 30)
    print(left, service.audit.entries)


if __name__ == "__main__":
    asyncio.run(main())
