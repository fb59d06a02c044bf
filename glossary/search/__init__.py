"""Search a term base through its index: build it, tell when it is stale, query it.

Public API::

    from glossary.search import Searcher, ensure_index

    ensure_index(termbase_dir, index_dir)  # builds only when missing or stale
    result = Searcher(index_dir).search("стандарт", target=("en",))

Everything else (keys, ranking, schema, JSON shapes) is imported from its module.
"""

from glossary.search.index import build_index, ensure_index, index_is_stale
from glossary.search.searcher import IndexMissing, Searcher

__all__ = ["IndexMissing", "Searcher", "build_index", "ensure_index", "index_is_stale"]
