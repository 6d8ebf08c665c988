import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run_check(extra_env, *args):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "TESTING"}}
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", "check", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_production_without_secret_key_refuses_to_start_with_a_clear_message():
    result = _run_check({"DEBUG": "0"})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = _run_check(
        {
            "DEBUG": "0",
            "SECRET_KEY": "x" * 20 + "a-long-random-production-secret-key-1234567890",
            "ALLOWED_HOSTS": "ospo-nl.example",
            "SITE_URL": "https://ospo-nl.example",
        },
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stdout + result.stderr
