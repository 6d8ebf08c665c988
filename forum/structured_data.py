"""schema.org DiscussionForumPosting for a forum topic, with the replies on the page as its comments (Google's
discussion forum structured data). A hidden topic has none; hidden and deleted replies are left out."""

from ospo_nl.seo.structured_data import absolute_url, author, json_ld, plain_text


def _comment(reply):
    return {
        "@type": "Comment", "text": plain_text(reply.body_html), "author": author(reply.author),
        "datePublished": reply.created_at.isoformat(), "dateModified": reply.updated_at.isoformat(),
        "url": absolute_url(reply.get_absolute_url()),
    }


def topic_json_ld(topic, replies, *, page_url):
    """JSON-LD for `topic` shown at `page_url` with `replies` (those on the page), or "" when it is hidden."""
    if topic.is_deleted or topic.is_hidden:
        return ""
    url = absolute_url(topic.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "DiscussionForumPosting",
        "headline": topic.title,
        "text": plain_text(topic.body_html) or topic.title,
        "author": author(topic.author),
        "datePublished": topic.created_at.isoformat(),
        "dateModified": topic.updated_at.isoformat(),
        "url": url,
        "mainEntityOfPage": absolute_url(page_url),
        "isPartOf": absolute_url(topic.category.get_absolute_url()),
        "inLanguage": topic.language,  # its replies are in the topic's language too
        "interactionStatistic": {
            "@type": "InteractionCounter", "interactionType": "https://schema.org/CommentAction",
            "userInteractionCount": topic.reply_count,
        },
        "comment": [_comment(reply) for reply in replies if not (reply.is_deleted or reply.is_hidden)],
    }
    if topic.is_locked:
        data["creativeWorkStatus"] = "Closed"
    return json_ld(data)
