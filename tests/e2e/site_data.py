"""One demo-like site for the read-only browser tests (axe on every page type, screenshots).

`build()` loads the demo content (`manage.py load_demo`) and adds what the demo leaves out but a page type
needs: tags and a second revision on a kennisbank article, a notification for the member, an article with a wide
table and long code, one with every construct of the Markdown pipeline. It returns the paths of one page of each
type. The data is built once per module (see `shared_site` in conftest.py) and removed with a flush when the module
ends, so tests that use it must not change anything. tests/seo/test_html_valid.py builds it in a transaction that
it rolls back.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.management import call_command

MEMBER = "lid@ospo-nl.example"
EXPERT = "expert.licenties@ospo-nl.example"
CURATOR = "curator@ospo-nl.example"


LICENCES = ["EUPL-1.2", "MIT", "Apache-2.0", "GPL-3.0-or-later", "AGPL-3.0-or-later", "MPL-2.0", "LGPL-3.0"]
WIDE_ARTICLE_BODY = "\n".join([
    "## Licenties naast elkaar", "",
    "| Eigenschap | " + " | ".join(LICENCES) + " |",
    "|---|" + "---|" * len(LICENCES),
    "| Copyleft | ja, zwak | nee | nee | ja | ja, ook via het netwerk | ja, per bestand | ja, zwak |",
    "| Octrooiclausule | ja | nee | ja, uitdrukkelijk | ja | ja | ja | ja |",
    "| Geschikt voor de overheid | zeer, in alle EU-talen | ja | ja | ja, met zorg | ja, voor webdiensten | ja | ja |",
    "",
    "## Een lange regel code", "",
    "```python",
    "def kies_licentie(organisatie, component, afhankelijkheden, beleid=\"open-tenzij\", "
    "uitzonderingen=None, toelichting=\"Zie het licentiebeleid van de organisatie voor de afweging.\"):",
    "    return [licentie for licentie in afhankelijkheden if licentie.verenigbaar_met(beleid)]  " + "#" * 120,
    "```",
    "",
    "    https://ospo.example.nl/kennisbank/" + "een-heel-lang-pad-zonder-spaties/" * 6,
])

# Every construct of the Markdown pipeline (ospo_nl.core.markdown_pipeline), with a heading named like an element
# of the page around it ("main") and a heading used twice.
RICH_ARTICLE_BODY = """
## Main

Tekst met een voetnoot[^1] en een afkorting: EUPL.

*[EUPL]: European Union Public Licence

!!! warning "Let op"
    Een waarschuwing.

??? note "Meer weten"
    Ingeklapt.

=== "Linux"
    ```bash
    ls
    ```
=== "Windows"
    Tekst.

- [x] klaar
- [ ] nog niet

Term
:   Uitleg

```mermaid
graph TD; A-->B;
```

```python linenums="1"
print("hoi")
print("hoi")
```

++ctrl+alt+del++ ==gemarkeerd== ^^ingevoegd^^ ~~weg~~ :smile:

## Main

<table><tr><td>ruw</td></tr></table>

<details open><summary>HTML</summary>tekst</details>

