"""docker-compose.yml, Dockerfile and .dockerignore: the topology the issue asks for, and valid for compose."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
LONG_RUNNING = {"db", "redis", "minio", "web", "web-replica", "lb", "worker", "scheduler", "mail"}
ONE_SHOT = {"migrate", "minio-bucket"}


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]


def test_every_long_running_service_restarts_and_has_a_healthcheck(compose):
    assert set(compose) == LONG_RUNNING | ONE_SHOT
    for name in LONG_RUNNING:
        assert compose[name].get("restart") == "unless-stopped", name
        assert compose[name].get("healthcheck", {}).get("test"), name
    for name in ONE_SHOT:
        assert compose[name].get("restart") == "no", name


def test_web_worker_and_scheduler_wait_for_the_one_shot_migrate(compose):
    assert compose["migrate"]["command"] == "python manage.py migrate --no-input"
    for name in ("web", "web-replica", "worker", "scheduler"):
        assert compose[name]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}, name
        assert "migrate" not in compose[name]["command"], name  # migrations run once, in migrate
    assert "migrate" not in compose["migrate"]["depends_on"]


def test_the_app_services_share_media_through_the_object_store(compose):
    for name in ("web", "worker", "scheduler", "migrate"):
        env = compose[name]["environment"]
        assert env["MEDIA_STORAGE"] == "s3" and env["MEDIA_S3_ENDPOINT_URL"] == "http://minio:9000", name
        assert "volumes" not in compose[name], name  # nothing on a node's own disk


def test_the_image_runs_as_an_unprivileged_user_and_leaves_local_state_out():
    dockerfile = (ROOT / "Dockerfile").read_text().splitlines()
    users = [line.split()[1] for line in dockerfile if line.startswith("USER ")]
    assert users and users[-1] not in {"root", "0"}
    assert dockerfile.index(next(line for line in dockerfile if line.startswith("USER "))) > dockerfile.index(
        "COPY . .")
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".git", ".venv", "db.sqlite3", "media", "staticfiles", ".env"} <= ignored


def _compose_command():
    docker = shutil.which("docker")
    if docker and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0:
        return [docker, "compose"]
    if shutil.which("docker-compose"):
        return [shutil.which("docker-compose")]
    return None


def test_docker_compose_config_is_valid():
    command = _compose_command()
    if command is None:
        pytest.skip("neither the docker compose plugin nor docker-compose is installed (`make compose` "
                    "installs Debian's docker-compose); the checks above still ran")
    env = {**os.environ, "SECRET_KEY": "only-for-config"}
    for profile in ([], ["--profile", "scale"]):
        result = subprocess.run([*command, "-f", str(ROOT / "docker-compose.yml"), *profile, "config", "-q"],
                                cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
    missing = subprocess.run([*command, "-f", str(ROOT / "docker-compose.yml"), "config", "-q"], cwd=ROOT,
                             env={k: v for k, v in os.environ.items() if k != "SECRET_KEY"}, capture_output=True,
                             text=True, timeout=60)
    assert missing.returncode != 0 and "SECRET_KEY" in missing.stderr  # the file refuses to start without one
