"""Where each binding of the app lives, grouped for the help screen (see `keymap.py`)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding, BindingType

from peopletui.ui.keymap import bindings_of
from peopletui.ui.screens import main_keys
from peopletui.ui.widgets import ContactList
from peopletui.ui.widgets.detail import DetailPane
from peopletui.ui.widgets.filter import FilterInput

BindingGroups = list[tuple[str, list[Binding]]]


def binding_groups(app_bindings: Sequence[BindingType]) -> BindingGroups:
    """Every binding with an id, in the order the help screen lists them."""
    # The screens are imported here, not at the top: the app starts without most of them (tens
    # of ms of imports before the first paint), and this runs only for the help screen or a
    # config file's keymap.
    from peopletui.ui.screens.batch_edit import BatchEditScreen
    from peopletui.ui.screens.confirm import ConfirmScreen
    from peopletui.ui.screens.conflict import ConflictScreen
    from peopletui.ui.screens.directory import DirectoryScreen
    from peopletui.ui.screens.drafts import DraftsScreen
    from peopletui.ui.screens.edit import EditScreen
    from peopletui.ui.screens.help import HelpScreen
    from peopletui.ui.screens.photo import PhotoScreen
    from peopletui.ui.screens.sign_in import SignInScreen

    groups: BindingGroups = [("Everywhere", bindings_of(app_bindings))]
    groups += [(title, list(bindings)) for title, bindings in main_keys.GROUPS]
    sources: list[tuple[str, Sequence[BindingType]]] = [
        ("Contact list", ContactList.BINDINGS),
        ("Filter box", FilterInput.BINDINGS),
        ("Details pane", DetailPane.BINDINGS),
        ("Edit form", EditScreen.BINDINGS),
        ("Conflicts", ConflictScreen.BINDINGS),
        ("Photo file", PhotoScreen.BINDINGS),
        ("Directory", DirectoryScreen.BINDINGS),
        ("Waiting changes", DraftsScreen.BINDINGS),
        ("Batch edit", BatchEditScreen.BINDINGS),
        ("Questions", ConfirmScreen.BINDINGS),
        ("Sign-in", SignInScreen.BINDINGS),
        ("Help", HelpScreen.BINDINGS),
    ]
    for title, source in sources:
        bindings = [binding for binding in bindings_of(source) if binding.id]
        if bindings:
            groups.append((title, bindings))
    return groups
