"""The periodic jobs and when they run (Europe/Amsterdam), read by `run_scheduler` and run by `run_job`.

Each job is a management command and is idempotent on its own (digests once per period, reminders once per
casus and period, mail at most once per notification); on top of that, `run_job` holds a PostgreSQL advisory
lock per job, so two schedulers (a second replica, a manual run during a deploy) never run the same job at the
same moment: the second one skips it and says so.
"""

import logging
from dataclasses import dataclass

from django.core.management import call_command

from ospo_nl.core.locks import advisory_lock

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Job:
    command: tuple
    cron: str  # minute hour day month day-of-week
    what: str


JOBS = {
    "retry_immediate": Job(("send_digests", "--period", "immediate"), "*/15 * * * *",
                           "mails again per-event mail that failed earlier"),
    "daily_digest": Job(("send_digests", "--period", "daily"), "0 7 * * *",
                        "daily digest for members who chose it (the default)"),
    "weekly_digest": Job(("send_digests", "--period", "weekly"), "0 7 * * mon", "weekly digest"),
    "remind_unanswered": Job(("remind_unanswered", "--days", "3"), "0 8 * * *",
                             "reminds curators of casussen nobody claimed for 3 days"),
    "event_reminders": Job(("send_event_reminders",), "0 9 * * *",
                           "mails everyone with a place at an event that starts tomorrow (once per member and event)"),
    "recount_casussen": Job(("recount_casussen",), "15 4 * * *",
                            "counts the casussen's counters and the list's filter counts again from the rows"),
    "prune_tasks": Job(("prune_db_task_results", "--queue-name", "*", "--min-age-days", "14"), "30 3 * * *",
                       "deletes finished background tasks older than 14 days"),
    "clear_sessions": Job(("clearsessions",), "45 3 * * *",
                          "deletes expired sessions (database sessions; Redis expires its own)"),
}


def run_job(name, *, stdout=None):
    """Run job `name` unless another process is running it: "ran" or "skipped"."""
    job = JOBS[name]
    with advisory_lock(f"job:{name}") as acquired:
        if not acquired:
            logger.info("Job %s is running elsewhere; skipped", name)
            return "skipped"
        call_command(*job.command, stdout=stdout)
    return "ran"
