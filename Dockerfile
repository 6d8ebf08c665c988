FROM python:3.12-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
RUN apt-get update && apt-get install -y --no-install-recommends gettext && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN pip install --no-cache-dir . \
 && SECRET_KEY=build DEBUG=0 python manage.py compilemessages --ignore=.venv -v 0 \
 && SECRET_KEY=build DEBUG=0 python manage.py collectstatic --no-input -v 0
EXPOSE 8000
CMD ["gunicorn", "ospo_nl.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
