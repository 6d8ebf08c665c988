"""A tiny OpenID Connect provider (django-oauth-toolkit) for the sign-in tests: its own Django project, run as a
subprocess on a free port by `tests/e2e/test_oidc_sign_in.py`, never imported by the site's tests themselves.

Settings from the environment: OIDC_PROVIDER_DIR (SQLite database and RSA key, a temporary folder).
`manage.py`-style commands: `python -m django migrate`, `setup_provider` (a client and users), `runserver`.
"""
