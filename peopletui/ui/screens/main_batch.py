"""Marked contacts and reading from the server: batch delete, batch edit, copies, reloading
(people.get / getBatchGet), syncing and the server's search.

Changes over many contacts are one undo step and travel in the API's batch requests
(batchDeleteContacts by 500, batchUpdateContacts and batchCreateContacts by 200); each asks
first, naming how many contacts it touches.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from peopletui.services.fields import writable_copy
from peopletui.ui.batch_changes import new_values
from peopletui.ui.notices import Notice, batch_notice, plural
from peopletui.ui.screens.confirm import ConfirmScreen
from peopletui.ui.screens.main_writes import WritesMixin

if TYPE_CHECKING:
    from peopletui.ui.screens.batch_edit import BatchEditChoice


class BatchMixin(WritesMixin):
    # -- marked contacts ------------------------------------------------------------------------

    def action_delete(self) -> None:
        marked = self.marked()
        if marked:
            self.run_write(self._delete_marked(marked), "delete-marked")
        else:
            super().action_delete()

    async def _delete_marked(self, names: list[str]) -> None:
        count = plural(len(names), "marked contact")
        question = f"Delete {count}?\n\nThey are removed from your account; u undoes it."
        if not await self.app.push_screen_wait(ConfirmScreen(question, confirm_label="Delete")):
            return
        result = await self.book.delete_many(names)
        self.tell(batch_notice(result, "Deleted"))
        deleted = {o.resource_name for o in result.outcomes if o.saved}
        self.contact_list.set_selection(self.contact_list.selected_keys - deleted)
        await self.refresh_waiting()

    def action_batch_edit(self) -> None:
        marked = self.marked()
        if not marked:
            self.say("Mark contacts first: space marks one, ctrl+a marks every one shown.")
            return
        self.run_write(self._batch_edit(marked), "batch-edit")

    async def _batch_edit(self, names: list[str]) -> None:
        # Imported when opened: not needed for the first paint.
        from peopletui.ui.screens.batch_edit import BatchEditScreen

        choice: BatchEditChoice | None = await self.app.push_screen_wait(
            BatchEditScreen(len(names))
        )
        if choice is None:
            return
        change = choice.change
        count = plural(len(names), "contact")
        question = change.question.format(value=choice.value, count=count)
        confirmed = await self.app.push_screen_wait(
            ConfirmScreen(question, confirm_label="Apply", danger=False)
        )
        if not confirmed:
            return
        people = {name: person for name in names if (person := self.person(name)) is not None}
        result = await self.book.update_many(new_values(change, people, choice.value))
        self.tell(batch_notice(result, "Changed"))
        await self.refresh_waiting()

    def action_duplicate(self) -> None:
        names = self.marked() or [key for key in (self.highlighted(),) if key is not None]
        if names:
            self.run_write(self._duplicate(names), "duplicate")

    async def _duplicate(self, names: list[str]) -> None:
        question = f"Create a copy of {plural(len(names), 'contact')}?"
        confirmed = await self.app.push_screen_wait(
            ConfirmScreen(question, confirm_label="Copy", danger=False)
        )
        if not confirmed:
            return
        people = [person for name in names if (person := self.person(name)) is not None]
        copies = [writable_copy(person, leave_out={"memberships"}) for person in people]
        result = await self.book.create_many(copies)
        self.tell(batch_notice(result, "Copied"))
        await self.refresh_waiting()

    def action_select_all(self) -> None:
        self.contact_list.action_select_all()

    def action_select_none(self) -> None:
        self.contact_list.set_selection(())

    # -- reading from the server ----------------------------------------------------------------

    def action_reload(self) -> None:
        key = self.highlighted()
        if key is not None:
            self.run_read(self._reload([key]), "reload")

    def action_reload_many(self) -> None:
        names = self.marked() or self._on_screen()
        if names:
            self.run_read(self._reload(names), "reload-many")

    def _on_screen(self) -> list[str]:
        contacts = self.contact_list
        top = contacts.scroll_offset.y
        return [row.key for row in contacts.rows[top : top + contacts.size.height]]

    async def _reload(self, names: list[str]) -> None:
        single = self.name_of(names[0]) if len(names) == 1 else ""
        report = await self.book.refresh(names)
        parts = []
        if report.refreshed:
            what = f"“{single}”" if single else plural(len(report.refreshed), "contact")
            parts.append(f"Reloaded {what} from the server.")
        if report.gone:
            gone = plural(len(report.gone), "contact")
            parts.append(f"Gone from the server, so removed here too: {gone}.")
        if report.failed:
            parts.append(f"{plural(report.failed, 'contact')} could not be read; kept as before.")
        self.tell(Notice(" ".join(parts), "warning" if report.failed else "information"))
