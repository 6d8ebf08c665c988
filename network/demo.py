"""Demo meetings, a partner's event and signals. Idempotent: events and signals keyed by slug.

The past meeting's report links a casus and an article found through the search index (the network app imports
neither app), so run after the casussen and kennisbank demos.
"""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from ospo_nl.search.models import SearchEntry

from .models import Event, EventLink, Registration, Signal

CURATOR = "curator@ospo-nl.example"
LID = "lid@ospo-nl.example"
LICENTIES = "expert.licenties@ospo-nl.example"
INKOOP = "expert.inkoop@ospo-nl.example"


def _at(days, hour, minute=0):
    """A moment `days` from today at `hour`:`minute` Dutch time (so the demo always has a past and a future)."""
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


EVENTS = [
    {
        "slug": "netwerkbijeenkomst-het-manifest", "kind": "meeting", "days": 21, "hours": (15, 18), "capacity": 3,
        "title": "Netwerkbijeenkomst: het manifest", "subject": "het manifest",
        "location": "Beatrixgebouw, Wijnhaven 16, Den Haag", "online_url": "",
        "agenda": ("1. Welkom en voorstelronde\n2. **Het manifest**: waar staan we, wie tekent er nog?\n"
                   "3. Casussen uit het netwerk: licenties en inkoop\n4. Afsluiting en borrel"),
        "registrations": [(LID, "confirmed"), (LICENTIES, "confirmed"), (INKOOP, "confirmed"), (CURATOR, "waiting")],
    },
    {
        "slug": "online-sessie-open-source-inkopen", "kind": "meeting", "days": 45, "hours": (12, 13), "capacity": None,
        "title": "Online sessie: open source inkopen", "subject": "inkoop en aanbesteden",
        "location": "", "online_url": "https://meet.example.org/ospo-nl-inkoop",
        "agenda": "Een lunchsessie over open source in aanbestedingen: eisen, gunningscriteria en modelcontracten.",
        "registrations": [(LID, "confirmed")],
    },
    {
        "slug": "open-source-congres-partner", "kind": "partner", "days": 60, "hours": (9, 17), "capacity": None,
        "title": "Open source congres van een netwerkpartner", "subject": "open source in de publieke sector",
        "location": "Jaarbeurs, Utrecht", "online_url": "", "registration_open": False,
        "registration_url": "https://example.org/congres/aanmelden", "organiser": "Een netwerkpartner",
        "agenda": "Het kennisnetwerk is aanwezig met een stand en een sessie over de kennisbank.",
        "registrations": [],
    },
    {
        "slug": "netwerkbijeenkomst-publiceren-van-code", "kind": "meeting", "days": -70, "hours": (15, 18),
        "capacity": 30, "title": "Netwerkbijeenkomst: code publiceren", "subject": "broncode openbaar maken",
        "location": "Stadhuis, Utrecht", "online_url": "",
        "agenda": "1. Code publiceren: wat houdt je tegen?\n2. Ervaringen van twee gemeenten\n3. Afspraken",
        "report": ("We bespraken waarom publiceren vaak blijft hangen: onduidelijke licenties, angst voor "
                   "beveiligingslekken en geen eigenaar na oplevering.\n\n"
                   "**Afspraken:**\n\n- de licentiecasus wordt een kennisbankartikel;\n"
                   "- een checklist voor veilig publiceren komt in de kennisbank."),
        "registrations": [(LID, "confirmed"), (LICENTIES, "confirmed")],
    },
]

SIGNALS = [
    {"slug": "osor-jaaroverzicht-open-source-in-europa", "kind": "report", "days": 2, "by": CURATOR,
     "title": "OSOR: jaaroverzicht open source in Europese overheden", "source": "Open Source Observatory (OSOR)",
     "url": "https://interoperable-europe.ec.europa.eu/collection/open-source-observatory-osor",
     "commentary": "Een goed overzicht van wat andere lidstaten doen. Let op het deel over **OSPO's bij gemeenten**.",
     "tags": ["europa", "ospo"]},
    {"slug": "developer-overheid-nl-vernieuwd", "kind": "news", "days": 9, "by": LICENTIES,
     "title": "Developer Overheid vernieuwt het overzicht van open source van de overheid",
     "source": "developer.overheid.nl", "url": "https://developer.overheid.nl/",
     "commentary": "Handig om te zien wie al publiceert voordat je zelf begint; vindbaarheid blijft een thema.",
     "tags": ["publiceren"]},
    {"slug": "trend-sboms-in-aanbestedingen", "kind": "trend", "days": 20, "by": INKOOP,
     "title": "Steeds vaker een SBOM als eis in aanbestedingen", "source": "Netwerk van inkopers",
     "url": "https://www.pianoo.nl/",
     "commentary": "Meerdere overheden vragen nu bij oplevering een lijst van gebruikte componenten en licenties.",
     "tags": ["inkoop", "licenties"]},
]


def load(stdout):
    users = {u.email: u for u in get_user_model().objects.filter(email__in=[CURATOR, LID, LICENTIES, INKOOP])}
    curator = users.get(CURATOR)
    made = 0
    for data in EVENTS:
        if Event.objects.filter(slug=data["slug"]).exists():
            continue
        start, end = data["hours"]
        event = Event.objects.create(
            slug=data["slug"], kind=data["kind"], title=data["title"], subject=data["subject"],
            starts_at=_at(data["days"], start), ends_at=_at(data["days"], end), location=data["location"],
            online_url=data["online_url"], agenda=data["agenda"], capacity=data["capacity"],
            registration_open=data.get("registration_open", True), registration_url=data.get("registration_url", ""),
            organiser=data.get("organiser", "OSPO NL kennisnetwerk"), is_published=True, report=data.get("report", ""),
            created_by=curator,
        )
        for email, status in data["registrations"]:
            if email in users:
                Registration.objects.create(event=event, user=users[email], status=status)
        if data.get("report"):
            # What the meeting discussed: a public casus and a published article of the demo, if there.
            for position, kind in enumerate((SearchEntry.Kind.CASUS, SearchEntry.Kind.ARTICLE)):
                public = SearchEntry.objects.filter(kind=kind, audience=SearchEntry.Audience.PUBLIC)
                entry = public.order_by("pk").first()
                if entry is not None:
                    EventLink.objects.create(event=event, content_type=entry.content_type, object_id=entry.object_id,
                                             position=position)
        made += 1
    for data in SIGNALS:
        if Signal.objects.filter(slug=data["slug"]).exists():
            continue
        signal = Signal.objects.create(
            slug=data["slug"], kind=data["kind"], title=data["title"], source=data["source"], url=data["url"],
            commentary=data["commentary"], shared_by=users.get(data["by"]),
        )
        signal.tags.set(data["tags"])
        # Shared some days ago, so the list and the digest look lived in.
        Signal.objects.filter(pk=signal.pk).update(created_at=timezone.now() - timedelta(days=data["days"]))
        made += 1
    stdout.write(f"network: {made} events and signals added")
