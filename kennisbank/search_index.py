"""What the site search finds of the kennisbank: published, listed articles only (drafts and Docusaurus'
`unlisted` pages are never indexed)."""

from ospo_nl.search.index import Kind, plain_text, register

from .models import Article, Section


def article_entry(article):
    if not article.is_published or not article.listed:
        return None
    return dict(
        title=article.title,
        body=plain_text(article.summary, article.body_html),
        url=article.get_absolute_url(),
        date=article.content_updated_at,
        tags=article.tags.all(),
        language=article.language,  # English articles are stemmed as English
    )


register(
    Article, kind=Kind.ARTICLE, entry=article_entry,
    queryset=lambda: Article.objects.select_related("section").prefetch_related("tags"),
    # A moved section or a new index article changes the URLs of the articles in it.
    triggers={Section: (lambda section: section.articles.select_related("section"), ("path", "index_article"))},
)
