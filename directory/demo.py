"""Demo people and organisations. Idempotent: keyed by e-mail and slug."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from .models import Organisation, Profile

DEMO_PASSWORD = "ospo-demo-2026"

ORGANISATIONS = [
    # (slug, name, kind, has_ospo, website, description)
    ("ministerie-van-binnenlandse-zaken", "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
     "ministry", True, "https://www.rijksoverheid.nl/ministeries/ministerie-van-binnenlandse-zaken-en-koninkrijksrelaties",
     "Het ministerie coördineert het open source-beleid van de Rijksoverheid en ondersteunt de community of "
     "practice rond open source werken."),
    ("gemeente-amsterdam", "Gemeente Amsterdam", "municipality", True, "https://www.amsterdam.nl",
     "Amsterdam publiceert veel van haar software openlijk en deelt ervaring met andere gemeenten."),
    ("vng", "Vereniging van Nederlandse Gemeenten", "other", False, "https://vng.nl",
     "De VNG ondersteunt gemeenten bij gezamenlijke digitale voorzieningen en standaarden."),
]

USERS = [
    # (email, display_name, is_staff, is_superuser, is_expert, expertise, org slug)
    ("admin@ospo-nl.example", "Beheerder", True, True, False, [], None),
    ("curator@ospo-nl.example", "Carla Curator", True, False, False, [], None),
    ("expert.licenties@ospo-nl.example", "Eva Expert", False, False, True, ["licenties", "eupl", "wetgeving"],
     "ministerie-van-binnenlandse-zaken"),
    ("expert.inkoop@ospo-nl.example", "Erik Inkoop", False, False, True, ["inkoop", "aanbesteden"], "vng"),
    ("lid@ospo-nl.example", "Mirjam Lid", False, False, False, [], "gemeente-amsterdam"),
]


def load(stdout):
    for slug, name, kind, has_ospo, website, description in ORGANISATIONS:
        Organisation.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "kind": kind, "has_ospo": has_ospo, "website": website,
                      "description": description, "is_published": True},
        )
    User = get_user_model()
    for email, display_name, is_staff, is_superuser, is_expert, expertise, org_slug in USERS:
        user, created = User.objects.get_or_create(
            username=email, defaults={"email": email, "is_staff": is_staff, "is_superuser": is_superuser}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        profile, _ = Profile.objects.update_or_create(
            user=user,
            defaults={
                "display_name": display_name, "is_expert": is_expert, "is_public": is_expert,
                "organisation": Organisation.objects.filter(slug=org_slug).first(),
            },
        )
        profile.expertise.set(expertise)
    stdout.write(f"directory: {len(ORGANISATIONS)} organisations, {len(USERS)} users")
