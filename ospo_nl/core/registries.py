"""Where the lower layers learn about the feature apps: each app fills these from its own AppConfig.ready().

Nothing below the feature apps imports one (docs/architecture.md); a page that shows what several parts
know asks a registry instead. Each entry is registered once, in INSTALLED_APPS order.

- `home_sections`: `(user) -> {"title", "url", "items": [{"label", "url", "date", "language"}]}`, what is new in a
  part, for the home page; exactly one query, only what `user` may see (`language`: of the label, if it has one).
- `organisation_sections`: `(organisation, user) -> {...}` in the same shape, on an organisation's page. An
  entry with a `scopes(organisation)` attribute names what it shows (`ospo_nl.core.content_cache`), so a
  visitor's organisation page stays cached through other changes; without one, any change renews it. An entry
  with a `viewer(user)` attribute says in plain values what of `user` it depends on, so members with the same
  view share one rendering of the page (`content_cache.shared_page`); without one, it is rendered per member.

Other services keep their own registry next to the code that reads it: search adapters
(`ospo_nl.search.index.register`), sitemaps and tag-feed parts (`ospo_nl.seo`), account data
(`ospo_nl.core.account_data`).
"""


class Registry:
    """An ordered set of callables, filled at start-up."""

    def __init__(self, name):
        self.name = name
        self._entries = []

    def register(self, entry):
        if entry not in self._entries:
            self._entries.append(entry)
        return entry

    def __iter__(self):
        return iter(list(self._entries))

    def __len__(self):
        return len(self._entries)

    def __repr__(self):
        return f"<Registry {self.name}: {len(self._entries)}>"


home_sections = Registry("home_sections")
organisation_sections = Registry("organisation_sections")
