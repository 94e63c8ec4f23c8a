"""The command palette's provider: every action of the screen it was opened on, by name.

Entries come from our bindings (those with an id) of the app, the screen and the widget with
focus (so they are the actions that work there, with the keys that work, keymap included), plus
the screen's palette-only actions (`PALETTE_ONLY`, such as "Full sync"). Actions that cannot run
now (nothing highlighted, nothing marked) are left out. Running one is running its action,
exactly as its key would.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.markup import escape

from peopletui.ui.keymap import bindings_of


@dataclass(frozen=True, slots=True)
class PaletteEntry:
    title: str
    help: str
    run: Callable[[], object]


def _help_markup(tooltip: str, keys: str) -> str:
    # The palette reads help as markup; these are our own words, escaped all the same.
    text = f"{tooltip}  ({keys})" if keys else tooltip
    return escape(text)


class ActionCommands(Provider):
    def _entries(self) -> Iterator[PaletteEntry]:
        screen = self.screen
        app = self.app
        seen: set[tuple[int, str]] = set()
        titles: set[str] = set()

        def entry(node: DOMNode, action: str, title: str, tooltip: str, keys: str) -> None:
            marker = (id(node), action)
            if marker in seen or not title or title in titles:
                return
            if node.check_action(action.partition("(")[0], ()) is not True:
                return  # not possible here now (nothing highlighted, nothing marked…)
            seen.add(marker)
            titles.add(title)
            run = partial(app.run_action, action, node)
            found.append(PaletteEntry(title, _help_markup(tooltip, keys), run))

        found: list[PaletteEntry] = []
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.id or binding.action in ("command_palette", "app.command_palette"):
                continue  # Textual's own (focus next, scroll left…) and the palette itself
            keys = app.get_key_display(binding)
            entry(active.node, binding.action, binding.description, binding.tooltip, keys)
        # Bindings a focused widget shadows (escape…) still deserve a palette entry.
        for binding in bindings_of(type(screen).BINDINGS):
            entry(screen, binding.action, binding.description, binding.tooltip, "")
        for extra in getattr(screen, "PALETTE_ONLY", ()):
            entry(screen, extra.action, extra.title, extra.help, "")
        yield from found

    async def discover(self) -> Hits:
        for entry in sorted(self._entries(), key=lambda e: e.title):
            yield DiscoveryHit(entry.title, entry.run, help=entry.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for entry in self._entries():
            score = matcher.match(entry.title)
            if score > 0:
                yield Hit(score, matcher.highlight(entry.title), entry.run, help=entry.help)
