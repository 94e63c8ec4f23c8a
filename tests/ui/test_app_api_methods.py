"""Which People API method each key calls, seen on the wire: the app runs on a recorded demo
session and is driven through its keys, one flow of README.md's table "What it does, and where"
at a time; each flow must send the method the table names (a batch as one batch request, not one
request per contact), and together the flows call all 14 methods."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path
from typing import Any

from app_harness import (
    RecordedSession,
    first_with,
    main_screen,
    notices,
    recorded_session,
    running,
    screen_of,
    server_names,
    server_person,
    settle,
    until,
)
from PIL import Image
from textual.widgets import Input, Select

from peopletui.services.fields import custom_photo_url
from peopletui.ui.forms.widgets import ColumnInput, FieldSection, RowEditor
from peopletui.ui.screens.batch_edit import BatchEditScreen
from peopletui.ui.screens.confirm import ConfirmScreen
from peopletui.ui.screens.directory import DirectoryScreen
from peopletui.ui.screens.edit import EditScreen
from peopletui.ui.screens.main import MainScreen
from peopletui.ui.screens.photo import PhotoScreen
from peopletui.ui.widgets import ContactList

README = Path(__file__).resolve().parents[2] / "README.md"

# The methods that change the server: a flow must send exactly the ones it is meant to.
WRITES = frozenset(
    {
        "batchCreateContacts",
        "batchDeleteContacts",
        "batchUpdateContacts",
        "createContact",
        "deleteContact",
        "deleteContactPhoto",
        "updateContact",
        "updateContactPhoto",
    }
)


def readme_methods() -> set[str]:
    """The methods README.md's table "What it does, and where" lists."""
    text = README.read_text(encoding="utf-8")
    table = text.split("## What it does, and where", 1)[1].split("\n\n", 2)[1]
    return set(re.findall(r"^\| `([A-Za-z.]+)` \|", table, re.MULTILINE))


class Flows:
    """Runs one flow at a time and keeps what each sent."""

    def __init__(self, session: RecordedSession) -> None:
        self.session = session
        self.called: Counter[str] = Counter()

    def start(self) -> None:
        self.session.sent.clear()

    def sent(self) -> Counter[str]:
        methods = self.session.sent.methods()
        self.called.update(methods)
        return methods

    def writes(self) -> Counter[str]:
        return Counter({m: n for m, n in self.sent().items() if m in WRITES})


async def back_to_main(app: Any, pilot: Any) -> None:
    await until(pilot, lambda: isinstance(app.screen, MainScreen))
    await settle(pilot)


def column(form: EditScreen, field: str, key: str) -> ColumnInput:
    section = form.query_one(f"#section-{field}", FieldSection)
    editor = next(iter(section.query_children(RowEditor))).editor_for(key)
    assert isinstance(editor, ColumnInput)
    return editor


def write_png(path: Path) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (48, 48), (30, 120, 200)).save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())


def test_the_readme_table_lists_the_14_methods() -> None:
    assert readme_methods() == {
        "batchCreateContacts",
        "batchDeleteContacts",
        "batchUpdateContacts",
        "connections.list",
        "createContact",
        "deleteContact",
        "deleteContactPhoto",
        "get",
        "getBatchGet",
        "listDirectoryPeople",
        "searchContacts",
        "searchDirectoryPeople",
        "updateContact",
        "updateContactPhoto",
    }


