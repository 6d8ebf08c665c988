"""Our own commands as separate processes on the test database (committed rows: transactional_db)."""

import os
import signal
import subprocess
import sys
import urllib.parse

from django.conf import settings
from django.db import connection


def database_url():
    db = connection.settings_dict
    return (f"postgres://{urllib.parse.quote(db['USER'] or 'postgres')}:{urllib.parse.quote(db['PASSWORD'] or '')}"
            f"@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}")


def app_env(**extra):
    env = {**os.environ, "DATABASE_URL": database_url(), "TESTING": "1", "DEBUG": "0", "CACHE_URL": "",
           "REDIS_URL": "", "CONN_MAX_AGE": "0", "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
           "TEST_DATABASE_NAME": "", "LOG_LEVEL": "INFO"}
    env.update(extra)
    return env


def start(*args, env):
    """`manage.py <args>` in its own process group (stopped with everything it started)."""
    return subprocess.Popen([sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)


def stop(process, sig=signal.SIGTERM, timeout=20):
    """Stop the process group we started; its output."""
    if process.poll() is None:
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
    return process.stdout.read()
