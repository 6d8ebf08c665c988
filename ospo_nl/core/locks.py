"""PostgreSQL advisory locks: one holder at a time across every process, node and replica.

A session-level lock, held by this thread's database connection for the duration of the block and released
at its end; if the process dies, PostgreSQL releases it with the connection, so a crashed holder never
leaves it stuck. Session- rather than transaction-level because the work inside commits on its own (mail
claims must be committed before each send). On SQLite, the single-machine default, there is no other node
to exclude: the block simply runs.
"""

import zlib
from contextlib import contextmanager

from django.db import DatabaseError, connection

NAMESPACE = 0x05B0  # first key of the two-key form: ours, so other users of advisory locks cannot collide


def lock_key(name):
    """A stable 32-bit signed key for `name` (the same on every node and Python version, unlike hash())."""
    value = zlib.crc32(name.encode())
    return value - 2**32 if value >= 2**31 else value


@contextmanager
def advisory_lock(name):
    """Yields True when this process holds the lock named `name`, False when another one does (no waiting)."""
    if connection.vendor != "postgresql":
        yield True
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [NAMESPACE, lock_key(name)])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            try:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [NAMESPACE, lock_key(name)])
            except DatabaseError:  # the connection is gone, and the lock went with it
                pass
