"""Reusable widgets that take plain data and know nothing of services, HTTP or keyrings."""

from peopletui.ui.widgets.contact_list import ContactList
from peopletui.ui.widgets.contact_row import ContactRow
from peopletui.ui.widgets.photo import PhotoView

__all__ = ["ContactList", "ContactRow", "PhotoView"]
