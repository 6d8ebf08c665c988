"""The supervised worker: a task whose worker was killed is finished afterwards; hopeless ones are marked failed."""

import signal
import time
from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from ospo_nl.core.task_recovery import recover_orphaned_tasks
from tests.ops.processes import app_env, start, stop
from tests.ops.tasks_for_tests import hangs_the_first_time


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def test_a_task_whose_worker_was_killed_is_finished_afterwards(postgres_only, transactional_db, database_queue,
                                                                tmp_path):
    marker = tmp_path / "started"
    result = hangs_the_first_time.enqueue(str(marker))
    env = app_env(TASK_RUNNING_TIMEOUT="2", WORKER_HEARTBEAT_FILE=str(tmp_path / "alive"))

    worker = start("run_worker", "--no-startup-delay", env=env)
    assert _wait_for(marker.exists), stop(worker)
    assert DBTaskResult.objects.get(pk=result.id).status == "RUNNING"
    assert (tmp_path / "alive").exists()  # the heartbeat the compose healthcheck reads
    stop(worker, sig=signal.SIGKILL)  # the OOM killer, a lost node: no chance to record anything
    time.sleep(2.5)
    assert DBTaskResult.objects.get(pk=result.id).status == "RUNNING"  # and nothing upstream would change that

    # The next worker (the restart policy's, or any other) puts it back in the queue and runs it.
    successor = start("run_worker", "--no-startup-delay", "--batch", env=env)
    successor.wait(timeout=60)
    output = successor.stdout.read()
    task = DBTaskResult.objects.get(pk=result.id)
    assert task.status == "SUCCESSFUL", output
    assert task.return_value == "finished" and len(task.worker_ids) == 2


def test_a_task_still_running_within_the_timeout_is_left_alone(db, database_queue, settings):
    settings.TASK_RUNNING_TIMEOUT = 900
    result = hangs_the_first_time.enqueue("/nonexistent")
    DBTaskResult.objects.filter(pk=result.id).update(status="RUNNING", started_at=timezone.now(), worker_ids=["w1"])
    assert recover_orphaned_tasks() == (0, 0)
    assert DBTaskResult.objects.get(pk=result.id).status == "RUNNING"


def test_a_task_orphaned_on_its_last_attempt_is_marked_failed_with_the_reason(db, database_queue, settings):
    settings.TASK_RUNNING_TIMEOUT, settings.TASK_MAX_ATTEMPTS = 60, 3
    result = hangs_the_first_time.enqueue("/nonexistent")
    DBTaskResult.objects.filter(pk=result.id).update(
        status="RUNNING", started_at=timezone.now() - timedelta(minutes=5), worker_ids=["w1", "w2", "w3"])
    assert recover_orphaned_tasks() == (0, 1)
    task = DBTaskResult.objects.get(pk=result.id)
    assert task.status == "FAILED" and "workers were lost" in task.traceback and task.finished_at
