"""A task for the worker tests: hangs on its first attempt (until its worker is killed), then finishes."""

import time
from pathlib import Path

from django.tasks import task


@task()
def hangs_the_first_time(marker):
    path = Path(marker)
    if not path.exists():
        path.write_text("started")
        time.sleep(300)
    return "finished"
