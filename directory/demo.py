"""Demo people, organisations and initiatives. Idempotent: keyed by e-mail and slug.

Organisations and initiatives come from the seed texts and the kennisbank's `bronnen/nederlands-overzicht.md`
and `bronnen/ondersteunende-organisaties.md`; the descriptions are written fresh for the demo.
"""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from .curator_group import GROUP_NAME, sync_curator_group
from .models import ExpertApplication, Initiative, InitiativeOrganisation, Organisation, OrganisationProposal, Profile

DEMO_PASSWORD = "ospo-demo-2026"
K = Organisation.Kind


def org(slug, name, kind, description, *, website="", git_url="", has_ospo=False, tooi=None, contact="",
        tags=()):
    return {"slug": slug, "name": name, "kind": kind, "description": description, "website": website,
            "git_url": git_url, "has_ospo": has_ospo, "tooi": tooi, "contact": contact, "tags": list(tags)}


ORGANISATIONS = [
    # The three the other parts' demo content refers to.
    org("ministerie-van-binnenlandse-zaken", "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", K.MINISTRY,
        "Het ministerie coördineert het open source-beleid van de Rijksoverheid en ondersteunt de community of "
        "practice rond open source werken.",
        website="https://www.rijksoverheid.nl/ministeries/ministerie-van-binnenlandse-zaken-en-koninkrijksrelaties",
        git_url="https://github.com/MinBZK", has_ospo=True, tags=["rijksoverheid", "beleid"]),
    org("gemeente-amsterdam", "Gemeente Amsterdam", K.MUNICIPALITY,
        "Amsterdam publiceert veel van haar software openlijk en deelt ervaring met andere gemeenten. Via Datapunt "
        "en het Datalab bouwt en beheert de gemeente eigen open source-toepassingen.",
        website="https://www.amsterdam.nl", git_url="https://github.com/Amsterdam", has_ospo=True, tooi="gm0363",
        tags=["gemeenten", "publiceren"]),
    org("vng", "Vereniging van Nederlandse Gemeenten", K.OTHER,
        "De VNG ondersteunt gemeenten bij gezamenlijke digitale voorzieningen en standaarden, onder meer via "
        "Common Ground.", website="https://vng.nl", tags=["gemeenten", "samenwerking"]),
    # Ministries and their organisations (nederlands-overzicht.md)
    org("ictu", "ICTU", K.AGENCY,
        "Stichting die voor de overheid software laat ontwikkelen en daarbij marktpartijen betrekt. ICTU werkt "
        "steeds vaker open source en helpt bij het beheer van gedeelde voorzieningen.",
        website="https://www.ictu.nl", git_url="https://github.com/ICTU", contact="info@ictu.nl",
        tags=["rijksoverheid", "softwareontwikkeling"]),
    org("koop", "KOOP – Kennis- en Exploitatiecentrum Officiële Overheidspublicaties", K.AGENCY,
        "Zorgt dat officiële overheidspublicaties en open data vindbaar en herbruikbaar zijn, onder andere via "
        "data.overheid.nl.", website="https://data.overheid.nl", git_url="https://github.com/dataoverheid",
        contact="opendata@overheid.nl", tags=["open data", "rijksoverheid"]),
    org("dictu", "DICTU", K.AGENCY,
        "De ICT-dienstverlener van onder meer het ministerie van Economische Zaken en Klimaat; deelt een deel van "
        "zijn code openlijk.", website="https://www.dictu.nl", git_url="https://github.com/Dictu",
        tags=["rijksoverheid"]),
    org("belastingdienst", "Belastingdienst", K.AGENCY,
        "Een van de grootste IT-organisaties van Nederland. Mede-initiatiefnemer van OSPO-NL en actief in het "
        "openbaar maken van eigen componenten.", website="https://www.belastingdienst.nl",
        git_url="https://github.com/belastingdienst", has_ospo=True, tags=["rijksoverheid", "ospo"]),
    org("nationale-politie", "Nationale Politie", K.AGENCY,
        "Publiceert tools en bibliotheken op GitHub en werkt daarbij samen met andere veiligheidsorganisaties.",
        website="https://www.politie.nl", git_url="https://github.com/politie", tags=["veiligheid"]),
    org("ncsc", "Nationaal Cyber Security Centrum (NCSC)", K.AGENCY,
        "Deelt open source-hulpmiddelen en adviezen om de digitale weerbaarheid van Nederland te vergroten.",
        website="https://www.ncsc.nl", git_url="https://github.com/NCSC-NL", contact="info@ncsc.nl",
        tags=["security", "veiligheid"]),
    org("ministerie-van-vws", "Ministerie van Volksgezondheid, Welzijn en Sport", K.MINISTRY,
        "Maakte met de CoronaMelder en CoronaCheck-apps zichtbaar hoe overheidssoftware vanaf de eerste dag "
        "openbaar ontwikkeld kan worden.", website="https://minvws.nl", git_url="https://github.com/minvws",
        tags=["rijksoverheid", "publiceren"]),
    org("tweede-kamer", "Tweede Kamer der Staten-Generaal", K.OTHER,
        "Publiceert open data en software rond het parlementaire proces.", website="https://www.tweedekamer.nl",
        git_url="https://github.com/TweedeKamerDerStaten-Generaal", tags=["open data"]),
    # Agencies
    org("dienst-publiek-en-communicatie", "Dienst Publiek en Communicatie (DPC)", K.AGENCY,
        "Het communicatiebureau van de Rijksoverheid onder het ministerie van Algemene Zaken; beheert onder meer "
        "rijksoverheid.nl.", website="https://www.rijksoverheid.nl/dpc", git_url="https://github.com/azdpc",
        tags=["rijksoverheid", "websites"]),
    org("logius", "Logius", K.AGENCY,
        "Beheert generieke digitale overheidsvoorzieningen en de bijbehorende open standaarden, zoals de "
        "API-standaarden die op GitHub worden ontwikkeld.", website="https://www.logius.nl",
        git_url="https://github.com/Logius-standaarden", contact="api@logius.nl",
        tags=["standaarden", "rijksoverheid"]),
    org("rijkswaterstaat", "Rijkswaterstaat", K.AGENCY,
        "Uitvoeringsorganisatie van het ministerie van Infrastructuur en Waterstaat; deelt modellen en "
        "datatoepassingen openlijk.", website="https://www.rijkswaterstaat.nl", git_url="https://github.com/RWS-NL",
        tags=["water", "open data"]),
    org("rivm", "RIVM", K.AGENCY,
        "Het Rijksinstituut voor Volksgezondheid en Milieu publiceert onderzoekssoftware en modellen zodat anderen "
        "resultaten kunnen nagaan en hergebruiken.", website="https://www.rivm.nl",
        git_url="https://github.com/rivm-syso", contact="info@rivm.nl", tags=["onderzoek", "gezondheid"]),
    org("knmi", "Koninklijk Nederlands Meteorologisch Instituut (KNMI)", K.AGENCY,
        "Deelt weer- en klimaatsoftware als open source via een eigen GitLab-groep.",
        website="https://www.knmi.nl", git_url="https://gitlab.com/KNMI-OSS", tags=["onderzoek", "klimaat"]),
    # Provinces and municipalities
    org("provincie-zeeland", "Provincie Zeeland", K.PROVINCE,
        "Een van de provincies die haar code openbaar op GitHub zet.", website="https://www.zeeland.nl",
        git_url="https://github.com/ProvincieZeeland", tooi="pv29", tags=["provincies"]),
    org("gemeente-nijmegen", "Gemeente Nijmegen", K.MUNICIPALITY,
        "Bouwt een deel van haar digitale dienstverlening zelf, in de cloud en als open source.",
        website="https://www.nijmegen.nl", git_url="https://github.com/GemeenteNijmegen", tooi="gm0268",
        tags=["gemeenten", "cloud"]),
    org("gemeente-eindhoven", "Gemeente Eindhoven", K.MUNICIPALITY,
        "Werkte met Code for NL-fellows aan de Ideeënvijver, een open source-tool voor burgerparticipatie.",
        website="https://www.eindhoven.nl", tooi="gm0772", tags=["gemeenten", "participatie"]),
    # Independent bodies
    org("kadaster", "Kadaster", K.ZBO,
        "Beheert de registratie van vastgoed en geografische gegevens. Mede-initiatiefnemer van OSPO-NL, met een "
        "eigen Open Source Program Office.", website="https://www.kadaster.nl", git_url="https://github.com/Kadaster",
        has_ospo=True, tags=["geo", "ospo"]),
    org("cbs", "Centraal Bureau voor de Statistiek", K.ZBO,
        "Publiceert statistische software en pakketten, onder meer voor R, als open source.",
        website="https://www.cbs.nl", git_url="https://github.com/statistiekcbs", contact="infoservice@cbs.nl",
        tags=["open data", "statistiek"]),
    org("koninklijke-bibliotheek", "Koninklijke Bibliotheek", K.ZBO,
        "De nationale bibliotheek deelt via KB Research tools voor digitale bewaring en onderzoek.",
        website="https://www.kb.nl", git_url="https://github.com/KBNLresearch", tags=["erfgoed", "onderzoek"]),
    org("nationaal-archief", "Nationaal Archief", K.ZBO,
        "Werkt aan duurzame toegankelijkheid van overheidsinformatie en deelt daarvoor software openlijk.",
        website="https://www.nationaalarchief.nl", git_url="https://github.com/NationaalArchief",
        tags=["erfgoed", "archivering"]),
    # Companies
    org("alliander", "Alliander", K.COMPANY,
        "Netbeheerder met een actief Open Source Program Office. Gastheer van OSPOlogy.live in januari 2023 en "
        "mede-initiatiefnemer van OSPO-NL.", website="https://www.alliander.com/nl/open-source/",
        git_url="https://github.com/alliander-opensource", has_ospo=True, tags=["energie", "ospo"]),
    org("philips", "Philips", K.COMPANY,
        "Technologiebedrijf dat open source-software publiceert en binnen het bedrijf open source-beleid voert.",
        website="https://www.philips.com", git_url="https://github.com/philips-software", has_ospo=True,
        tags=["bedrijfsleven"]),
    org("tomtom", "TomTom", K.COMPANY,
        "Navigatie- en kaartenbedrijf dat bibliotheken en tools als open source deelt.",
        website="https://www.tomtom.com", git_url="https://github.com/tomtom-international",
        tags=["bedrijfsleven", "geo"]),
    # Foundations and communities (seeds, ondersteunende-organisaties.md)
    org("code-for-nl", "Stichting Code for NL", K.FOUNDATION,
        "Netwerk van developers, designers en andere experts die werken aan een open, eerlijke en inclusieve "
        "digitale overheid. Organiseert meetups waar ontwikkelaars en ambtenaren elkaar treffen; onderdeel van "
        "Code for All.", website="https://codefor.nl", tags=["community", "samenwerking"]),
    org("stichting-pleio", "Stichting Pleio", K.FOUNDATION,
        "Ontwikkelt en beheert een open source-platform voor kennisdeling binnen en tussen overheidsorganisaties.",
        website="https://www.pleio.nl", tags=["kennisdeling", "platform"]),
    org("foundation-for-public-code", "Foundation for Public Code", K.FOUNDATION,
        "Helpt overheden om open source-software samen te onderhouden en beheert de Standard for Public Code.",
        website="https://publiccode.net", tags=["governance", "standaarden"]),
    org("stichting-open-source-en-overheid", "Stichting Open Source en Overheid", K.FOUNDATION,
        "Zet zich in om de Nederlandse overheid minder afhankelijk te maken van softwareleveranciers.",
        website="https://oseno.nl", tags=["beleid", "leveranciersonafhankelijkheid"]),
    org("nlnet", "Stichting NLnet", K.FOUNDATION,
        "Fonds dat organisaties en mensen financiert die bijdragen aan een open internet en open source, onder "
        "meer via de NGI Zero-programma's.", website="https://nlnet.nl", tags=["financiering"]),
    org("linux-foundation", "Linux Foundation", K.FOUNDATION,
        "Leveranciersonafhankelijke organisatie voor projectgovernance en koepel van vele deelorganisaties, "
        "waaronder de TODO Group en OpenSSF.", website="https://www.linuxfoundation.org",
        tags=["governance", "internationaal"]),
    org("eclipse-foundation", "Eclipse Foundation", K.FOUNDATION,
        "Europese, leveranciersonafhankelijke stichting voor projectgovernance met werkgroepen per thema.",
        website="https://www.eclipse.org", tags=["governance", "internationaal"]),
    org("apache-software-foundation", "Apache Software Foundation", K.FOUNDATION,
        "Stichting achter vele veelgebruikte open source-projecten, vooral webtoepassingen en databases.",
        website="https://www.apache.org", tags=["governance", "internationaal"]),
    org("openssf", "Open Source Security Foundation (OpenSSF)", K.FOUNDATION,
        "Werkt aan de veiligheid van open source-software, met onder meer de Scorecard en het Best Practices "
        "Badge-programma.", website="https://openssf.org", tags=["security", "internationaal"]),
    org("europese-commissie", "Europese Commissie", K.OTHER,
        "Het dagelijks bestuur van de EU; heeft een eigen OSPO en ondersteunt open source via Joinup en de EUPL.",
        website="https://commission.europa.eu", has_ospo=True, tags=["internationaal", "licenties"]),
]

