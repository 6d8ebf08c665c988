"""Dutch building blocks for the benchmark data set: names, tags, titles and pools of Markdown texts.

The pools are small on purpose (a few hundred texts): the seed renders each distinct text once and
reuses the HTML, the way stored `*_html` lets the site render Markdown once per edit.
"""

FIRST_NAMES = [
    "Anouk", "Bram", "Charlotte", "Daan", "Eva", "Floor", "Gijs", "Hanna", "Iris", "Joost", "Kees", "Lotte",
    "Maarten", "Noor", "Olaf", "Pien", "Quinten", "Roos", "Sander", "Tessa", "Ugo", "Vera", "Willem", "Yara",
    "Zeger", "Ahmed", "Fatima", "Mohamed", "Samira", "Thijs", "Femke", "Ruben", "Sanne", "Jeroen", "Marieke",
]
LAST_NAMES = [
    "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
    "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
    "de Graaf", "van der Meer", "Kok", "Jacobs", "de Haan", "Vermeulen", "van Dijk", "Schouten", "Hoekstra",
]
PLACES = [
    "Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven", "Groningen", "Tilburg", "Almere", "Breda",
    "Nijmegen", "Apeldoorn", "Haarlem", "Arnhem", "Enschede", "Amersfoort", "Zaanstad", "Zwolle", "Leiden",
    "Maastricht", "Dordrecht", "Ede", "Alkmaar", "Delft", "Deventer", "Venlo", "Leeuwarden", "Helmond", "Hengelo",
    "Assen", "Emmen", "Hoorn", "Gouda", "Veenendaal", "Zeist", "Heerlen", "Oss", "Lelystad", "Roosendaal",
]
ORGANISATION_PATTERNS = [
    ("municipality", "Gemeente {place}"), ("province", "Provincie {place}"),
    ("water_board", "Waterschap {place}"), ("agency", "Uitvoeringsdienst {place}"),
    ("education", "Hogeschool {place}"), ("company", "{last} ICT uit {place}"),
    ("foundation", "Stichting Open {place}"), ("community", "Open source community {place}"),
    ("zbo", "Regionaal bureau {place}"), ("ministry", "Directie digitalisering {place}"),
]
INITIATIVE_WORDS = ["Samen", "Open", "Common", "Gedeeld", "Publiek", "Vrij", "Digitaal", "Slim"]
INITIATIVE_THINGS = ["Ground", "Code", "Platform", "Data", "Zaken", "Formulieren", "Kaart", "Loket", "Archief"]

TAG_SUBJECTS = [
    "licenties", "inkoop", "publiceren", "beheer", "security", "privacy", "toegankelijkheid", "architectuur",
    "community", "governance", "ospo", "devops", "cloud", "standaarden", "open-data", "zaakgericht-werken",
    "identiteit", "archivering", "kaarten", "formulieren",
]
TAG_ASPECTS = [
    "", "beleid", "contracten", "tooling", "kosten", "kennis", "risico", "samenwerking", "migratie", "hosting",
    "documentatie", "compliance", "onderhoud", "training", "evaluatie",
]

TITLE_QUESTIONS = [
    "Hoe publiceren we {thing} als open source onder de {licence}?",
    "Welke licentie past bij {thing} van onze {org}?",
    "Mogen we {thing} van een andere {org} hergebruiken zonder aanbesteding?",
    "Hoe organiseren we het beheer van {thing} met andere overheden?",
    "Wie is aansprakelijk voor fouten in {thing} dat we openbaar maken?",
    "Hoe vragen we open source uit in de aanbesteding voor {thing}?",
    "Hoe richten we een OSPO in voor {thing} binnen onze {org}?",
    "Wat kost het onderhoud van {thing} als we het zelf als open source beheren?",
    "Hoe gaan we om met beveiligingsmeldingen voor {thing}?",
    "Kunnen we {thing} in de publieke cloud draaien onder de {licence}?",
    "Hoe krijgen we de leverancier zover dat {thing} open source wordt?",
    "Welke stappen zijn nodig om {thing} op developer.overheid.nl te zetten?",
]
TITLE_THINGS = [
    "ons zaaksysteem", "de formulierenmodule", "een parkeerapp", "de kaartviewer", "het klantportaal",
    "de subsidietool", "het archiefkoppelvlak", "een chatbot", "de data-pijplijn", "de vergunningchecker",
    "het afvalrooster", "een identiteitskoppeling", "het meldingenportaal", "de begrotingsapp",
    "de toegankelijkheidsscanner", "een rekenmodel", "het dashboard voor de raad", "de API-gateway",
]
LICENCES = ["EUPL-1.2", "MIT-licentie", "Apache-2.0-licentie", "GPL-3.0", "AGPL-3.0"]
ORG_WORDS = ["gemeente", "provincie", "uitvoeringsorganisatie", "waterschap", "ministerie"]

# A word that occurs in only a few casus titles: the benchmark's "rare word" search.
RARE_WORD = "kwantumcryptografie"
RARE_WORD_TYPO = "kwantumcryptogarfie"  # the benchmark's "typo" search: broadened, with "Bedoelde je"
# A word in most casus and answer texts: the benchmark's "common word" search.
COMMON_WORD = "licentie"

