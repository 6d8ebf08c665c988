import json

from django.contrib.auth.models import Group, User
from django.core.management.base import BaseCommand
from oauth2_provider.models import Application

from tests.e2e.oidc_provider.validator import UNVERIFIED_GROUP


class Command(BaseCommand):
    help = "Register the site as a client and create the provider's users (JSON list on --users)."

    def add_arguments(self, parser):
        parser.add_argument("--client-id", required=True)
        parser.add_argument("--secret", required=True)
        parser.add_argument("--redirect-uri", required=True)
        parser.add_argument("--users", required=True,
                            help='[{"username", "password", "email", "first_name", "last_name", "email_verified"}]')

    def handle(self, *, client_id, secret, redirect_uri, users, **options):
        Application.objects.create(
            name="OSPO-NL", client_id=client_id, client_secret=secret, redirect_uris=redirect_uri,
            client_type=Application.CLIENT_CONFIDENTIAL, authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
            algorithm=Application.RS256_ALGORITHM, skip_authorization=True,
        )
        unverified = Group.objects.create(name=UNVERIFIED_GROUP)
        for spec in json.loads(users):
            user = User.objects.create_user(spec["username"], spec["email"], spec["password"],
                                            first_name=spec.get("first_name", ""), last_name=spec.get("last_name", ""))
            if not spec.get("email_verified", True):
                user.groups.add(unverified)
        self.stdout.write(f"client {client_id}, {len(json.loads(users))} users")