R = InitiativeOrganisation.Role
IK = Initiative.Kind


def initiative(slug, name, kind, description, *, website="", start_year=None, status=Initiative.Status.ACTIVE,
               tags=(), roles=()):
    return {"slug": slug, "name": name, "kind": kind, "description": description, "website": website,
            "start_year": start_year, "status": status, "tags": list(tags), "roles": list(roles)}


INITIATIVES = [
    initiative("ospo-nl", "OSPO-NL kennisnetwerk", IK.COMMUNITY,
               "Het Nederlandse kennisnetwerk van OSPO's, gestart op 9 juni 2023: een publiek-private community "
               "die kennis en ervaring deelt over het opzetten en laten werken van een Open Source Program Office. "
               "De kennis staat in de OSPO-NL kennisbank.",
               website="https://ospo-nl.github.io/kennisbank/", start_year=2023, tags=["ospo", "kennisdeling"],
               roles=[("alliander", R.FOUNDER), ("belastingdienst", R.FOUNDER), ("kadaster", R.FOUNDER),
                      ("ministerie-van-binnenlandse-zaken", R.MEMBER), ("gemeente-amsterdam", R.MEMBER)]),
    initiative("opensourcewerken", "Open source werken", IK.COMMUNITY,
               "De community of practice van het ministerie van BZK over open source werken, op Pleio: uitleg, "
               "een forum om ervaringen te delen en een overzicht van de wet- en regelgeving.",
               website="https://opensourcewerken.nl", tags=["community", "wetgeving"],
               roles=[("ministerie-van-binnenlandse-zaken", R.HOST), ("stichting-pleio", R.MEMBER)]),
    initiative("ospology-live-nederland", "OSPOlogy.live Nederland", IK.EVENT_SERIES,
               "Bijeenkomst van het Europese OSPOlogy-chapter in januari 2023 waar de basis voor OSPO-NL werd "
               "gelegd.", start_year=2023, status=Initiative.Status.ARCHIVED, tags=["ospo", "evenement"],
               roles=[("linux-foundation", R.FOUNDER), ("alliander", R.HOST)]),
    initiative("todo-group", "TODO Group", IK.COMMUNITY,
               "Programma binnen de Linux Foundation waarin organisaties best practices, beleidsvoorbeelden en "
               "hulpmiddelen voor OSPO's delen; organiseert de OSPOlogy-bijeenkomsten.",
               website="https://todogroup.org", tags=["ospo", "governance"],
               roles=[("linux-foundation", R.HOST)]),
    initiative("common-ground", "Common Ground", IK.PROGRAMME,
               "Gemeenten bepalen samen welke processen ze vernieuwen en laten daar moderne, open source-software "
               "voor maken: gegevens bij de bron, componenten die je kunt hergebruiken.",
               website="https://commonground.nl", tags=["gemeenten", "samenwerking"],
               roles=[("vng", R.HOST), ("gemeente-amsterdam", R.MEMBER), ("gemeente-nijmegen", R.MEMBER)]),
    initiative("standard-for-public-code", "Standard for Public Code", IK.STANDARD,
               "Leidraad met criteria voor publieke softwareprojecten die samen onderhouden worden: van "
               "documentatie tot besluitvorming.", website="https://standard.publiccode.net",
               tags=["standaarden", "governance"], roles=[("foundation-for-public-code", R.HOST)]),
    initiative("pleio", "Pleio", IK.PLATFORM,
               "Open source-platform voor online samenwerken en kennisdelen, speciaal voor de overheid.",
               website="https://www.pleio.nl", tags=["kennisdeling", "platform"],
               roles=[("stichting-pleio", R.HOST)]),
    initiative("ideeenvijver", "Ideeënvijver", IK.PLATFORM,
               "Open source-tool om ideeën te pitchen en erop te stemmen, ontwikkeld tijdens Code for NL-fellowships "
               "bij de gemeente Eindhoven.", tags=["participatie"],
               roles=[("code-for-nl", R.HOST), ("gemeente-eindhoven", R.FOUNDER)]),
    initiative("openstad", "OpenStad", IK.PLATFORM,
               "Open source-platform voor digitale participatie, voortgekomen uit Stem van West en Open Stadsdeel en "
               "gehost vanuit de gemeente Amsterdam.",
               website="https://www.amsterdam.nl/bestuur-organisatie/geef-mening/openstad-online/",
               tags=["participatie", "gemeenten"], roles=[("gemeente-amsterdam", R.HOST)]),
    initiative("code-for-nl-meetups", "Code for NL-meetups", IK.EVENT_SERIES,
               "Maandelijkse bijeenkomsten voor developers, designers en ambtenaren die werken aan de digitale "
               "overheid: lopende projecten laten zien en samenwerking zoeken.", website="https://codefor.nl",
               tags=["community", "evenement"], roles=[("code-for-nl", R.HOST)]),
    initiative("ospo-zone", "OSPO.zone", IK.PROGRAMME,
               "Europees initiatief met OSPO OnRamp-bijeenkomsten en het Good Governance Initiative voor open source "
               "in organisaties.", website="https://ospo.zone", tags=["ospo", "governance"],
               roles=[("eclipse-foundation", R.MEMBER)]),
    initiative("joinup", "Joinup", IK.PLATFORM,
               "Platform van de Europese Commissie om open source-oplossingen en goede werkwijzen tussen overheden "
               "te delen.", website="https://joinup.ec.europa.eu", tags=["internationaal", "hergebruik"],
               roles=[("europese-commissie", R.HOST)]),
    initiative("ngi-zero", "NGI Zero", IK.PROGRAMME,
               "Fondsen voor open source-projecten die bijdragen aan een open internet, met ondersteunende diensten "
               "zoals security-audits en hulp bij toegankelijkheid.", website="https://nlnet.nl/NGI0/",
               tags=["financiering", "security"], roles=[("nlnet", R.HOST), ("europese-commissie", R.FUNDER)]),
    initiative("openssf-scorecard", "OpenSSF Scorecard", IK.STANDARD,
               "Automatische beoordeling van open source-projecten op beveiligingspraktijken.",
               website="https://securityscorecards.dev", tags=["security"], roles=[("openssf", R.HOST)]),
]

