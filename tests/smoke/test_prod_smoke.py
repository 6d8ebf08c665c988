"""`make prod-smoke`: the compose topology's own commands, read from docker-compose.yml, as local processes.

DEBUG off, production settings. Its own throwaway PostgreSQL cluster (it restarts that one, never the shared
server), Redis database 11 of the local Redis, moto's S3 server standing in for MinIO (MinIO's server is not
on the package registries), an SMTP sink in this process. It runs migrate once, two web nodes, the worker and
the scheduler (every job every few seconds), then: a member signs in and posts a casus, a curator uploads a
kennisbank image (the casus form has no image field), the image comes from both nodes, the expert's mail and
the member's digest arrive, PostgreSQL restarts (503 meanwhile) and the same worker process delivers the next
mail. Everything it started is stopped by its process id. Skipped unless PROD_SMOKE=1.
"""

import glob
import http.cookiejar
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
import yaml

from tests.ops.smtp_sink import free_port, smtp_sink

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = "redis://127.0.0.1:6379/11"
PASSWORD = "correct-horse-battery"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
BUCKET = "ospo-media"
SCHEDULE_EVERY = 5

pytestmark = pytest.mark.skipif(os.environ.get("PROD_SMOKE") != "1",
                                reason="the production smoke test: make prod-smoke")


# --- compose ------------------------------------------------------------------------------------------------

def interpolate(value, env):
    """Compose's variable substitution: ${VAR}, ${VAR:-default}, ${VAR-default}, ${VAR:?error}, $$."""
    def one(match):
        name, op, arg = match.group(1), match.group(2) or "", match.group(3) or ""
        current = env.get(name)
        if op.startswith("?") or op == ":?":
            if not current:
                raise AssertionError(f"compose needs {name}: {arg}")
            return current
        if op in (":-",):
            return current or arg
        if op == "-":
            return arg if current is None else current
        return current or ""

    text = re.sub(r"\$\{(\w+)(:?[-?])?([^}]*)\}", one, str(value))
    return text.replace("$$", "$")


def compose_service(name, host_env):
    service = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"][name]
    env = {key: interpolate(value, host_env) for key, value in (service.get("environment") or {}).items()}
    return shlex.split(service["command"]), env


def local_command(argv):
    """The container's programs are this virtualenv's."""
    program, *rest = argv
    if program == "python":
        return [sys.executable, *rest]
    if program == "gunicorn":
        return [sys.executable, "-m", "gunicorn", *rest]
    raise AssertionError(f"unknown program in docker-compose.yml: {program}")


# --- processes ----------------------------------------------------------------------------------------------

class Processes:
    def __init__(self, logs):
        self.logs = logs
        self.started = {}

    def start(self, name, argv, env):
        log = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        self.started[name] = (process, log)
        return process

    def stop_all(self):
        for process, log in reversed(list(self.started.values())):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait(timeout=10)
            log.close()

    def tails(self):
        return "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}"
                         for p in sorted(self.logs.glob("*.log")))


def wait_for(condition, what, seconds=60, every=0.5):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(every)
    raise AssertionError(f"timed out after {seconds} s waiting for {what}")


class Cluster:
    """A throwaway PostgreSQL cluster on its own port and data folder under /tmp."""

    def __init__(self):
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb")) or ([shutil.which("initdb")] if shutil.which(
            "initdb") else [])
        if not found:
            pytest.fail("PostgreSQL's server programs (initdb, pg_ctl) are not installed: make postgres")
        self.bin = Path(found[-1]).parent
        # Its own folder under /tmp, data and log inside: the postgres user can reach nothing of ours.
        self.root = Path(tempfile.mkdtemp(prefix="ospo_ops_smoke_pg_", dir="/tmp"))
        self.data = self.root / "data"
        self.data.mkdir(mode=0o700)
        self.log = self.root / "postgres.log"
        self.log.touch()
        self.port = free_port_from(55432)
        self.as_owner = []
        if os.getuid() == 0:  # initdb refuses root: run the cluster as the postgres user
            for path in (self.root, self.data, self.log):
                shutil.chown(path, "postgres", "postgres")
            self.as_owner = ["runuser", "-u", "postgres", "--"]

    def run(self, *argv):
        result = subprocess.run([*self.as_owner, *argv], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, f"{argv[0]}: {result.stderr}{self.log.read_text()[-2000:]}"

    def init(self):
        self.run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "-A", "trust", "--no-sync")

    def start(self):
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", str(self.log), "-w", "-o",
                 f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.data} -c fsync=off", "start")

    def stop(self):
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")

    def remove(self):
        if (self.data / "postmaster.pid").exists():
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


def free_port_from(start):
    import socket

    for port in range(start, start + 200):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
                return port
            except OSError:
                continue
    return free_port()


# --- HTTP ---------------------------------------------------------------------------------------------------

class LoopbackPolicy(http.cookiejar.DefaultCookiePolicy):
    """Secure cookies over http to 127.0.0.1, as browsers allow for loopback (SESSION_COOKIE_SECURE is on)."""

    def return_ok_secure(self, cookie, request):
        return True


