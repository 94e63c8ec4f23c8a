"""EditScreen in a running app: keys and mouse edit rows, save gives the exact patch and mask,
invalid values block saving, escape asks only when something changed, and hostile text is shown
as written."""

from __future__ import annotations

import copy
from typing import Any, ClassVar

from textual.app import App
from textual.widgets import Button, Input, Static, TextArea

from peopletui.paths import styles_dir
from peopletui.ui.forms.fields import FIELD_SPECS
from peopletui.ui.forms.widgets import ColumnInput, FieldSection, RemoveRow, RowEditor
from peopletui.ui.screens.confirm import ConfirmScreen
from peopletui.ui.screens.edit import EditResult, EditScreen
from tests.ui.test_edit_mapping import PRIMARY, SOURCE, rich_person

SIZE = (120, 40)


class Host(App[None]):
    """Pushes one screen and records what it dismisses with."""

    CSS_PATH: ClassVar[list[Any]] = [styles_dir() / "app.tcss", styles_dir() / "widgets.tcss"]

    def __init__(self, screen: EditScreen) -> None:
        super().__init__()
        self.form = screen
        self.results: list[EditResult | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.form, self.results.append)


async def opened(app: Host) -> EditScreen:
    await app.form.rows_mounted.wait()
    return app.form


def rows(screen: EditScreen, field: str) -> list[RowEditor]:
    return list(screen.query_one(f"#section-{field}", FieldSection).query_children(RowEditor))


def editor(row: RowEditor, key: str) -> ColumnInput:
    found = row.editor_for(key)
    assert isinstance(found, ColumnInput)
    return found


def screen_text(app: App[Any]) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def small_person() -> dict[str, Any]:
    return {
        "resourceName": "people/c7",
        "etag": "%abc",
        "names": [{**PRIMARY, "givenName": "Ada", "familyName": "Lovelace"}],
        "nicknames": [{**SOURCE, "value": "Countess"}, {**SOURCE, "value": "Enchantress"}],
        "emailAddresses": [{**PRIMARY, "value": "ada@example.com", "type": "work"}],
        "phoneNumbers": [
            {**PRIMARY, "value": "+44 20 7946 0000", "type": "mobile", "canonicalForm": "+4420"}
        ],
    }