USERS = [
    # (email, display_name, is_staff, is_superuser, is_expert, expertise, org slug)
    ("admin@ospo-nl.example", "Beheerder", True, True, False, [], None),
    ("curator@ospo-nl.example", "Carla Curator", True, False, False, [], None),
    ("expert.licenties@ospo-nl.example", "Eva Expert", False, False, True, ["licenties", "eupl", "wetgeving"],
     "ministerie-van-binnenlandse-zaken"),
    ("expert.inkoop@ospo-nl.example", "Erik Inkoop", False, False, True, ["inkoop", "aanbesteden"], "vng"),
    ("lid@ospo-nl.example", "Mirjam Lid", False, False, False, [], "gemeente-amsterdam"),
    # A member who asked to become an expert: the curators' queue is not empty in the demo.
    ("aanvrager@ospo-nl.example", "Anouk Aanvrager", False, False, False, [], None),
]


def load(stdout):
    for data in ORGANISATIONS:
        data = dict(data)
        tags = data.pop("tags")
        organisation, _ = Organisation.objects.update_or_create(
            slug=data.pop("slug"), defaults={**data, "is_published": True}
        )
        organisation.tags.set(tags)
    organisations = {o.slug: o for o in Organisation.objects.filter(slug__in=[d["slug"] for d in ORGANISATIONS])}
    for data in INITIATIVES:
        data = dict(data)
        tags, roles = data.pop("tags"), data.pop("roles")
        item, _ = Initiative.objects.update_or_create(slug=data.pop("slug"), defaults={**data, "is_published": True})
        item.tags.set(tags)
        for org_slug, role in roles:
            InitiativeOrganisation.objects.get_or_create(
                initiative=item, organisation=organisations[org_slug], role=role
            )
    curators, _count = sync_curator_group()
    User = get_user_model()
    for email, display_name, is_staff, is_superuser, is_expert, expertise, org_slug in USERS:
        user, created = User.objects.get_or_create(
            username=email, defaults={"email": email, "is_staff": is_staff, "is_superuser": is_superuser}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        if is_staff and not is_superuser:
            user.groups.add(curators)
        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        profile, _ = Profile.objects.update_or_create(
            user=user,
            defaults={
                "display_name": display_name, "is_expert": is_expert, "is_public": is_expert, "is_available": is_expert,
                "organisation": organisations.get(org_slug),
            },
        )
        profile.expertise.set(expertise)
    applicant = User.objects.get(username="aanvrager@ospo-nl.example")
    if not ExpertApplication.objects.filter(user=applicant).exists():
        application = ExpertApplication.objects.create(
            user=applicant, motivation="Ik begeleid als architect de overstap naar open source bij een provincie en "
                                       "help graag anderen met beheer en onderhoud van gedeelde code.")
        application.expertise.set(["beheer", "architectuur"])
    member = User.objects.get(username="lid@ospo-nl.example")
    if not OrganisationProposal.objects.filter(proposed_by=member).exists():
        OrganisationProposal.objects.create(proposed_by=member, name="Gemeente Zeist", kind="municipality",
                                            website="https://www.zeist.nl/")
    stdout.write(
        f"directory: {len(ORGANISATIONS)} organisations, {len(INITIATIVES)} initiatives, {len(USERS)} users "
        f"(group '{GROUP_NAME}')"
    )
