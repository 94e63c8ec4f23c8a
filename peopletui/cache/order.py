"""The list's display order as SQL: named people first, by folded name, nameless last. The
cache's `people_display_order` index (schema v4) is on exactly these terms, so a query ordered
by them reads its first rows from the index instead of sorting the whole book."""

from __future__ import annotations

DISPLAY_ORDER = "named DESC, display = '', display, resource_name"
