"""An in-memory, as-you-type search index over the whole address book.

Each person is one folded string (see `haystack`). Every step of a query is one pass of C code
over a list (`map` and `itertools.compress` with `str.__contains__`), so a keystroke over 25,000
people costs a few milliseconds, and typing on narrows the previous answer instead of starting
over.

Ranking, best first, ties in display order:
  0 the display name is the query · 1 the display name starts with it · 2 every word starts a
  word of the name · 3 … or starts an email or a nickname · 4 every word occurs outside the
  notes · 5 some word occurs only in the notes.
"""

from __future__ import annotations

import bisect
import operator
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, filterfalse, repeat

from peopletui.cache.display import Person
from peopletui.cache.haystack import Haystack, build_haystack, is_tombstone
from peopletui.cache.people import IndexRow
from peopletui.cache.text import digits_only, fold, is_phone_like

_LAST_CHAR = "\U0010ffff"
_REMEMBERED_QUERIES = 16

SortKey = tuple[bool, str, str]


@dataclass(frozen=True, slots=True)
class SearchResult:
    resource_names: list[str]  # best first, at most `limit`
    total: int  # how many people match in all


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    needles: tuple[str, ...]  # the text, and for a phone-like word its digits ("06-12": "0612")


@dataclass(frozen=True, slots=True)
class _Matches:
    main: list[int]  # every word occurs outside the notes; display order
    loose_noted: list[int]  # people with notes in whom every word occurs somewhere


def _parse(folded_query: str) -> list[_Word]:
    words: list[_Word] = []
    for text in dict.fromkeys(folded_query.split()):
        if not any(char.isalnum() for char in text):
            continue  # a lone "-" or "@" narrows nothing
        digits = digits_only(text) if is_phone_like(text) else ""
        needles = (text, digits) if digits and digits != text else (text,)
        words.append(_Word(text, needles))
    return words


def _mask(slots: list[int], sources: Sequence[list[str]], needles: Sequence[str]) -> list[bool]:
    """For each slot: does some needle occur in its text in one of the sources?"""
    mask: list[bool] | None = None
    for source in sources:
        gathered = _gather(source, slots)
        for needle in needles:
            found = map(operator.contains, gathered, repeat(needle))
            mask = list(found) if mask is None else list(map(operator.or_, mask, found))
    assert mask is not None
    return mask


def _gather(source: list[str], slots: list[int]) -> Sequence[str]:
    # itemgetter collects in C; it returns a bare item rather than a tuple for one slot.
    if len(slots) < 2:
        return [source[slot] for slot in slots]
    gathered: tuple[str, ...] = operator.itemgetter(*slots)(source)
    return gathered


def _keep(slots: list[int], sources: Sequence[list[str]], needles: Sequence[str]) -> list[int]:
    """The slots (order kept) where some needle occurs in one of their texts."""
    if not slots:
        return slots
    if len(sources) == 1 and len(needles) == 1:  # the common case, without a mask list
        found = map(operator.contains, _gather(sources[0], slots), repeat(needles[0]))
        return list(compress(slots, found))
    return list(compress(slots, _mask(slots, sources, needles)))


def _partition(
    slots: list[int], sources: Sequence[list[str]], needles: Sequence[str]
) -> tuple[list[int], list[int]]:
    """(slots holding every needle in one of the sources, the others), order kept."""
    if not slots:
        return slots, slots
    mask: list[bool] | None = None
    for needle in needles:
        found = _mask(slots, sources, (needle,))
        mask = found if mask is None else list(map(operator.and_, mask, found))
    assert mask is not None
    return list(compress(slots, mask)), list(compress(slots, map(operator.not_, mask)))


def _without(slots: list[int], removed: list[int]) -> list[int]:
    if not removed:
        return slots
    return list(filterfalse(set(removed).__contains__, slots))


