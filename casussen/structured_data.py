"""schema.org QAPage for a public casus with answers (search engines show it as a Q&A).

The accepted answer is `acceptedAnswer`, the others `suggestedAnswer`. Members-only and experts-only
casussen never reach structured data, whoever looks at the page.
"""

from ospo_nl.seo.structured_data import absolute_url, author, json_ld, plain_text


def qapage_json_ld(casus, answers):
    """JSON-LD for `casus` and its (alive) `answers`, or "" when it is not public or has no answer yet."""
    if casus.visibility != casus.Visibility.PUBLIC or casus.is_deleted or not answers:
        return ""

    url, authors = absolute_url(casus.get_absolute_url()), {}  # one URL reversal and one Person per author

    def answer_data(answer):
        if answer.author_id not in authors:
            authors[answer.author_id] = author(answer.author)
        return {
            "@type": "Answer", "text": plain_text(answer.body_html), "upvoteCount": max(answer.score, 0),
            "dateCreated": answer.created_at.isoformat(), "datePublished": answer.created_at.isoformat(),
            "dateModified": answer.updated_at.isoformat(), "url": f"{url}#antwoord-{answer.pk}",
            "author": authors[answer.author_id],
        }

    question = {
        "@type": "Question", "name": casus.title, "text": plain_text(casus.body_html) or casus.title,
        "answerCount": len(answers), "upvoteCount": max(casus.score, 0),
        "dateCreated": casus.created_at.isoformat(), "datePublished": casus.created_at.isoformat(),
        "dateModified": casus.updated_at.isoformat(), "url": url,
        "author": author(casus.author), "inLanguage": casus.language,  # its answers are in the casus's language
    }
    accepted = [a for a in answers if a.is_accepted]
    if accepted:
        question["acceptedAnswer"] = answer_data(accepted[0])
    suggested = [answer_data(a) for a in answers if not a.is_accepted]
    if suggested:
        question["suggestedAnswer"] = suggested
    return json_ld({"@context": "https://schema.org", "@type": "QAPage", "mainEntity": question})
