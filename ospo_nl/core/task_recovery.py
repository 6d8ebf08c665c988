"""Tasks of the database queue (django-tasks-db) that no worker will finish by itself.

A worker that is killed (OOM, a lost node, `docker kill`) leaves the task it was running RUNNING forever:
nothing in django-tasks-db looks at it again. After `settings.TASK_RUNNING_TIMEOUT` seconds a RUNNING
task is taken to be orphaned: it goes back to READY, to be picked up again, until it has been tried
`settings.TASK_MAX_ATTEMPTS` times (each claim by a worker adds its id to `worker_ids`); then it is
marked FAILED with the reason. Running a task again is safe here because our tasks are: mail goes out at
most once per notification (ospo_nl.notifications.mail). The timeout must be longer than any task runs.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

READY, RUNNING, FAILED = "READY", "RUNNING", "FAILED"


def _fail(tasks, reason, now):
    return tasks.update(status=FAILED, finished_at=now, return_value=None,
                        exception_class_path="ospo_nl.core.task_recovery.Orphaned", traceback=reason)


def recover_orphaned_tasks(*, now=None):
    """Requeue or fail RUNNING tasks older than the timeout; returns (requeued, failed)."""
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.TASK_RUNNING_TIMEOUT)
    requeued = failed = 0
    with transaction.atomic():
        # skip_locked: a worker that is alive holds no lock on a RUNNING row, but a second recovery run does.
        stale = list(DBTaskResult.objects.select_for_update(skip_locked=True)
                     .filter(status=RUNNING, started_at__lt=cutoff).only("id", "worker_ids"))
        for task in stale:
            if len(task.worker_ids) >= settings.TASK_MAX_ATTEMPTS:
                failed += _fail(DBTaskResult.objects.filter(pk=task.pk),
                                f"Still RUNNING after {settings.TASK_RUNNING_TIMEOUT} s on its "
                                f"{len(task.worker_ids)}th attempt: its workers were lost.", now)
            else:
                requeued += DBTaskResult.objects.filter(pk=task.pk).update(status=READY, started_at=None)
    if requeued or failed:
        logger.warning("Orphaned tasks: %d put back in the queue, %d marked failed", requeued, failed)
    return requeued, failed


def settle_queued_tasks(*, reason, now=None):
    """Mark every READY or RUNNING task FAILED with `reason` (after a restore: they belong to the past)."""
    return _fail(DBTaskResult.objects.filter(status__in=[READY, RUNNING]), reason, now or timezone.now())