class Browser:
    class _NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar(LoopbackPolicy())
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), self._NoRedirect)

    def request(self, url, data=None, headers=None):
        try:
            with self.opener.open(urllib.request.Request(url, data=data, headers=headers or {}), timeout=30) as r:
                return r.status, r.headers, r.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def token(self, url):
        status, _headers, html = self.request(url)
        assert status == 200, (url, status)
        return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1).decode()

    def post(self, url, fields, files=None, form_page=None):
        """POST `fields` to `url` with the CSRF token of the page holding the form (`form_page`, else `url`)."""
        fields = {"csrfmiddlewaretoken": self.token(form_page or url), **fields}
        if not files:
            return self.request(url, urllib.parse.urlencode(fields).encode())
        boundary = uuid.uuid4().hex
        parts = [f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode()
                 for k, v in fields.items()]
        for key, (filename, content, content_type) in files.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"; filename="{filename}"\r\n'
                         f"Content-Type: {content_type}\r\n\r\n".encode() + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request(url, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})

    def sign_in(self, base, email):
        status, headers, _ = self.post(base + "/account/login/", {"login": email, "password": PASSWORD})
        assert status == 302, f"sign-in of {email} failed ({status})"


SEED = f"""
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from directory.models import Profile
from kennisbank.models import Section
for email, name, admin, expert in [("lid@smoke.example", "Lida Lid", False, False),
                                   ("expert@smoke.example", "Erik Expert", False, True),
                                   ("curator@smoke.example", "Cora Curator", True, False)]:
    user = get_user_model().objects.create_user(username=email, email=email, password="{PASSWORD}",
                                                is_staff=admin, is_superuser=admin)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    profile = Profile.objects.create(user=user, display_name=name, is_expert=expert, is_public=expert)
    if expert:
        profile.expertise.set(["licenties"])
section = Section(slug="beheer", title="Beheer")
section.save()
print("section", section.pk)
"""


def casus(title):
    return {"title": title, "body": "Welke licentie past bij onze code?", "tried": "", "desired_outcome": "",
            "organisation": "", "phase": "publishing", "visibility": "public", "tag_string": "licenties"}