_SENTENCES = [
    "Onze {org} wil {thing} delen met andere overheden, maar we weten niet goed waar we moeten beginnen.",
    "De leverancier heeft de broncode geleverd, maar de licentie is niet duidelijk vastgelegd in het contract.",
    "We hebben de Standaard voor Publieke Code doorgenomen en een eerste checklist gemaakt.",
    "Het team is klein: twee ontwikkelaars en een productowner die ook andere taken heeft.",
    "De CIO steunt het idee, maar de jurist wil eerst weten welke risico's we lopen.",
    "In {place} hebben collega's iets vergelijkbaars gedaan met de EUPL-1.2 als licentie.",
    "We willen voorkomen dat we vastzitten aan één leverancier voor het onderhoud.",
    "Er zitten persoonsgegevens in de testdata, die moeten eerst geanonimiseerd worden.",
    "Het beleid zegt 'open, tenzij', maar in de praktijk gebeurt het nog weinig.",
    "We gebruiken GitLab intern en overwegen een publieke spiegel op GitHub of Codeberg.",
    "De aanbesteding loopt volgend jaar af, dus dit is het moment om open source uit te vragen.",
    "Voor de beveiliging willen we een proces voor het melden van kwetsbaarheden (security.txt).",
    "Andere gemeenten hebben interesse getoond om mee te ontwikkelen en kosten te delen.",
    "We twijfelen tussen een permissieve licentie en een copyleft-licentie zoals de EUPL.",
    "De documentatie is nu alleen intern beschikbaar en deels verouderd.",
    "Het pakket draait op Kubernetes in ons eigen datacenter, met een koppeling naar Haal Centraal.",
    "Onze architecten willen dat we aansluiten bij Common Ground en de NL Design System-componenten.",
    "De raad heeft een motie aangenomen die vraagt om meer hergebruik van software.",
    "Een externe partij heeft een code-review gedaan; de bevindingen zijn grotendeels opgelost.",
    "Wie wordt eigenaar van de community als meerdere organisaties bijdragen?",
]
_ADVICE = [
    "Begin met een inventarisatie van alle afhankelijkheden en hun licentie, bijvoorbeeld met een SBOM.",
    "De EUPL-1.2 is voor overheden vaak de logische keuze: verenigbaar met veel andere licenties en in het "
    "Nederlands beschikbaar.",
    "Leg in het contract vast dat de broncode en de rechten bij de opdrachtgever liggen.",
    "Publiceer eerst een kleine, afgebakende module; dat bouwt vertrouwen op bij jurist en CISO.",
    "Zorg voor een `publiccode.yml` in de repository, zodat anderen het project kunnen vinden.",
    "Richt een stuurgroep in met de organisaties die bijdragen, en maak afspraken over beheer en kosten.",
    "Een OSPO hoeft niet groot te zijn: één coördinator met mandaat maakt al veel verschil.",
    "Laat een beveiligingsscan draaien in de pipeline en publiceer een `SECURITY.md` met een meldadres.",
    "Kijk naar de handreiking van het Ministerie van BZK over het vrijgeven van broncode.",
    "Verwijder geheimen uit de git-geschiedenis voordat je publiceert, bijvoorbeeld met git-filter-repo.",
    "Vraag in de aanbesteding om een open source licentie en om openbaar ontwikkelen vanaf dag één.",
    "Bij de licentie gaat het ook om de licenties van de componenten die je gebruikt.",
]
_HEADINGS = ["Aanleiding", "Aanpak", "Resultaat", "Valkuilen", "Tips", "Wat we leerden", "Vervolg"]


def _paragraph(rng, sentences, n, fill):
    return " ".join(rng.choice(sentences).format(**fill(rng)) for _ in range(n))


def _fill(rng):
    return {"org": rng.choice(ORG_WORDS), "thing": rng.choice(TITLE_THINGS), "place": rng.choice(PLACES)}


def _markdown(rng, *, paragraphs, sentences, bullets=0, heading=False, advice=False):
    pool = _ADVICE if advice else _SENTENCES
    parts = []
    for i in range(paragraphs):
        if heading and i:
            parts.append(f"## {rng.choice(_HEADINGS)}")
        parts.append(_paragraph(rng, pool, sentences, _fill))
    if bullets:
        parts.append("\n".join(f"- {rng.choice(_ADVICE)}" for _ in range(bullets)))
    if rng.random() < 0.3:
        parts.append("Zie ook [de Standaard voor Publieke Code](https://standaardvoorpubliekecode.nl/).")
    return "\n\n".join(parts)


def text_pool(rng, size, **shape):
    """`size` distinct Markdown texts of the given shape; the common word occurs in about 60% of them."""
    texts = []
    for i in range(size):
        text = _markdown(rng, **shape)
        if i % 5 < 3 and COMMON_WORD not in text:
            text += f"\n\nWelke {COMMON_WORD} raden jullie aan?"
        texts.append(f"{text}\n\n<!-- {i} -->" if text in texts else text)
    return texts


def tag_names():
    names = []
    for aspect in TAG_ASPECTS:
        for subject in TAG_SUBJECTS:
            names.append(f"{subject}-{aspect}" if aspect else subject)
    return names


def casus_title(rng):
    return rng.choice(TITLE_QUESTIONS).format(
        thing=rng.choice(TITLE_THINGS), licence=rng.choice(LICENCES), org=rng.choice(ORG_WORDS)
    )


def topic_title(rng):
    return rng.choice([
        "Ervaringen met {thing} gezocht", "Wie werkt er ook aan {thing}?", "Meetup over {thing} in {place}",
        "Vraag: {thing} en de {licence}", "Terugblik: {thing} als open source", "Tips voor {thing} gevraagd",
    ]).format(thing=rng.choice(TITLE_THINGS), licence=rng.choice(LICENCES), place=rng.choice(PLACES))


def article_title(rng):
    return rng.choice([
        "Stappenplan: {thing} vrijgeven", "Best practice: beheer van {thing}", "Achtergrond: de {licence}",
        "Lessons learned: {thing} in {place}", "Zo kies je een licentie voor {thing}",
        "Checklist voor {thing} op een publieke repository",
    ]).format(thing=rng.choice(TITLE_THINGS), licence=rng.choice(LICENCES), place=rng.choice(PLACES))
