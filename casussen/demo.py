"""Demo casussen with expert answers. Idempotent: casussen keyed by slug, answers by casus and author."""

from datetime import timedelta
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from ospo_nl.core.following import follow

from .models import Answer, Casus, Comment, Vote, organisations

LID = "lid@ospo-nl.example"
LICENTIES = "expert.licenties@ospo-nl.example"
INKOOP = "expert.inkoop@ospo-nl.example"
CURATOR = "curator@ospo-nl.example"

CASUSSEN = [
    {
        "slug": "welke-open-source-licentie-kiezen-we-voor-onze-gemeentelijke-app",
        "title": "Welke open source-licentie kiezen we voor onze gemeentelijke app?",
        "author": LID, "organisation": "gemeente-amsterdam", "hide_organisation": False,
        "phase": "publishing", "visibility": "public", "status": "resolved", "days_ago": 40,
        "tags": ["licenties", "eupl"],
        "body": (
            "Wij hebben met een leverancier een app laten bouwen waarmee inwoners meldingen over de openbare "
            "ruimte doen. We willen de broncode openbaar maken, zodat andere gemeenten hem kunnen hergebruiken.\n\n"
            "**Vraag:** welke licentie kiezen we, en moeten we rekening houden met de licenties van de "
            "gebruikte bibliotheken?"
        ),
        "tried": "We hebben gekeken naar MIT, Apache-2.0 en de EUPL, maar weten niet wat past bij een overheid.",
        "desired_outcome": "Een onderbouwd besluit over de licentie dat we aan de directie kunnen voorleggen.",
        "lessons": (
            "- De **EUPL-1.2** is geschreven voor overheden, geldt in alle EU-talen en is verenigbaar met de "
            "meeste andere open source-licenties.\n"
            "- Laat de leverancier bij oplevering een lijst van gebruikte bibliotheken en hun licenties "
            "meeleveren (een SBOM).\n"
            "- Leg de licentiekeuze vast in het contract, niet pas bij publicatie."
        ),
        "answers": [
            {
                "author": LICENTIES, "accepted": True, "votes": [LID, INKOOP],
                "body": (
                    "Voor software van de overheid raad ik de **EUPL-1.2** aan. Die is door de Europese Commissie "
                    "opgesteld, juridisch getoetst in alle EU-talen en heeft een lijst van verenigbare licenties, "
                    "zodat je code kunt combineren met bijvoorbeeld GPL- of MPL-code.\n\n"
                    "Controleer wel de licenties van de bibliotheken die de app gebruikt: een tool als "
                    "`reuse lint` of een SBOM-generator helpt daarbij. Zie ook de "
                    "[Rijksrichtlijn open source](https://www.rijksoverheid.nl/)."
                ),
                "comments": [(LID, "Dank! Geldt de EUPL ook voor de documentatie, of kiezen we daar iets anders?"),
                             (LICENTIES, "Voor documentatie is CC BY 4.0 gebruikelijk; de EUPL is voor code.")],
            },
        ],
        "comments": [(INKOOP, "Goede vraag. Leg het ook vast in de volgende aanbesteding, dat scheelt gedoe.")],
    },
    {
        "slug": "hoe-publiceren-we-de-broncode-van-onze-gemeente-veilig",
        "title": "Hoe publiceren we de broncode van onze gemeente veilig?",
        "author": LID, "organisation": "gemeente-amsterdam", "hide_organisation": True,
        "phase": "publishing", "visibility": "public", "status": "answered", "days_ago": 12,
        "tags": ["publiceren", "git", "beveiliging"],
        "body": (
            "Ons team wil de code van een intern dashboard openbaar maken op GitLab. De security officer vreest "
            "dat er wachtwoorden of interne adressen in de geschiedenis van de repository staan.\n\n"
            "Hoe pakken andere organisaties dat aan?"
        ),
        "tried": "Een handmatige controle van de huidige bestanden; de git-geschiedenis hebben we niet bekeken.",
        "desired_outcome": "Een stappenplan dat de security officer kan goedkeuren.",
        "answers": [
            {
                "author": LICENTIES, "votes": [LID],
                "body": (
                    "1. Scan de volledige geschiedenis met een secret scanner (bijvoorbeeld gitleaks).\n"
                    "2. Vind je iets: roteer het geheim eerst, herschrijf daarna pas de geschiedenis — of "
                    "publiceer een schone nieuwe repository zonder geschiedenis.\n"
                    "3. Zet de scanner daarna in de CI, zodat het niet opnieuw gebeurt.\n"
                    "4. Voeg een `SECURITY.md` toe met een meldpunt voor kwetsbaarheden."
                ),
                "comments": [],
            },
        ],
        "comments": [(CURATOR, "Zie ook de handreiking 'Open tenzij' van de Rijksoverheid over publiceren.")],
    },
    {
        "slug": "open-source-aanbesteden-zonder-een-leverancier-te-bevoordelen",
        "title": "Open source aanbesteden zonder één leverancier te bevoordelen?",
        "author": LID, "organisation": "vng", "hide_organisation": False,
        "phase": "procurement", "visibility": "public", "status": "claimed", "days_ago": 5, "claimed_by": INKOOP,
        "tags": ["inkoop", "aanbesteden"],
        "body": (
            "We willen een zaaksysteem aanschaffen en geven de voorkeur aan open source. Mogen we in de "
            "aanbesteding een open source-product bij naam noemen, of is dat in strijd met de regels?"
        ),
        "tried": "Het inkoopbeleid gelezen; daar staat alleen 'open, tenzij'.",
        "desired_outcome": "Eisen voor het bestek die juridisch houdbaar zijn.",
        "answers": [],
        "comments": [(INKOOP, "Ik pak deze op. Vraag alvast: gaat het om de licentie of ook om de dienstverlening?")],
    },
    {
        "slug": "valt-broncode-onder-de-woo",
        "title": "Valt broncode onder de Woo en moeten we die op verzoek openbaar maken?",
        "author": LID, "organisation": "gemeente-amsterdam", "hide_organisation": True,
        "phase": "maintenance", "visibility": "members", "status": "answered", "days_ago": 20,
        "tags": ["woo", "wetgeving"],
        "body": (
            "Een journalist heeft met een beroep op de Wet open overheid (Woo) om de broncode van ons "
            "parkeersysteem gevraagd. Is broncode een 'document' in de zin van de Woo?"
        ),
        "tried": "",
        "desired_outcome": "Weten of we moeten publiceren en welke uitzonderingen gelden.",
        "answers": [
            {
                "author": LICENTIES, "votes": [],
                "body": (
                    "Ja: broncode die de gemeente onder zich heeft, geldt in de rechtspraak als document. De "
                    "uitzonderingsgronden van de Woo blijven van toepassing, bijvoorbeeld voor beveiliging. "
                    "Vaak is het verstandig de code direct proactief te publiceren, met uitzondering van "
                    "configuratie en geheimen."
                ),
                "comments": [],
            },
        ],
        "comments": [],
    },
    {
        "slug": "kwetsbaarheid-in-gedeelde-component-hoe-melden",
        "title": "Kwetsbaarheid gevonden in een gedeelde component: hoe melden we dat?",
        "author": LID, "organisation": None, "hide_organisation": False,
        "phase": "maintenance", "visibility": "experts", "status": "new", "days_ago": 1,
        "tags": ["beveiliging"],
        "body": "We vonden een kwetsbaarheid in een component die meerdere gemeenten gebruiken. Wie melden we dat?",
        "tried": "", "desired_outcome": "Een gecoördineerde melding.",
        "answers": [], "comments": [],
    },
]


