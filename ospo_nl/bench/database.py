"""The separate benchmark database: created when missing, never the dev or test database."""

import psycopg
from django.conf import settings
from django.core.management import call_command


def ensure_bench_database(stdout=None):
    """Create the (PostgreSQL, *_bench) database of DATABASE_URL if it does not exist, then migrate it."""
    from .seed import check_bench_database

    db = settings.DATABASES["default"]
    name = db["NAME"]
    if db["ENGINE"].endswith("postgresql") and str(name).endswith("_bench"):
        params = {"dbname": "postgres", "host": db.get("HOST") or None, "port": db.get("PORT") or None,
                  "user": db.get("USER") or None, "password": db.get("PASSWORD") or None}
        with psycopg.connect(**{k: v for k, v in params.items() if v}, autocommit=True) as conn:
            if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is None:
                conn.execute(f'CREATE DATABASE "{name}"')
                if stdout:
                    stdout.write(f"Created database {name}")
    check_bench_database()
    call_command("migrate", interactive=False, verbosity=0)