class SearchIndex:
    """Not thread-safe: build it anywhere, then query and update it from one thread (the app's
    event loop; a keystroke costs milliseconds, so it needs no worker)."""

    def __init__(self) -> None:
        self._slot_of: dict[str, int] = {}
        # Per slot (a freed slot holds "" until reused):
        self._resource_names: list[str] = []
        self._display: list[str] = []
        self._names: list[str] = []
        self._labels: list[str] = []
        self._hays: list[str] = []
        self._notes: list[str] = []
        self._unnamed = bytearray()
        self._free: list[int] = []
        self._order: list[int] = []  # live slots in display order
        self._noted: list[int] = []  # live slots with notes, in display order
        # Matches of recent queries, keyed by their words: typing one more letter only has to
        # look at the people the shorter query matched.
        self._recent: OrderedDict[tuple[str, ...], _Matches] = OrderedDict()

    @classmethod
    def build(cls, people: Iterable[Person]) -> SearchIndex:
        """Index Person JSON dicts (tombstones are skipped)."""
        index = cls()
        for person in people:
            if not is_tombstone(person):
                index._store(person["resourceName"], build_haystack(person))
        index._sort()
        return index

    @classmethod
    def from_rows(cls, rows: Iterable[IndexRow]) -> SearchIndex:
        """Index the haystacks the cache keeps (`CacheStore.index_rows`): no folding, fast."""
        index = cls()
        for row in rows:
            index._store(row.resource_name, row.haystack)
        index._sort()
        return index

    def _sort(self) -> None:
        self._order = sorted(self._slot_of.values(), key=self._sort_key)
        self._noted = [slot for slot in self._order if self._notes[slot]]

    def __len__(self) -> int:
        return len(self._slot_of)

    def __contains__(self, resource_name: object) -> bool:
        return resource_name in self._slot_of

    # -- updates ------------------------------------------------------------------------------

    def upsert(self, person: Person) -> None:
        """Add or replace one person (a tombstone with `metadata.deleted` removes it)."""
        if is_tombstone(person):
            self.remove(person["resourceName"])
            return
        self.upsert_haystack(person["resourceName"], build_haystack(person))

    def upsert_haystack(self, resource_name: str, hay: Haystack) -> None:
        """Add or replace one person by a haystack already built (an `IndexRow`'s): for a
        caller that keeps the row anyway, so the person is not folded twice."""
        self.remove(resource_name)
        slot = self._store(resource_name, hay)
        bisect.insort(self._order, slot, key=self._sort_key)
        if self._notes[slot]:
            bisect.insort(self._noted, slot, key=self._sort_key)

    def remove(self, resource_name: str) -> None:
        slot = self._slot_of.pop(resource_name, None)
        if slot is None:
            return
        self._recent.clear()
        key = self._sort_key(slot)
        del self._order[bisect.bisect_left(self._order, key, key=self._sort_key)]
        if self._notes[slot]:
            del self._noted[bisect.bisect_left(self._noted, key, key=self._sort_key)]
        self._release(slot)

    def _release(self, slot: int) -> None:
        for column in self._columns():
            column[slot] = ""
        self._free.append(slot)

    def _store(self, resource_name: str, hay: Haystack) -> int:
        self._recent.clear()
        if (previous := self._slot_of.get(resource_name)) is not None:
            # The same person twice while building (not yet in the display order): last wins.
            self._release(previous)
        values = (resource_name, hay.display, hay.names, hay.labels, hay.text, hay.notes)
        columns = self._columns()
        if self._free:
            slot = self._free.pop()
            for column, value in zip(columns, values, strict=True):
                column[slot] = value
            self._unnamed[slot] = not hay.named
        else:
            slot = len(self._hays)
            for column, value in zip(columns, values, strict=True):
                column.append(value)
            self._unnamed.append(not hay.named)
        self._slot_of[resource_name] = slot
        return slot

    def _columns(self) -> tuple[list[str], ...]:
        return (
            self._resource_names,
            self._display,
            self._names,
            self._labels,
            self._hays,
            self._notes,
        )

    def _sort_key(self, slot: int) -> SortKey:
        # Named people first, by folded display name; the rest by their email, phone or org.
        # Someone with nothing to show at all ("(no name)") comes last.
        display = self._display[slot] or _LAST_CHAR
        return (bool(self._unnamed[slot]), display, self._resource_names[slot])

    # -- queries ------------------------------------------------------------------------------

    def all_in_display_order(self) -> list[str]:
        return list(_gather(self._resource_names, self._order))

    def search(self, query: str, limit: int | None = None) -> SearchResult:
        folded = fold(query)
        words = _parse(folded)
        if not words:
            names = self.all_in_display_order()
            return SearchResult(names[:limit] if limit is not None else names, len(names))
        matches = self._matches(words)
        noted_only = self._noted_only(matches, words)
        ranked = self._ranked(folded, words, matches.main, noted_only, limit)
        if limit is not None:
            del ranked[limit:]
        total = len(matches.main) + len(noted_only)
        return SearchResult(list(_gather(self._resource_names, ranked)), total)

    def _matches(self, words: list[_Word]) -> _Matches:
        key = tuple(word.text for word in words)
        remembered = self._recent.get(key)
        if remembered is not None:
            self._recent.move_to_end(key)
            return remembered
        main, loose_noted = self._order, self._noted
        settled: tuple[str, ...] = ()  # words the narrower base already satisfies
        for earlier, found in self._recent.items():
            # Each earlier word inside some new word: the new matches are among the old ones.
            narrower = all(any(old in word for word in key) for old in earlier)
            if narrower and len(found.main) < len(main):
                main, loose_noted, settled = found.main, found.loose_noted, earlier
        for word in words:
            if word.text not in settled:
                main = _keep(main, (self._hays,), word.needles)
                loose_noted = _keep(loose_noted, (self._hays, self._notes), word.needles)
        matches = _Matches(main, loose_noted)
        self._recent[key] = matches
        if len(self._recent) > _REMEMBERED_QUERIES:
            self._recent.popitem(last=False)
        return matches

    def _noted_only(self, matches: _Matches, words: list[_Word]) -> list[int]:
        """The people some word of the query only finds in the notes."""
        in_main = matches.loose_noted
        for word in words:
            in_main = _keep(in_main, (self._hays,), word.needles)
        return _without(matches.loose_noted, in_main)

    def _ranked(
        self,
        folded: str,
        words: list[_Word],
        main: list[int],
        noted_only: list[int],
        limit: int | None,
    ) -> list[int]:
        ranked = self._display_name_matches(folded)
        rest = _without(main, ranked)
        prefixes = [" " + word.text for word in words]
        # Every word starts a word of the name; then every word starts a name word, an email
        # or a nickname (a single word has already failed the names, so only labels remain).
        labelled = (self._labels,) if len(words) == 1 else (self._names, self._labels)
        for sources in ((self._names,), labelled):
            if limit is not None and len(ranked) >= limit:
                return ranked
            hits, rest = _partition(rest, sources, prefixes)
            ranked += hits
        ranked += rest
        ranked += noted_only
        return ranked

    def _display_name_matches(self, folded: str) -> list[int]:
        """Display name equal to the query, then starting with it: runs of the display order."""
        exact: list[int] = []
        prefixed: list[int] = []
        key = self._sort_key
        for unnamed in (False, True):
            start = bisect.bisect_left(self._order, (unnamed, folded, ""), key=key)
            exact_end = bisect.bisect_left(self._order, (unnamed, folded + "\x00", ""), key=key)
            end = bisect.bisect_left(self._order, (unnamed, folded + _LAST_CHAR, ""), key=key)
            exact += self._order[start:exact_end]
            prefixed += self._order[exact_end:end]
        return exact + prefixed