async def test_each_key_calls_the_method_the_readme_names(tmp_path: Path) -> None:
    session = recorded_session()
    flows = Flows(session)
    async with running(session) as (app, pilot, _session, _):
        screen = main_screen(app)
        contacts = screen.contact_list
        book = session.book

        # The start: a full sync (connections.list) and Google's warmup search (empty query).
        assert flows.sent() == Counter({"connections.list": 1, "searchContacts": 1})
        assert "syncToken" not in session.sent.api("/connections")[0].params
        assert [s.params["query"] for s in session.sent.api(":searchContacts")] == [""]

        # s: an incremental sync, with the stored sync token.
        flows.start()
        await pilot.press("s")
        await settle(pilot)
        assert flows.sent() == Counter({"connections.list": 1})
        assert "syncToken" in session.sent.api("/connections")[0].params

        # S: a fresh warmup (an empty query), then the server's search for the filter text.
        flows.start()
        screen.apply_filter("Xq")
        await settle(pilot)
        await pilot.press("S")
        await settle(pilot)
        assert flows.sent() == Counter({"searchContacts": 2})
        assert [s.params["query"] for s in session.sent.api(":searchContacts")] == ["", "Xq"]
        screen.apply_filter("")
        await settle(pilot)

        # r: people.get of the highlighted contact.
        key = contacts.highlighted_key
        assert key is not None
        flows.start()
        await pilot.press("r")
        await settle(pilot)
        assert flows.sent() == Counter({"get": 1})
        assert session.sent.api()[0].path == f"/v1/{key}"

        # R with three marked: one getBatchGet naming all three.
        marked = book.names_in_order()[1:4]
        contacts.set_selection(marked)
        await pilot.pause()
        flows.start()
        await pilot.press("R")
        await settle(pilot)
        assert flows.sent() == Counter({"getBatchGet": 1})
        (batch_get,) = session.sent.api(":batchGet")
        assert batch_get.params["resourceNames"] in marked  # the first of the repeated params
        await pilot.press("escape")  # no marks
        await pilot.pause()

        # e, then ctrl+s: people.get first (the form starts from the latest), then updateContact.
        key = first_with(session, "emailAddresses")
        contacts.move_to_key(key)
        flows.start()
        await pilot.press("e")
        form: EditScreen = await screen_of(pilot, EditScreen)
        await form.rows_mounted.wait()
        assert flows.sent() == Counter({"get": 1})
        column(form, "emailAddresses", "value").value = "wire.check@example.net"
        flows.start()
        await pilot.press("ctrl+s")
        await back_to_main(app, pilot)
        assert flows.writes() == Counter({"updateContact": 1})
        (update,) = session.sent.api(":updateContact")
        assert update.path == f"/v1/{key}:updateContact"
        assert update.params["updatePersonFields"] == "emailAddresses"

        # n, then ctrl+s: createContact.
        flows.start()
        await pilot.press("n")
        form = await screen_of(pilot, EditScreen)
        await form.rows_mounted.wait()
        column(form, "names", "givenName").value = "Wilhelmina"
        await pilot.press("ctrl+s")
        await back_to_main(app, pilot)
        assert flows.writes() == Counter({"createContact": 1})

        # p: updateContactPhoto with the chosen file.
        picture = tmp_path / "face.png"
        write_png(picture)
        screen.photo_folder = tmp_path
        key = next(n for n in book.names_in_order() if custom_photo_url(book.get(n) or {}) is None)
        contacts.move_to_key(key)
        await settle(pilot)
        flows.start()
        await pilot.press("p")
        chooser: PhotoScreen = await screen_of(pilot, PhotoScreen)
        chooser.query_one("#photo-path", Input).value = str(picture)
        await pilot.press("ctrl+s")
        await back_to_main(app, pilot)
        assert flows.writes() == Counter({"updateContactPhoto": 1})
        assert session.sent.api(":updateContactPhoto")[0].path == f"/v1/{key}:updateContactPhoto"

        # P, after a confirmation: deleteContactPhoto.
        flows.start()
        await pilot.press("P")
        await screen_of(pilot, ConfirmScreen)
        await pilot.press("y")
        await back_to_main(app, pilot)
        assert flows.writes() == Counter({"deleteContactPhoto": 1})
        assert custom_photo_url(await server_person(session, key) or {}) is None

        # c with two marked: one batchCreateContacts, not two createContact.
        marked = book.names_in_order()[5:7]
        contacts.set_selection(marked)
        await pilot.pause()
        flows.start()
        await pilot.press("c")
        await screen_of(pilot, ConfirmScreen)
        await pilot.press("y")
        await back_to_main(app, pilot)
        assert flows.writes() == Counter({"batchCreateContacts": 1})
        assert len(session.sent.api(":batchCreateContacts")[0].json()["contacts"]) == 2

        # b with four marked: one batchUpdateContacts.
        marked = book.names_in_order()[8:12]
        contacts.set_selection(marked)
        await pilot.pause()
        flows.start()
        await pilot.press("b")
        dialog: BatchEditScreen = await screen_of(pilot, BatchEditScreen)
        dialog.query_one(Select).value = "company"
        value = dialog.query_one("#batch-value", Input)
        value.focus()
        value.value = "Wire Works"
        await pilot.press("enter")
        await screen_of(pilot, ConfirmScreen)
        await pilot.press("y")
        await back_to_main(app, pilot)
        assert flows.writes() == Counter({"batchUpdateContacts": 1})
        assert set(session.sent.api(":batchUpdateContacts")[0].json()["contacts"]) == set(marked)

        # x with three marked: ONE batchDeleteContacts naming them, no deleteContact.
        marked = book.names_in_order()[12:15]
        contacts.set_selection(marked)
        await pilot.pause()
        flows.start()
        await pilot.press("x")
        await screen_of(pilot, ConfirmScreen)
        await pilot.press("y")
        await back_to_main(app, pilot)
        assert flows.writes() == Counter({"batchDeleteContacts": 1})
        (batch_delete,) = session.sent.api(":batchDeleteContacts")
        assert sorted(batch_delete.json()["resourceNames"]) == sorted(marked)
        assert not (await server_names(session)) & set(marked)

        # x on the highlighted contact, nothing marked: deleteContact.
        key = contacts.highlighted_key
        assert key is not None and not contacts.selected_keys
        flows.start()
        await pilot.press("x")
        await screen_of(pilot, ConfirmScreen)
        await pilot.press("y")
        await back_to_main(app, pilot)
        assert flows.writes() == Counter({"deleteContact": 1})
        assert session.sent.api(":deleteContact")[0].path == f"/v1/{key}:deleteContact"

        # d: listDirectoryPeople; typing in its search box: searchDirectoryPeople.
        flows.start()
        await pilot.press("d")
        directory: DirectoryScreen = await screen_of(pilot, DirectoryScreen)
        await settle(pilot)
        assert flows.sent()["listDirectoryPeople"] >= 1
        assert directory.query_one("#directory-results", ContactList).row_count > 0
        flows.start()
        await pilot.press(*"ab")
        await settle(pilot)
        searches = session.sent.api(":searchDirectoryPeople")
        assert flows.sent().keys() == {"searchDirectoryPeople"}
        assert searches[-1].params["query"] == "ab"
        await pilot.press("escape", "escape")
        await back_to_main(app, pilot)

        assert not any(n.startswith("The server refused") for n in notices(app))

    assert set(flows.called) == readme_methods()