def load(stdout):
    users = {u.username: u for u in get_user_model().objects.filter(username__in=[LID, LICENTIES, INKOOP, CURATOR])}
    now = timezone.now()
    for spec in CASUSSEN:
        author = users[spec["author"]]
        when = now - timedelta(days=spec["days_ago"])
        casus, _created = Casus.objects.update_or_create(
            slug=spec["slug"],
            defaults={
                "title": spec["title"], "author": author, "body": spec["body"], "tried": spec["tried"],
                "desired_outcome": spec["desired_outcome"], "phase": spec["phase"],
                "organisation": organisations().filter(slug=spec["organisation"]).first(),
                "hide_organisation": spec["hide_organisation"], "visibility": spec["visibility"],
                "status": spec["status"], "lessons_learned": spec.get("lessons", ""),
                "claimed_by": users.get(spec.get("claimed_by")), "last_activity_at": when,
            },
        )
        casus.tags.set(spec["tags"])
        follow(author, casus)
        for n, answer_spec in enumerate(spec["answers"], start=1):
            expert = users[answer_spec["author"]]
            answer, _ = Answer.objects.update_or_create(
                casus=casus, author=expert,
                defaults={"body": answer_spec["body"], "is_accepted": answer_spec.get("accepted", False),
                          "accepted_at": when + timedelta(days=n + 1) if answer_spec.get("accepted") else None},
            )
            Answer.objects.filter(pk=answer.pk).update(created_at=when + timedelta(days=n))
            for voter in answer_spec["votes"]:
                Vote.objects.update_or_create(user=users[voter], answer=answer, defaults={"value": 1})
            for commenter, body in answer_spec["comments"]:
                Comment.objects.get_or_create(casus=casus, answer=answer, author=users[commenter], body=body)
            follow(expert, casus)
        for commenter, body in spec["comments"]:
            Comment.objects.get_or_create(casus=casus, answer=None, author=users[commenter], body=body)
        resolved_at = when + timedelta(days=len(spec["answers"]) + 2) if spec["status"] == "resolved" else None
        Casus.objects.filter(pk=casus.pk).update(created_at=when, resolved_at=resolved_at)
    # Counters and last activity from the rows just written: the same code that repairs them.
    call_command("recount_casussen", stdout=StringIO())
    stdout.write(f"casussen: {len(CASUSSEN)} casussen")