[^1]: De voetnoot.
"""

POST_WITH_ANCHORS = ("## Aanpak\n\nZie de EUPL[^1].\n\n| Licentie | Copyleft |\n|---|---|\n| EUPL | ja |\n\n"
                     "[^1]: Artikel 5.")


@dataclass
class Site:
    users: dict = field(default_factory=dict)  # "member" / "expert" / "curator" -> User
    paths: dict = field(default_factory=dict)  # page type -> path


def build(stdout=None):
    from io import StringIO

    from casussen.models import Casus
    from directory.models import Initiative, Organisation, Profile
    from forum.models import Category, Topic
    from kennisbank.models import Article, Section
    from kennisbank.verbs import save_article
    from ospo_nl.core.revisions import revisions_of
    from ospo_nl.notifications.models import Notification
    from ospo_nl.notifications.verbs import notify

    call_command("load_demo", stdout=stdout or StringIO())
    User = get_user_model()
    users = {role: User.objects.get(email=email) for role, email in
             [("member", MEMBER), ("expert", EXPERT), ("curator", CURATOR)]}

    # The richest casus: resolved, an accepted answer with comments, lessons learned.
    casus = Casus.objects.filter(visibility="public", answer_count__gt=0).order_by("-answer_count", "status").first()
    casus = Casus.objects.filter(visibility="public", status="resolved").first() or casus
    open_casus = Casus.objects.filter(visibility="public", status__in=["new", "claimed", "answered"]).first()
    topic = Topic.objects.order_by("-reply_count", "pk").first()
    category = topic.category if topic else Category.objects.first()
    article = Article.objects.filter(status="published", section__isnull=False).exclude(body="").order_by("pk").first()
    article.tags.add("licenties", "eupl")
    article.body += "\n\nBijgewerkt: zie ook de EUPL-1.2."
    save_article(article, by=users["curator"], message="Verwijzing naar de EUPL toegevoegd")
    revisions = list(revisions_of(article).order_by("pk").values_list("pk", flat=True))
    section = Section.objects.filter(parent__isnull=True).order_by("pk").first()
    if not Notification.objects.filter(recipient=users["member"]).exists():
        notify([users["member"]], event=Notification.Event.ANSWER, target=casus, actor=users["expert"],
               title=casus.title, url=casus.get_absolute_url())
    expert_profile = Profile.objects.get(user=users["expert"])
    # Something in the moderation queue.
    from ospo_nl.moderation import verbs as moderation

    moderation.report(target=expert_profile, by=users["member"], reason="off-topic", note="Klopt dit profiel?")

    # What the demo corpus has none of: a long code block and a table wider than a phone (WCAG 1.4.10 reflow,
    # axe's scrollable-region-focusable, the Nu HTML Checker).
    from tests.factories import make_article

    wide_article = make_article(section, slug="brede-tabel-en-lange-code", title="Een brede tabel en lange code",
                                body=WIDE_ARTICLE_BODY, summary="Licenties naast elkaar, en een lange regel code.",
                                by=users["curator"])
    rich_article = make_article(section, slug="alles-wat-markdown-kan", title="Alles wat Markdown kan",
                                body=RICH_ARTICLE_BODY, summary="Elk blok van de Markdown-pijplijn.",
                                by=users["curator"])
    # Two answers and two replies with the same heading and footnote: a page of several bodies keeps its ids unique.
    from tests.factories import make_answer, make_reply

    own_posts = {}
    for role in ("expert", "curator"):
        own_posts[role] = (make_answer(open_casus, users[role], POST_WITH_ANCHORS),
                           make_reply(users[role], topic, POST_WITH_ANCHORS))
    own_casus = Casus.objects.filter(author=users["member"]).order_by("pk").first()

    organisation = Organisation.objects.filter(is_published=True).order_by("pk").first()
    paths = {
        "casus": casus.get_absolute_url(),
        # The member's own casus (only its author edits a casus).
        "casus_edit": f"{own_casus.get_absolute_url()}bewerken/",
        "open_casus_answer": f"{open_casus.get_absolute_url()}antwoorden/",
        "topic_reply": f"/forum/onderwerp/{topic.pk}/acties/reageren/",
        "answer_edit": f"{open_casus.get_absolute_url()}antwoord/{own_posts['expert'][0].pk}/bewerken/",
        "reply_edit": f"/forum/reactie/{own_posts['expert'][1].pk}/bewerken/",
        "topic_edit": f"/forum/onderwerp/{topic.pk}/acties/bewerken/",
        "casus_organisation": f"/casussen/organisatie/{organisation.slug}/",
        "wide_article": wide_article.get_absolute_url(),
        "rich_article": rich_article.get_absolute_url(),
        "wide_article_edit": f"/kennisbank/artikel/{wide_article.slug}/bewerken/",
        "open_casus": open_casus.get_absolute_url(),
        "casus_tag": "/casussen/tag/licenties/",
        "topic": topic.get_absolute_url(),
        "category": category.get_absolute_url(),
        "topic_create": f"/forum/categorie/{category.slug}/nieuw/",
        "article": article.get_absolute_url(),
        "article_edit": f"/kennisbank/artikel/{article.slug}/bewerken/",
        "article_history": f"/kennisbank/artikel/{article.slug}/geschiedenis/",
        "article_diff": f"/kennisbank/artikel/{article.slug}/verschil/?van={revisions[0]}&naar={revisions[-1]}",
        "section": section.get_absolute_url(),
        "kind": article.kind_url(),
        "kennisbank_tag": "/kennisbank/tag/licenties/",
        "organisation": organisation.get_absolute_url(),
        "initiative": Initiative.objects.order_by("pk").first().get_absolute_url(),
        "expert": expert_profile.get_absolute_url(),
        "casus_history": f"{casus.get_absolute_url()}geschiedenis/",
        "report_profile": f"/moderatie/melden/directory.profile/{expert_profile.pk}/",
        # The network's rhythm (network.demo): the member has a place at the upcoming meeting.
        "event": "/bijeenkomsten/netwerkbijeenkomst-het-manifest/",
        "event_edit": "/bijeenkomsten/netwerkbijeenkomst-het-manifest/bewerken/",
        "event_attendees": "/bijeenkomsten/netwerkbijeenkomst-het-manifest/deelnemers/",
        "past_event": "/bijeenkomsten/netwerkbijeenkomst-publiceren-van-code/",
        "event_report": "/bijeenkomsten/netwerkbijeenkomst-publiceren-van-code/verslag/",
        "signal": "/signalen/osor-jaaroverzicht-open-source-in-europa/",
    }
    return Site(users=users, paths=paths)