async def test_change_a_phone_add_an_email_remove_a_nickname_with_the_keyboard() -> None:
    person = small_person()
    app = Host(EditScreen(person, title="Edit Ada Lovelace"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app)

        phone = editor(rows(screen, "phoneNumbers")[0], "value")
        phone.focus()
        phone.value = "+44 20 7946 11"
        await pilot.press("end", "1", "1")

        editor(rows(screen, "emailAddresses")[0], "value").focus()
        await pilot.press("ctrl+n")
        new_email = rows(screen, "emailAddresses")[1]
        assert screen.focused is editor(new_email, "value")
        screen.focused.insert_text_at_cursor("ada@new.example")  # type: ignore[union-attr]
        await pilot.press("tab", "h", "right")  # "h", then accept the suggested "home"
        assert editor(new_email, "type").value == "home"

        editor(rows(screen, "nicknames")[0], "value").focus()
        await pilot.press("ctrl+d")
        assert [editor(r, "value").value for r in rows(screen, "nicknames")] == ["Enchantress"]

        await pilot.press("ctrl+s")
        await pilot.pause()

    (result,) = app.results
    assert isinstance(result, EditResult)
    assert result.mask == {"phoneNumbers", "emailAddresses", "nicknames"}
    assert result.patch == {
        "phoneNumbers": [{**PRIMARY, "value": "+44 20 7946 1111", "type": "mobile"}],
        "emailAddresses": [
            {**PRIMARY, "value": "ada@example.com", "type": "work"},
            {"value": "ada@new.example", "type": "home"},
        ],
        "nicknames": [{**SOURCE, "value": "Enchantress"}],
    }
    assert person == small_person()


async def test_add_and_remove_rows_with_the_mouse() -> None:
    app = Host(EditScreen(small_person(), title="Edit"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app)
        assert await pilot.click("#section-emailAddresses .add-row")
        assert len(rows(screen, "emailAddresses")) == 2
        assert isinstance(screen.focused, Input)
        screen.focused.insert_text_at_cursor("second@example.com")

        remove = rows(screen, "nicknames")[1].query_one(RemoveRow)
        assert await pilot.click(remove)
        assert [editor(r, "value").value for r in rows(screen, "nicknames")] == ["Countess"]

        assert await pilot.click("#edit-save")
        await pilot.pause()

    (result,) = app.results
    assert isinstance(result, EditResult)
    assert result.mask == {"emailAddresses", "nicknames"}
    assert result.patch["emailAddresses"][1] == {"value": "second@example.com"}
    assert result.patch["nicknames"] == [{**SOURCE, "value": "Countess"}]


async def test_every_field_type_round_trips_through_the_form_unchanged() -> None:
    person = rich_person()
    app = Host(EditScreen(person, title="Edit"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app)
        # Every section is there, each row with its editors.
        assert len(screen.query(FieldSection)) == len(FIELD_SPECS)
        assert screen.query_one("#section-biographies", FieldSection).query_one(TextArea).text == (
            "Line one\nLine two"
        )
        assert not screen.is_dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == [EditResult({}, frozenset())]
    assert person == rich_person()


async def test_create_returns_the_fields_that_were_filled() -> None:
    app = Host(EditScreen(None, title="New contact"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app)
        assert screen.creating
        assert screen.focused is editor(rows(screen, "names")[0], "givenName")
        await pilot.press("shift+tab")
        assert screen.focused is editor(rows(screen, "names")[0], "honorificPrefix")
        await pilot.press("tab", *"Grace", "tab", "tab")
        assert isinstance(screen.focused, Input)
        screen.focused.insert_text_at_cursor("Hopper")
        await pilot.click("#section-emailAddresses .add-row")
        assert isinstance(screen.focused, Input)
        screen.focused.insert_text_at_cursor("grace@navy.example")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == [
        EditResult(
            {
                "names": [{"givenName": "Grace", "familyName": "Hopper"}],
                "emailAddresses": [{"value": "grace@navy.example"}],
            },
            frozenset({"names", "emailAddresses"}),
        )
    ]


async def test_creating_nothing_is_refused() -> None:
    app = Host(EditScreen(None, title="New contact"))
    async with app.run_test(size=SIZE) as pilot:
        await opened(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == []
        assert app.screen is app.form
        assert [n.message for n in list(app._notifications)] == [
            "Fill in at least one field to create a contact."
        ]


async def test_an_invalid_email_blocks_saving_and_is_explained_beside_the_field() -> None:
    app = Host(EditScreen(small_person(), title="Edit"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app)
        email = editor(rows(screen, "emailAddresses")[0], "value")
        email.focus()
        email.value = "ada-at-example.co"
        await pilot.press("end", "m")
        editor(rows(screen, "nicknames")[0], "value").focus()

        await pilot.press("ctrl+s")
        await pilot.pause()

        assert app.results == []
        assert email.has_class("-invalid")
        assert (
            email.border_subtitle == "Not an email address: it needs an @, as in name@example.com"
        )
        assert screen.focused is email  # saving took the user to the problem
        status = str(screen.query_one("#edit-status", Static).render())
        assert status.startswith("1 problem to fix before saving — Email: Not an email address")

        email.value = "ada@example.org"
        await pilot.pause()
        assert not email.has_class("-invalid") and email.border_subtitle is None
        await pilot.press("ctrl+s")
        await pilot.pause()
    (result,) = app.results
    assert isinstance(result, EditResult) and result.mask == {"emailAddresses"}


async def test_an_impossible_date_blocks_saving() -> None:
    app = Host(EditScreen(small_person(), title="Edit"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app)
        birthday = editor(rows(screen, "birthdays")[0], "date")
        birthday.focus()
        birthday.value = "2023-02-2"
        await pilot.press("end", "9")
        assert birthday.border_subtitle == "2023 is not a leap year: February has 28 days"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.results == []

        birthday.value = "02-29"  # no year: a leap-day birthday is fine
        await pilot.pause()
        assert birthday.border_subtitle is None
        await pilot.press("ctrl+s")
        await pilot.pause()
    (result,) = app.results
    assert isinstance(result, EditResult)
    assert result.patch == {"birthdays": [{"date": {"month": 2, "day": 29}}]}


async def test_escape_on_an_untouched_form_just_closes() -> None:
    app = Host(EditScreen(small_person(), title="Edit"))
    async with app.run_test(size=SIZE) as pilot:
        await opened(app)
        await pilot.press("escape")
        await pilot.pause()
    assert app.results == [None]


async def test_escape_on_a_changed_form_asks_first() -> None:
    app = Host(EditScreen(small_person(), title="Edit"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app)
        name = editor(rows(screen, "names")[0], "givenName")
        name.focus()
        await pilot.press("end", *"line")
        assert screen.is_dirty

        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert app.screen is screen and app.results == []
        assert name.value == "Adaline"

        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # discard
        await pilot.pause()
    assert app.results == [None]


async def test_a_draft_reopens_where_the_user_left_it() -> None:
    person = small_person()
    draft = {
        "phoneNumbers": [{**PRIMARY, "value": "+44 1", "type": "mobile"}],
        "emailAddresses": [{"value": "bad@"}],
    }
    app = Host(EditScreen(person, title="Edit", draft=copy.deepcopy(draft)))
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app)
        assert editor(rows(screen, "phoneNumbers")[0], "value").value == "+44 1"
        email = editor(rows(screen, "emailAddresses")[0], "value")
        assert email.has_class("-invalid")  # shown at once, not only after a keystroke
        assert screen.is_dirty
        email.value = "good@example.com"
        await pilot.press("ctrl+s")
        await pilot.pause()
    (result,) = app.results
    assert isinstance(result, EditResult)
    assert result.patch == {
        "phoneNumbers": draft["phoneNumbers"],
        "emailAddresses": [{"value": "good@example.com"}],
    }


async def test_singletons_have_one_row_that_ctrl_d_clears() -> None:
    app = Host(EditScreen(small_person(), title="Edit"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app)
        editor(rows(screen, "names")[0], "givenName").focus()
        await pilot.press("ctrl+n")
        assert len(rows(screen, "names")) == 1
        assert "one name" in list(app._notifications)[-1].message
        await pilot.press("ctrl+d")
        assert editor(rows(screen, "names")[0], "familyName").value == ""
        await pilot.press("ctrl+s")
        await pilot.pause()
    (result,) = app.results
    assert isinstance(result, EditResult) and result.patch == {"names": []}


async def test_many_emails_all_get_editors() -> None:
    person = small_person()
    person["emailAddresses"] = [
        {**SOURCE, "value": f"ada{i}@example.com", "type": "work"} for i in range(40)
    ]
    app = Host(EditScreen(person, title="Edit"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app)
        emails = rows(screen, "emailAddresses")
        assert [editor(r, "value").value for r in emails] == [
            f"ada{i}@example.com" for i in range(40)
        ]
        # Editors added after the first paint keep the form's order for tab.
        editor(emails[-1], "displayName").focus()
        await pilot.press("tab")
        assert isinstance(screen.focused, Button) and screen.focused.has_class("add-row")
        await pilot.press("tab")
        assert screen.focused is editor(rows(screen, "phoneNumbers")[0], "value")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.results == [EditResult({}, frozenset())]


async def test_saving_before_the_form_is_complete_loses_nothing() -> None:
    person = rich_person()
    person["emailAddresses"] += [{**SOURCE, "value": f"x{i}@example.com"} for i in range(30)]
    screen = EditScreen(person, title="Edit")
    app = Host(screen)
    async with app.run_test(size=SIZE) as pilot:
        # Straight away: rows past the first screen may still be waiting to be mounted.
        screen.form_state["userDefined"][0].values["value"] = "Difference"
        await pilot.press("ctrl+s")
        await pilot.pause()
    (result,) = app.results
    assert isinstance(result, EditResult)
    assert result.mask == {"userDefined"}
    assert result.patch["userDefined"] == [
        {**SOURCE, "key": "Favourite engine", "value": "Difference"}
    ]


HOSTILE = ["[bold]x[/]", "[@click=app.quit]quit[/]", "\x1b[31mred\x1b[0m", "[link=http://x]y[/]"]


async def test_hostile_values_are_shown_as_written_and_never_act() -> None:
    person = small_person()
    person["nicknames"] = [{**SOURCE, "value": value} for value in HOSTILE]
    app = Host(EditScreen(person, title="Edit [@click=app.quit]Eve[/]"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await opened(app)
        shown = [editor(r, "value").value for r in rows(screen, "nicknames")]
        assert shown == ["[bold]x[/]", "[@click=app.quit]quit[/]", "red", "[link=http://x]y[/]"]
        text = screen_text(app)
        assert "Edit [@click=app.quit]Eve[/]" in text
        for value in ("[bold]x[/]", "[@click=app.quit]quit[/]"):
            assert value in text
        assert "\x1b" not in text

        assert await pilot.click("#edit-title")
        assert await pilot.click(editor(rows(screen, "nicknames")[1], "value"))
        await pilot.pause()
        assert app.is_running and app.screen is screen

        # A typed value quoting markup is reported literally too.
        email = editor(rows(screen, "phoneNumbers")[0], "value")
        email.value = "[@click=app.quit]1[/]"
        await pilot.pause()
        assert email.border_subtitle == "A phone number cannot contain '['"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
    assert app.results == [None]


def test_bindings_have_ids_and_tooltips() -> None:
    for binding in EditScreen.BINDINGS:
        assert not isinstance(binding, tuple)
        assert binding.id and binding.id.startswith("edit.") and binding.tooltip


def test_input_widgets_are_column_inputs() -> None:
    assert issubclass(ColumnInput, Input)
