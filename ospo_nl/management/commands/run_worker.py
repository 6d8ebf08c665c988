import logging
import time
from pathlib import Path

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands import db_worker

from ospo_nl.core.task_recovery import recover_orphaned_tasks

logger = logging.getLogger("django_tasks_db")
HEARTBEAT_EVERY, RECOVER_EVERY, MAX_BACKOFF = 5, 60, 30


class SupervisedWorker(db_worker.Worker):
    """django-tasks-db's worker, beating a heartbeat and putting orphaned tasks back while it loops."""

    _last_beat = _last_recovery = 0.0
    _in_signal_handler = False

    # The upstream loop reads `self.running` at least once per round (`while self.running:`), also when idle:
    # the one place to hook into its loop without copying it. Cheap: a touch and a query at most every few s.
    # Not from the signal handler, which also reads it: it may interrupt a query on the same connection.
    @property
    def running(self):
        now = time.monotonic()
        if self._in_signal_handler:
            return self._running
        if now - self._last_beat >= HEARTBEAT_EVERY:
            Path(settings.WORKER_HEARTBEAT_FILE).touch()
            self._last_beat = now
        if now - self._last_recovery >= RECOVER_EVERY:
            self._last_recovery = now
            recover_orphaned_tasks()
        return self._running

    @running.setter
    def running(self, value):
        self._running = value

    def shutdown(self, signum, frame):
        self._in_signal_handler = True
        try:
            super().shutdown(signum, frame)
        finally:
            self._in_signal_handler = False


class Command(db_worker.Command):
    help = (
        "The background worker (the compose `worker` service): django-tasks-db's db_worker, with the same "
        "options, that survives the database going away (it waits, reconnects and goes on instead of exiting), "
        "beats a heartbeat for the healthcheck (WORKER_HEARTBEAT_FILE) and, at its start and every minute, "
        "puts tasks left RUNNING by a dead worker back in the queue (TASK_RUNNING_TIMEOUT, TASK_MAX_ATTEMPTS)."
    )

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay, max_tasks, worker_id,
               exclude_queues, **options):
        self.configure_logging(verbosity)
        worker = SupervisedWorker(
            queue_names=queue_name.split(","), interval=interval, batch=batch, backend_name=backend_name,
            startup_delay=startup_delay, max_tasks=max_tasks, worker_id=worker_id,
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
        )
        worker.configure_signals()
        backoff, last_error = 1, 0.0
        while True:
            try:
                worker.run()
                return
            except (OperationalError, InterfaceError) as error:
                # PostgreSQL restarting or unreachable. A task that was running stays RUNNING and is put back
                # after TASK_RUNNING_TIMEOUT; the worker waits and goes on (SIGTERM still stops it at once).
                if time.monotonic() - last_error > 5 * MAX_BACKOFF:
                    backoff = 1  # a new outage, not the same one going on
                last_error = time.monotonic()
                logger.warning("Database unavailable (%s); trying again in %d s", str(error).strip(), backoff)
                connections.close_all()
                time.sleep(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF)
                worker._last_recovery = 0.0  # recover first thing after reconnecting