def test_the_compose_topology_runs_as_production(tmp_path):
    started_at = time.monotonic()
    import boto3
    import redis

    redis_client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    redis_client.ping()
    redis_client.flushdb()
    logs = tmp_path / "logs"
    logs.mkdir()
    cluster = Cluster()
    processes = Processes(logs)
    try:
        cluster.init()
        cluster.start()
        subprocess.run([str(cluster.bin / "createdb"), "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres",
                        "ospo_ops_smoke"], check=True, capture_output=True, timeout=60)
        s3_port = free_port()
        s3 = processes.start("s3", [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(s3_port)],
                             os.environ.copy())
        s3_url = f"http://127.0.0.1:{s3_port}"
        wait_for(lambda: s3.poll() is None and _answers(s3_url), "moto's S3 server")

        with smtp_sink() as (sink, smtp_port):
            ports = [free_port(), free_port()]
            host_env = {"SECRET_KEY": "smoke-" + "x" * 50, "SITE_URL": f"http://127.0.0.1:{ports[0]}"}
            base_env = {k: v for k, v in os.environ.items()
                        if k not in {"TESTING", "DEBUG", "DATABASE_URL", "TEST_DATABASE_NAME", "CACHE_URL",
                                     "REDIS_URL", "DJANGO_SETTINGS_MODULE"} and not k.startswith("MEDIA_")}
            # The compose addresses (db, redis, mail, minio) become the local stand-ins; nothing else changes.
            local = {"DATABASE_URL": f"postgres://postgres@127.0.0.1:{cluster.port}/ospo_ops_smoke",
                     "CACHE_URL": REDIS_URL, "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(smtp_port),
                     "MEDIA_S3_ENDPOINT_URL": s3_url, "AWS_ACCESS_KEY_ID": "smoke", "AWS_SECRET_ACCESS_KEY": "smoke",
                     "DEBUG": "0", "CONN_MAX_AGE": "60", "LOG_LEVEL": "INFO", "MAINTENANCE_RETRY_AFTER": "5",
                     "WORKER_HEARTBEAT_FILE": str(tmp_path / "worker.alive"),
                     "SCHEDULER_HEARTBEAT_FILE": str(tmp_path / "scheduler.alive")}

            def service(name, **extra):
                argv, env = compose_service(name, host_env)
                return local_command(argv), {**base_env, **env, **local, **extra}

            migrate_argv, env = service("migrate")
            boto3.client("s3", endpoint_url=s3_url, region_name="us-east-1", aws_access_key_id="smoke",
                         aws_secret_access_key="smoke").create_bucket(Bucket=env["MEDIA_S3_BUCKET"])
            assert env["DEBUG"] == "0" and env["MEDIA_STORAGE"] == "s3"
            subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"], cwd=ROOT, env=env,
                           check=True, timeout=120)
            migrate = processes.start("migrate", migrate_argv, env)
            assert migrate.wait(timeout=180) == 0, processes.tails()
            seeded = subprocess.run([sys.executable, "manage.py", "shell", "-c", SEED], cwd=ROOT, env=env,
                                    capture_output=True, text=True, timeout=120)
            assert seeded.returncode == 0, seeded.stderr
            section = re.search(r"section (\d+)", seeded.stdout).group(1)

            nodes = []
            for i, port in enumerate(ports):
                argv, env = service("web", WEB_CONCURRENCY="2")
                assert "0.0.0.0:8000" in env["GUNICORN_CMD_ARGS"]
                env["GUNICORN_CMD_ARGS"] = env["GUNICORN_CMD_ARGS"].replace("0.0.0.0:8000", f"127.0.0.1:{port}")
                processes.start(f"web{i + 1}", argv, env)
                nodes.append(f"http://127.0.0.1:{port}")
            worker = processes.start("worker", *service("worker"))
            processes.start("scheduler", *service("scheduler", SCHEDULE_EVERY_SECONDS=str(SCHEDULE_EVERY)))
            for base in nodes:
                wait_for(lambda base=base: _answers(base + "/robots.txt", 200), f"{base}", seconds=90)

            # A member posts a casus on node one; the expert is mailed by the worker.
            member = Browser()
            member.sign_in(nodes[0], "lid@smoke.example")
            status, headers, _ = member.post(nodes[0] + "/casussen/vragen/", casus("Welke licentie voor onze app?"))
            assert status == 302, processes.tails()
            casus_url = headers["Location"]
            wait_for(lambda: sink.to("expert@smoke.example"), "the expert's mail", seconds=60)
            assert "Welke licentie voor onze app?" in str(sink.to("expert@smoke.example")[0])

            # A curator uploads an image on node two; both nodes serve it, from the object store.
            curator = Browser()
            curator.sign_in(nodes[1], "curator@smoke.example")
            status, headers, _ = curator.post(nodes[1] + "/kennisbank/artikel/nieuw/", {
                "title": "Open source beheren", "kind": "background", "section": section, "order": "0",
                "summary": "", "body": "Tekst.", "tags": "", "status": "published", "last_reviewed_at": "",
                "image_caption": "Schema", "licence": "CC BY 4.0", "message": ""},
                files={"image": ("schema.png", PNG, "image/png")})
            assert status == 302, processes.tails()
            _status, _headers, page = Browser().request(nodes[1] + headers["Location"])
            image_url = re.search(rb'src="(/media/[^"]+)"', page).group(1).decode()
            for base in nodes:
                status, headers, body = Browser().request(base + image_url)
                assert (status, body, headers["Content-Type"]) == (200, PNG, "image/png"), base
                assert headers["X-Content-Type-Options"] == "nosniff"

            # The expert answers; the member's daily digest comes from the scheduler.
            expert = Browser()
            expert.sign_in(nodes[1], "expert@smoke.example")
            status, _headers, _ = expert.post(nodes[1] + casus_url + "antwoorden/", {"body": "Kies de EUPL-1.2."},
                                                form_page=nodes[1] + casus_url)
            assert status == 302, processes.tails()
            wait_for(lambda: sink.to("lid@smoke.example"), "the member's digest", seconds=60)
            assert len(sink.to("lid@smoke.example")) == 1

            # PostgreSQL restarts: the site answers 503 meanwhile, the same worker process carries on.
            cluster.stop()
            status, headers, body = Browser().request(nodes[0] + "/casussen/")
            assert status == 503 and headers["Retry-After"] == "5" and b"Even onderhoud" in body
            time.sleep(3)
            cluster.start()
            wait_for(lambda: _answers(nodes[0] + "/casussen/", 200), "the site after the restart", seconds=30)
            status, _headers, _ = member.post(nodes[0] + "/casussen/vragen/", casus("Mag de EUPL in een aanbesteding?"))
            assert status == 302, processes.tails()
            wait_for(lambda: len(sink.to("expert@smoke.example")) == 2, "the expert's mail after the restart",
                     seconds=60)
            assert worker.poll() is None, processes.tails()  # not restarted: it waited and reconnected
            assert "Database unavailable" in (logs / "worker.log").read_text()
            for name, (process, _log) in processes.started.items():
                if name != "migrate":
                    assert process.poll() is None, f"{name} exited:\n{processes.tails()}"
            print(f"prod-smoke: green in {time.monotonic() - started_at:.0f} s")
    except BaseException:
        print(processes.tails())
        raise
    finally:
        processes.stop_all()
        cluster.remove()
        redis_client.flushdb()
    assert time.monotonic() - started_at < 300


def _answers(url, status=None):
    try:
        with urllib.request.urlopen(url, timeout=3) as response:
            return status is None or response.status == status
    except urllib.error.HTTPError as error:
        return status is None or error.code == status
    except OSError:
        return False
