import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ospo_nl.settings")
application = get_wsgi_application()
# What start-up loaded (modules, settings, models, URL patterns) lives as long as the worker: moved out of the
# cyclic collector's reach, a full collection no longer walks all of it between two requests (a 60-80 ms pause
# every few hundred requests; docs/performance.md).
gc.freeze()
