"""Password hashing: Argon2id with the OWASP Password Storage Cheat Sheet's first configuration (19 MiB of
memory, 2 passes, 1 lane) instead of Django's (100 MiB, 2 passes, 8 lanes).

Both are memory-hard Argon2id; OWASP lists its configurations as equally strong against guessing. Django's
costs about 250 ms of CPU per sign-in on a 2-core machine, spread over both cores; this one about 30 ms on
one: at a sign-in per few hundred page views that was a tenth of the workers' time (docs/performance.md,
"Under mixed load"). The algorithm name stays "argon2", so hashes made with other parameters still verify and
are rewritten with these at the member's next sign-in (Django's `must_update`).
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class OwaspArgon2PasswordHasher(Argon2PasswordHasher):
    memory_cost = 19 * 1024  # KiB
    time_cost = 2
    parallelism = 1
