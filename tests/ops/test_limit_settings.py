"""Every limit and the proxy setting come from the environment; a malformed value stops the start."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from ospo_nl.settings import env_networks, env_rates

ROOT = Path(__file__).resolve().parents[2]


def test_rates_read_allauths_notation_for_several_actions(monkeypatch):
    monkeypatch.setenv("OSPO_RATES", "post=20/h/member, 5/h/new,400/2h/ip; vote=30/5m/member;comment=")
    assert env_rates("OSPO_RATES", per=("member", "new", "ip")) == {
        "post": [(20, 3600, "member"), (5, 3600, "new"), (400, 7200, "ip")],
        "vote": [(30, 300, "member")],
        "comment": [],
    }


@pytest.mark.parametrize("value", ["post=20/h", "post=20/hour/member", "post=x/h/member", "post=20/h/user",
                                   "20/h/member"])
def test_a_malformed_rate_stops_the_start_with_the_variables_name(monkeypatch, value):
    monkeypatch.setenv("OSPO_RATES", value)
    with pytest.raises(ImproperlyConfigured, match="OSPO_RATES"):
        env_rates("OSPO_RATES", per=("member", "new", "ip"))


def test_trusted_proxies_are_addresses_or_networks(monkeypatch):
    monkeypatch.setenv("OSPO_PROXIES", "172.16.0.0/12, 10.1.2.3,::1")
    assert env_networks("OSPO_PROXIES") == ["172.16.0.0/12", "10.1.2.3/32", "::1/128"]
    monkeypatch.setenv("OSPO_PROXIES", "172.16.0.0/12,loadbalancer")
    with pytest.raises(ImproperlyConfigured, match="OSPO_PROXIES: 'loadbalancer'"):
        env_networks("OSPO_PROXIES")


def _settings_in_a_fresh_process(**env):
    code = ("from django.conf import settings; import django; django.setup(); "
            "from ospo_nl.moderation import ratelimit; "
            "print(settings.RATELIMITS, settings.ACCOUNT_RATE_LIMITS, settings.TRUSTED_PROXIES, "
            "settings.RATELIMIT_IP_HEADER, ratelimit.limits_for('post'), sep='|')")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env={**os.environ, "DJANGO_SETTINGS_MODULE": "ospo_nl.settings", "TESTING": "1", **env})


def test_the_environment_reaches_our_limits_and_allauths():
    result = _settings_in_a_fresh_process(RATELIMITS="post=7/m/member", ACCOUNT_RATE_LIMITS="login=60/m/ip",
                                          TRUSTED_PROXIES="10.0.0.0/8", RATELIMIT_IP_HEADER="X-Real-IP")
    assert result.returncode == 0, result.stderr
    ours, allauths, proxies, header, post = result.stdout.strip().split("|")
    assert ours == "{'post': {'member': (7, 60)}}"
    assert "'login_failed': '5/5m/key'" in allauths and "'login': '60/60s/ip'" in allauths
    assert proxies == "['10.0.0.0/8']" and header == "HTTP_X_REAL_IP"
    assert post == "{'member': (7, 60), 'new': (5, 3600), 'ip': (40, 3600)}"


def test_an_unknown_scope_in_ratelimits_stops_the_start():
    result = _settings_in_a_fresh_process(RATELIMITS="posts=7/m/member")
    assert result.returncode != 0 and "unknown scopes ['posts']" in result.stderr
