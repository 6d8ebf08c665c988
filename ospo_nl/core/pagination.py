"""Pagination for the big lists: counting stops at a cap, so no request counts 100,000 rows.

`SELECT COUNT(*) FROM (SELECT id ... LIMIT cap + 1)` reads at most cap + 1 rows; past the cap the
page says "more than 1,000", and the last page reachable is cap / per_page (sorting and filters
reach the rest, as on any big site).
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.utils.functional import cached_property

COUNT_CAP = 1000


class CappedPaginator(Paginator):
    """`counted`: how many rows there are, when the caller knows without counting them (kept counts)."""

    cap = COUNT_CAP

    def __init__(self, object_list, per_page, *args, counted=None, **kwargs):
        super().__init__(object_list, per_page, *args, **kwargs)
        if counted is not None:
            self._counted = counted

    @cached_property
    def count(self):
        if not hasattr(self, "_counted"):
            self._counted = self.object_list.values("pk").order_by()[: self.cap + 1].count()
        return min(self._counted, self.cap)

    @property
    def is_capped(self):
        """True when there are more rows than `count` says (no extra query)."""
        return self.count == self.cap and self._counted > self.cap


def page_or_404(paginator, number):
    """The page `number` (the `pagina` parameter) of `paginator`: the first page when it is missing or not a number,
    404 when it is past the last page (or below 1), so a crawler never finds endless copies of the last page."""
    try:
        return paginator.page(number or 1)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        raise Http404 from None
