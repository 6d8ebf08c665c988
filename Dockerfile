FROM python:3.12-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN apt-get update && apt-get install -y --no-install-recommends gettext && rm -rf /var/lib/apt/lists/*
# An unprivileged user runs the site: a hole in the application cannot rewrite its own code or the image.
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home app
WORKDIR /app
# Dependencies first (pyproject.toml only), so a code change does not reinstall them.
COPY pyproject.toml ./
RUN pip install --no-cache-dir .
COPY . .
RUN SECRET_KEY=build DEBUG=0 python manage.py compilemessages --ignore=.venv -v 0 \
 && SECRET_KEY=build DEBUG=0 python manage.py collectstatic --no-input -v 0 \
 && mkdir -p /app/media && chown app:app /app/media
USER app
EXPOSE 8000
# The compose file names each service's command; this default is the web node's (bind and workers from the
# environment: GUNICORN_CMD_ARGS, WEB_CONCURRENCY; PORT alone also works).
CMD ["gunicorn", "ospo_nl.wsgi", "--access-logfile", "-"]
