import logging
import signal
from pathlib import Path

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections, connections

from ospo_nl.management.jobs import JOBS, run_job

logger = logging.getLogger(__name__)
HEARTBEAT_SECONDS = 15


def _run(name):
    # Each job runs in a pool thread with its own database connection: start from a fresh one (PostgreSQL may
    # have restarted since the last run) and close it afterwards, so an idle scheduler holds no connection.
    close_old_connections()
    try:
        logger.info("Job %s: %s", name, run_job(name))
    except Exception:  # one failing job must not stop the scheduler; the next run tries again
        logger.exception("Job %s failed", name)
    finally:
        connections.close_all()


def _heartbeat():
    Path(settings.SCHEDULER_HEARTBEAT_FILE).touch()


class Command(BaseCommand):
    help = ("Run the periodic jobs at their times (ospo_nl/management/jobs.py), in the foreground: the compose "
            "`scheduler` service. APScheduler does the timing; each run takes the job's advisory lock, so "
            "several schedulers may run. SCHEDULE_EVERY_SECONDS=N runs every job every N seconds instead "
            "(smoke tests only).")

    def handle(self, **options):
        logging.getLogger("apscheduler.scheduler").setLevel(logging.WARNING)  # not a line per job added
        scheduler = BlockingScheduler(
            timezone=settings.TIME_ZONE,
            executors={"default": ThreadPoolExecutor(max_workers=3)},
            # A run missed while the scheduler was down (a deploy) still happens when it is back within the
            # hour, once, not once per missed tick; never two of the same job in this process.
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": 3600},
        )
        every = settings.SCHEDULE_EVERY_SECONDS
        for name, job in JOBS.items():
            trigger = (IntervalTrigger(seconds=every) if every
                       else CronTrigger.from_crontab(job.cron, timezone=settings.TIME_ZONE))
            scheduler.add_job(_run, trigger, args=[name], id=name, name=name)
            self.stdout.write(f"{name}: {f'every {every} s' if every else job.cron} ({job.what})")
        # The heartbeat runs through the scheduler's own loop: a fresh file means it still dispatches jobs.
        scheduler.add_job(_heartbeat, IntervalTrigger(seconds=HEARTBEAT_SECONDS), id="heartbeat")
        _heartbeat()

        def stop(signum, frame):
            logger.warning("Received %s: stopping the scheduler", signal.strsignal(signum))
            scheduler.shutdown(wait=False)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        self.stdout.flush()
        scheduler.start()
