"""The Markdown editor: its preview is the HTML saving stores (one pipeline), every Markdown field has the editor's
widget and the mention help, and the name suggestions show only members with a public profile."""

import pytest
from django.urls import reverse

from casussen.forms import AnswerForm, CasusForm, CommentForm, ResolveForm
from directory.forms import ProfileForm
from forum.forms import ReplyForm, TopicForm
from kennisbank.forms import ArticleForm
from network.forms import EventForm, ReportForm, SignalForm
from ospo_nl.core.markdown_editor import MarkdownTextarea
from tests.factories import make_article, make_reply, make_section, make_topic, make_user

pytestmark = pytest.mark.django_db

TEXT = """## Kop

Zie **de EUPL** op [de site](https://eupl.eu) en vraag @[Eva Expert].

<script>alert(1)</script> <a href="javascript:alert(2)">klik</a>

| a | b |
|---|---|
| 1 | 2 |

```python
print("hoi")
```
"""


def preview(client, text, method="post"):
    url = reverse("markdown_preview")
    return client.post(url, {"tekst": text}) if method == "post" else client.get(url, {"tekst": text})


def test_the_preview_is_exactly_the_html_a_saved_reply_stores(member_client, member, category,
                                                               django_assert_max_num_queries):
    reply = make_reply(member, make_topic(member, category), body=TEXT)
    with django_assert_max_num_queries(3):  # session, user (login_required); nothing else
        response = preview(member_client, TEXT)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    assert response.content.decode() == reply.body_html
    assert "<script" not in reply.body_html and "javascript:" not in reply.body_html


def test_the_preview_equals_a_saved_kennisbank_article_and_get_works_too(member_client):
    article = make_article(make_section(), body=TEXT)
    assert preview(member_client, TEXT, method="get").content.decode() == article.body_html


def test_the_preview_needs_an_account_and_refuses_too_long_text(client, member_client):
    response = preview(client, "**x**")
    assert response.status_code == 302 and response["Location"].startswith("/account/login/")
    too_long = preview(member_client, "x" * 100_001)
    assert too_long.status_code == 400
    assert "te lang" in too_long.content.decode()
    assert member_client.put(reverse("markdown_preview")).status_code == 405


def test_name_suggestions_list_only_public_profiles_by_prefix(member_client, client, expert,
                                                              django_assert_max_num_queries):
    expert.profile.is_public = True
    expert.profile.save()
    make_user("eveline@example.org", name="Eveline Verborgen", is_public=False)
    make_user("evert@example.org", name="Evert Open", is_public=True)
    with django_assert_max_num_queries(3):
        response = member_client.get(reverse("mention_names"), {"q": "ev"})
    assert response.status_code == 200
    assert response.json() == {"names": ["Eva Expert", "Evert Open"]}
    assert member_client.get(reverse("mention_names"), {"q": ""}).json() == {"names": []}
    assert client.get(reverse("mention_names"), {"q": "ev"}).status_code == 302
    assert member_client.post(reverse("mention_names"), {"q": "ev"}).status_code == 405


MARKDOWN_FIELDS = [
    (CasusForm, ["body", "tried", "desired_outcome"]), (AnswerForm, ["body"]), (CommentForm, ["body"]),
    (ResolveForm, ["lessons_learned"]), (TopicForm, ["body"]), (ReplyForm, ["body"]), (ArticleForm, ["body"]),
    (EventForm, ["agenda"]), (ReportForm, ["report"]), (SignalForm, ["commentary"]), (ProfileForm, ["bio"]),
]


@pytest.mark.parametrize(("form_class", "names"), MARKDOWN_FIELDS, ids=lambda v: getattr(v, "__name__", ""))
def test_every_markdown_field_has_the_editor_widget(form_class, names):
    form = form_class()
    for name in names:
        assert isinstance(form.fields[name].widget, MarkdownTextarea), f"{form_class.__name__}.{name}"
        html = str(form[name])
        assert html.startswith("<textarea") and f'name="{name}"' in html, "without JavaScript: a plain textarea"
        assert 'data-markdown=""' in html and 'data-preview-url="/markdown/voorbeeld/"' in html


@pytest.mark.parametrize("form_class", [CasusForm, AnswerForm, CommentForm, TopicForm, ReplyForm])
def test_member_forms_explain_mentions(form_class):
    form = form_class()
    field = form.fields["body"]
    assert "@[Naam]" in str(field.help_text)


def test_the_reply_form_still_posts_without_javascript(member_client, member, category):
    topic = make_topic(member, category)
    response = member_client.post(reverse("forum:reply_create", args=[topic.pk]), {"body": "Gewoon **tekst**."})
    assert response.status_code == 302
    assert topic.replies.get().body_html == preview(member_client, "Gewoon **tekst**.").content.decode()
