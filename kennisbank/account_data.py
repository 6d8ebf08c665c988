"""The kennisbank's part of a member's data download (ospo_nl.core.account_data): the articles they wrote."""

from kennisbank.models import Article


def export(user):
    return {
        "kennisbank_articles": [
            {"title": a.title, "url": a.get_absolute_url(), "status": a.status}
            for a in Article.objects.filter(authors=user).order_by("pk")
        ],
    }
