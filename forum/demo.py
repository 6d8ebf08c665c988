"""Demo forum: five categories with realistic topics and replies from the demo users.

Idempotent: categories by slug, topics by category and slug; an existing topic is left alone.
Written without notifications (nobody needs mail about demo content); counters are rebuilt at the end.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify

from ospo_nl.core import following
from ospo_nl.core.posts import save_new_post

from .counters import recount_topics
from .models import Category, Reply, Topic

ADMIN, CURATOR, LICENTIES, INKOOP, LID = (
    "admin@ospo-nl.example", "curator@ospo-nl.example", "expert.licenties@ospo-nl.example",
    "expert.inkoop@ospo-nl.example", "lid@ospo-nl.example",
)

CATEGORIES = [
    # (slug, name, description)
    ("beleid-en-strategie", "Beleid en strategie",
     "Open source-beleid, een OSPO opzetten, bestuurlijk draagvlak en de verhouding tot *open, tenzij*."),
    ("licenties", "Licenties",
     "EUPL, MIT, GPL en andere licenties: welke kies je, hoe combineer je ze en wat betekent dat voor hergebruik?"),
    ("inkoop", "Inkoop",
     "Open source in aanbestedingen, eisen aan leveranciers, exit-strategieën en samenwerken met andere overheden."),
    ("community", "Community",
     "Bijeenkomsten, samenwerkingsverbanden en hoe je een community rond je project opbouwt en onderhoudt."),
    ("techniek", "Techniek",
     "Code publiceren, repositories inrichten, beveiliging, SBOM's, publiccode.yml en ontwikkelstraten."),
]

# (category slug, author, days ago, pinned, locked, title, body, tags, [(author, hours later, body)])
TOPICS = [
    ("beleid-en-strategie", CURATOR, 40, True, False, "Welkom op het forum: spelregels en tips",
     "Welkom! Dit forum is voor het **delen van ervaring** met open source in de publieke sector.\n\n"
     "- Heb je een concrete vraag voor experts? Stel dan een casus.\n"
     "- Wees vriendelijk en deel bronnen waar je kunt.\n"
     "- Noem geen persoonsgegevens of vertrouwelijke informatie.",
     ["spelregels"], []),
    ("beleid-en-strategie", LID, 12, False, False, "Hoe hebben jullie bestuurlijk draagvlak voor een OSPO gekregen?",
     "Bij ons in de gemeente is er sympathie voor open source, maar nog geen budget of mandaat. "
     "Hoe hebben jullie de directie overtuigd om een OSPO in te richten? Met een businesscase, "
     "een pilot, of gewoon beginnen?",
     ["ospo", "beleid"],
     [(LICENTIES, 3, "Bij ons hielp het om aan te sluiten bij het bestaande beleid *open, tenzij*: "
                     "de OSPO maakt dat beleid uitvoerbaar. Dat verkoopt beter dan een nieuw plan."),
      (INKOOP, 20, "Wij zijn klein begonnen met één project dat al openbaar was. Na een half jaar konden we laten "
                   "zien wat hergebruik door andere gemeenten opleverde. Die cijfers gaven de doorslag."),
      (LID, 26, "Dank jullie wel, dat van dat ene project spreekt me aan. Ik ga kijken welke van onze applicaties "
                "zich daarvoor leent.")]),
    ("beleid-en-strategie", INKOOP, 5, False, False, "Open source in het informatiebeleidsplan opnemen",
     "Wij schrijven een nieuw informatiebeleidsplan voor 2026-2030. Wie heeft een voorbeeldtekst voor de "
     "paragraaf over open source en hergebruik die we kunnen lenen?",
     ["beleid"],
     [(CURATOR, 4, "Kijk eens in de kennisbank bij het stappenplan *Open source-beleid opstellen*; daar staan "
                   "voorbeeldformuleringen van twee ministeries in.")]),
    ("licenties", LID, 20, False, False, "EUPL of MIT voor een klein hulpprogramma?",
     "We willen een klein script publiceren dat adressen controleert tegen de BAG. "
     "Is de EUPL daarvoor niet wat zwaar? Collega's stellen MIT voor.",
     ["eupl", "licenties", "mit"],
     [(LICENTIES, 2, "De EUPL is het uitgangspunt voor de Rijksoverheid en past ook bij kleine programma's. "
                     "Het voordeel: wijzigingen door anderen komen terug onder dezelfde licentie. "
                     "MIT mag ook, maar leg de keuze dan vast in je besluit."),
      (LID, 5, "Helder, dan houden we het bij de EUPL. Moet er in elk bestand een licentiekop?"),
      (LICENTIES, 7, "Niet verplicht, maar wel aan te raden. Gebruik een SPDX-regel, bijvoorbeeld:\n\n"
                     "```\nSPDX-License-Identifier: EUPL-1.2\n```")]),
    ("licenties", INKOOP, 9, False, True, "Mag je GPL-code opnemen in een EUPL-project?",
     "Een leverancier wil een GPL-3.0-bibliotheek gebruiken in ons EUPL-project. Kan dat?",
     ["eupl", "gpl", "licenties"],
     [(LICENTIES, 6, "De EUPL heeft een compatibiliteitsclausule die onder meer GPL-2.0 en GPL-3.0 noemt. "
                     "Het combineren kan dus, maar het geheel valt dan onder de GPL. Laat dit goed beoordelen."),
      (CURATOR, 30, "Dit onderwerp is gesloten omdat de vraag beantwoord is. "
                    "Zie de kennisbank voor een uitgebreid artikel over licentiecompatibiliteit.")]),
    ("inkoop", INKOOP, 15, False, False, "Open source als eis in een aanbesteding: ervaringen?",
     "Wie heeft al eens in een aanbesteding geëist dat de op te leveren software onder een open source-licentie "
     "wordt gepubliceerd? Hoe reageerde de markt?",
     ["inkoop", "aanbesteden"],
     [(LID, 8, "Wij deden dat bij een zaaksysteem-koppeling. Er kwamen evenveel inschrijvingen als anders; "
               "één partij vroeg om een langere termijn voor publicatie."),
      (LICENTIES, 30, "Let op het auteursrecht: regel in het contract dat jullie de rechten krijgen of dat de "
                      "leverancier zelf onder de EUPL publiceert.")]),
    ("inkoop", LID, 3, False, False, "Exit-strategie bij een SaaS-oplossing op open source",
     "Onze leverancier host een open source-pakket voor ons. Wat leggen jullie vast om later te kunnen "
     "overstappen naar een andere hoster?",
     ["inkoop", "exit"], []),
    ("community", CURATOR, 25, False, False, "Verslag meetup Open Source in de Publieke Sector",
     "Vorige week kwamen ruim zestig mensen bijeen in Utrecht. De presentaties staan online. "
     "Wat namen jullie mee van de dag?",
     ["meetup", "community"],
     [(LID, 20, "Vooral de sessie over samen onderhouden van componenten tussen gemeenten vond ik sterk."),
      (INKOOP, 22, "Goed om te horen dat meer gemeenten tegen dezelfde inkoopvragen aanlopen. "
                   "Zullen we daar een werkgroep voor starten?")]),
    ("community", LID, 2, False, False, "Hoe krijg je externe bijdragers aan je project?",
     "Ons project staat al een jaar op GitHub, maar er komen geen bijdragen van buiten. "
     "Wat werkt bij jullie: *good first issues*, een CONTRIBUTING-bestand, meetups?",
     ["community", "bijdragen"], []),
    ("techniek", LICENTIES, 18, False, False, "publiccode.yml: wie gebruikt het al?",
     "Het bestand `publiccode.yml` beschrijft je software voor catalogi als die van Developers Italia en "
     "de Nederlandse softwarecatalogus. Wie heeft het al toegevoegd, en wat liep je tegenaan?",
     ["publiccode", "techniek"],
     [(LID, 10, "Wij hebben het toegevoegd; de validator op GitHub hielp enorm. Lastig was het veld "
                "`maintenance` als er geen vaste onderhoudspartij is.")]),
    ("techniek", INKOOP, 1, False, False, "SBOM genereren in de ontwikkelstraat",
     "Leveranciers vragen steeds vaker om een SBOM. Welke tooling gebruiken jullie om die automatisch te maken "
     "bij elke release?",
     ["sbom", "beveiliging", "techniek"],
     [(LICENTIES, 3, "Wij gebruiken Syft in de pijplijn en publiceren de SBOM als release-asset in CycloneDX.")]),
]


def load(stdout):
    users = {u.email: u for u in get_user_model().objects.filter(email__in=[ADMIN, CURATOR, LICENTIES, INKOOP, LID])}
    for order, (slug, name, description) in enumerate(CATEGORIES, start=1):
        Category.objects.update_or_create(slug=slug, defaults={"name": name, "description": description,
                                                                "order": order * 10})
    categories = {c.slug: c for c in Category.objects.all()}
    now = timezone.now()
    created = 0
    for cat_slug, author, days, pinned, locked, title, body, tags, replies in TOPICS:
        category = categories[cat_slug]
        if Topic.objects.filter(category=category, slug=slugify(title)).exists():
            continue
        started = now - timedelta(days=days)
        topic = save_new_post(
            Topic(category=category, author=users.get(author), title=title, body=body,
                  is_pinned=pinned, is_locked=locked),
            by=users.get(author), revision_fields=("title", "body"),
        )
        Topic.objects.filter(pk=topic.pk).update(created_at=started, updated_at=started, last_activity_at=started)
        topic.tags.set(tags)
        for who in {author, *(r[0] for r in replies)}:
            if who in users:
                following.follow(users[who], topic)
        for reply_author, hours, reply_body in replies:
            reply = save_new_post(Reply(topic=topic, author=users.get(reply_author), body=reply_body),
                                  by=users.get(reply_author))
            at = started + timedelta(hours=hours)
            Reply.objects.filter(pk=reply.pk).update(created_at=at, updated_at=at)
        created += 1
    recount_topics()
    stdout.write(f"forum: {len(CATEGORIES)} categories, {created} new topics ({len(TOPICS)} in the demo)")
