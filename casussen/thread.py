"""The answers of a casus page, each rendered once per view of it and kept in the shared cache.

A vote, comment or new answer changes the casus page (`casus:<pk>`), so the page is rendered again, but most of
its answers look the same as before: each answer's HTML is kept under everything it shows (its text, score,
comments, authors' names and this viewer's buttons on it), and only the answers that changed are rendered.
The forms in an answer carry a CSRF marker drawn for that rendering, which the page replaces with its own
(`{% fragment %}` in ospo_nl.core.templatetags.ospo).
"""

from django.template import Context
from django.template.loader import get_template
from django.utils.translation import get_language

from ospo_nl.core.content_cache import ALL, cached_many, marker
from ospo_nl.core.templatetags.ospo import member_name

from .rows import pk_url

ANSWER_TEMPLATE = "casussen/includes/answer.html"
ANSWER_URLS = ("vote", "accept", "answer_edit", "answer_history", "answer_delete", "answer_comment")


def _shown(casus, answer, content_lang, can_comment):
    """Everything `answer`'s HTML shows, in plain values: its key in the cache."""
    comments = tuple((comment.pk, comment.body_html, comment.created_at, member_name(comment.author),
                      comment.can_delete, comment.can_report) for comment in answer.comment_list)
    return ("casus-answer", get_language(), casus.slug, str(content_lang), can_comment, answer.pk,
            answer.body_html, answer.score, answer.is_accepted, answer.created_at, answer.edited,
            member_name(answer.author), answer.my_vote, answer.can_vote, answer.can_edit, answer.can_delete,
            answer.can_accept, answer.can_report, comments)


def with_comment_urls(casus, comments):
    """`comments` of `casus`, each with the URLs of its delete form and report link (comments.html)."""
    delete, report = pk_url("casussen:comment_delete", casus.slug), pk_url("moderation:report", "casussen.comment")
    for comment in comments:
        comment.delete_url, comment.report_url = delete(comment.pk), report(comment.pk)
    return comments


def rendered_answers(casus, answers, *, content_lang, can_comment, comment_form=None, comment_answer_id=None):
    """{answer pk: (html, CSRF marker)} for `answers` (prepared by casussen.views._render_detail). With a comment
    form to show again (its errors and text), they are rendered for this request alone."""
    template = get_template(ANSWER_TEMPLATE).template
    by_parts = {_shown(casus, answer, content_lang, can_comment): answer for answer in answers}

    def render(missing):
        context = Context({"casus": casus, "content_lang": content_lang, "can_comment": can_comment,
                           "comment_form": comment_form, "comment_answer_id": comment_answer_id})
        # Each form's and link's URL from one reversal per kind (Django's reverse took ~40 µs, 7 per answer).
        answer_urls = {name: pk_url(f"casussen:{name}", casus.slug) for name in ANSWER_URLS}
        answer_urls["report"] = pk_url("moderation:report", "casussen.answer")
        rendered = {}
        for parts in missing:
            answer = by_parts[parts]
            answer.urls = {name: url(answer.pk) for name, url in answer_urls.items()}
            with_comment_urls(casus, answer.comment_list)
            csrf_marker = marker("csrf")
            with context.push(answer=answer, csrf_token=csrf_marker):
                rendered[parts] = (template.render(context), csrf_marker)
        return rendered

    if comment_answer_id is not None:
        fragments = render(list(by_parts))
    else:
        # Everything shown is in the key; names also change with "all" (profiles).
        fragments = cached_many(dict.fromkeys(by_parts, (ALL,)), render)
    return {answer.pk: fragments[parts] for parts, answer in by_parts.items()}
