import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _run_check(extra_env, *args):
    # The environment of a production start: none of the test run's own switches (the browser tests set
    # DJANGO_ALLOW_ASYNC_UNSAFE while their browser runs, which `check --deploy` rightly refuses).
    unset = {"SECRET_KEY", "DEBUG", "TESTING", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
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
            "OPERATOR_CONTACT_EMAIL": "contact@ospo-nl.nl",
        },
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_yes_no_setting_that_is_not_one_stops_the_start_with_its_name():
    result = _run_check({"DEBUG": "ture"})
    assert result.returncode != 0
    assert "DEBUG='ture' is not a yes/no value" in result.stderr


def test_env_bool_reads_every_spelling_of_yes_and_no(monkeypatch):
    import pytest
    from django.core.exceptions import ImproperlyConfigured

    from ospo_nl.settings import env_bool, env_int

    for value, expected in [("1", True), ("TRUE", True), (" yes ", True), ("on", True),
                            ("0", False), ("False", False), ("no", False), ("off", False), ("", False)]:
        monkeypatch.setenv("OSPO_FLAG", value)
        assert env_bool("OSPO_FLAG", default=not expected) is expected, value
    monkeypatch.delenv("OSPO_FLAG")
    assert env_bool("OSPO_FLAG", default=True) is True
    monkeypatch.setenv("OSPO_FLAG", "ja")
    with pytest.raises(ImproperlyConfigured, match="OSPO_FLAG='ja'"):
        env_bool("OSPO_FLAG")
    monkeypatch.setenv("OSPO_NUMBER", "60s")
    with pytest.raises(ImproperlyConfigured, match="OSPO_NUMBER='60s' is not a whole number"):
        env_int("OSPO_NUMBER", 5)
    monkeypatch.setenv("OSPO_NUMBER", " 42 ")
    assert env_int("OSPO_NUMBER", 5) == 42


@pytest.mark.django_db
def test_postgres_plans_every_prepared_statement_for_its_own_parameters():
    """A prepared statement never falls back to PostgreSQL's generic plan (a full-text search took 183 ms
    instead of 32 with it): only its parsing is saved."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    options = connection.settings_dict["OPTIONS"]
    assert options["server_side_binding"] is True and options["prepare_threshold"] == 2
    with connection.cursor() as cursor:
        cursor.execute("SHOW plan_cache_mode")
        assert cursor.fetchone()[0] == "force_custom_plan"


def test_production_hashes_passwords_with_argon2_and_still_verifies_pbkdf2_hashes():
    script = (
        "import django; django.setup()\n"
        "from django.contrib.auth.hashers import check_password, get_hasher, identify_hasher, make_password\n"
        "old = make_password('correct horse battery', hasher='pbkdf2_sha256')\n"
        "upgraded = []\n"
        "assert check_password('correct horse battery', old, setter=upgraded.append)\n"
        "print(get_hasher().algorithm, identify_hasher(make_password('x' * 12)).algorithm, bool(upgraded))\n"
        # OWASP's parameters (ospo_nl.auth_backends); a hash with Django's Argon2 parameters is rewritten with them.
        "new = make_password('x' * 12)\n"
        "print(new.split('$')[3])\n"
        "from django.contrib.auth.hashers import Argon2PasswordHasher\n"
        "django_argon2 = Argon2PasswordHasher().encode('correct horse battery', Argon2PasswordHasher().salt())\n"
        "print(django_argon2.split('$')[3])\n"
        "rewritten = []\n"
        "assert check_password('correct horse battery', django_argon2, setter=rewritten.append)\n"
        "print(bool(rewritten))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"TESTING", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update({"DEBUG": "0", "SECRET_KEY": "x" * 50, "DJANGO_SETTINGS_MODULE": "ospo_nl.settings"})
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    # New hashes are Argon2; a PBKDF2 hash from before still signs in and is rewritten (the setter runs).
    assert result.stdout.split() == ["argon2", "argon2", "True", "m=19456,t=2,p=1", "m=102400,t=2,p=8", "True"]
