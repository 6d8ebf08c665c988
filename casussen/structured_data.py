"""schema.org QAPage for a public casus with an accepted answer (search engines show it as a Q&A)."""

from django.conf import settings

from directory.structured_data import json_ld
from ospo_nl.templatetags.ospo import member_name


def qapage_json_ld(casus, answers):
    """JSON-LD for `casus`, or "" when it is not public or has no accepted answer: private casussen never
    reach structured data."""
    accepted = next((a for a in answers if a.is_accepted), None)
    if casus.visibility != casus.Visibility.PUBLIC or accepted is None:
        return ""

    def answer_data(answer):
        return {
            "@type": "Answer", "text": answer.body, "upvoteCount": max(answer.score, 0),
            "dateCreated": answer.created_at.isoformat(),
            "url": f"{settings.SITE_URL}{answer.get_absolute_url()}",
            "author": {"@type": "Person", "name": str(member_name(answer.author))},
        }

    return json_ld({
        "@context": "https://schema.org",
        "@type": "QAPage",
        "mainEntity": {
            "@type": "Question", "name": casus.title, "text": casus.body, "answerCount": len(answers),
            "dateCreated": casus.created_at.isoformat(),
            "author": {"@type": "Person", "name": str(member_name(casus.author))},
            "acceptedAnswer": answer_data(accepted),
            "suggestedAnswer": [answer_data(a) for a in answers if not a.is_accepted],
        },
    })
