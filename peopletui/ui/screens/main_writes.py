"""Changing one contact from the main screen: edit, create, delete, photos, undo, conflicts and
the changes that wait for the user.

Each flow runs in a worker of the `writes` group (never exclusive) so that it can wait for its
dialogs (`push_screen_wait`) and for the server, while the list stays usable. The services keep
every change as a draft until the server confirms it; the notices say what was kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from peopletui.api.errors import PeopleApiError, PermissionDenied, Unauthenticated
from peopletui.cache.display import display_name
from peopletui.services.errors import ContactNotFound
from peopletui.services.fields import custom_photo_url
from peopletui.services.results import SaveOutcome, SaveStatus
from peopletui.ui.notices import Notice, save_notice, undo_notice
from peopletui.ui.screens.confirm import ConfirmScreen
from peopletui.ui.screens.main_base import MainBase

if TYPE_CHECKING:
    from peopletui.ui.screens.drafts import DraftChoice

# The edit, conflict, photo and drafts screens are imported where they are opened: none is
# needed for the first paint, and together they cost tens of ms at the app's start.

SIGN_IN_ERRORS = (Unauthenticated, PermissionDenied)


class WritesMixin(MainBase):
    photo_folder: Path = Path.home()
    """Where the photo file browser starts."""

    # -- edit and create ------------------------------------------------------------------------

    def action_edit(self) -> None:
        key = self.highlighted()
        if key is not None:
            self.open_contact(key)

    def open_contact(self, key: str) -> None:
        """Reload the contact from the server (people.get), then edit it."""
        self.run_write(self._edit(key), "edit")

    async def _edit(self, key: str) -> None:
        if not await self._reload_before_edit(key):
            return
        try:
            edit = self.book.begin_edit(key)
        except ContactNotFound as gone:
            self.tell(Notice(str(gone), "warning"))
            return
        from peopletui.ui.screens.edit import EditScreen

        name = display_name(edit.base)
        result = await self.app.push_screen_wait(EditScreen(edit.base, title=f"Edit {name}"))
        if result is None:
            return
        if not result.mask:
            self.say("Nothing changed.")
            return
        edit.values.update(result.patch)
        outcome = await self.book.save(edit)
        await self.settle(outcome, f"Saved “{display_name(outcome.person or edit.base)}”")

    async def _reload_before_edit(self, key: str) -> bool:
        """The form starts from the server's latest version (and etag), so a save rarely meets
        a conflict. Offline, it starts from the last synced copy; False if the contact is gone."""
        try:
            report = await self.book.refresh([key])
        except SIGN_IN_ERRORS:
            raise
        except PeopleApiError as error:
            self.tell(
                Notice(
                    f"Could not reload the contact ({error.message}); editing the copy from the "
                    "last sync.",
                    "warning",
                )
            )
            return self.book.get(key) is not None
        if report.gone:
            self.tell(Notice("This contact was deleted on the server meanwhile.", "warning"))
            return False
        return True

    def action_create(self) -> None:
        self.run_write(self._create(), "create")

    async def _create(self) -> None:
        from peopletui.ui.screens.edit import EditScreen

        result = await self.app.push_screen_wait(EditScreen(None, title="New contact"))
        if result is None or not result.mask:
            return
        outcome = await self.book.create(result.patch)
        name = display_name(outcome.person or result.patch)
        await self.settle(outcome, f"Created “{name}”")
        if outcome.saved and outcome.resource_name:
            self.reveal(outcome.resource_name)

    async def settle(self, outcome: SaveOutcome, done: str) -> None:
        """Report a change; for a conflict, ask field by field until it is saved or the user
        leaves it waiting."""
        from peopletui.ui.screens.conflict import ConflictScreen

        while outcome.status is SaveStatus.CONFLICT and outcome.conflicts:
            choices = await self.app.push_screen_wait(ConflictScreen(outcome.conflicts))
            if choices is None:
                break
            outcome = await self.book.resolve_conflict(outcome.draft_id, choices)
            if outcome.status is SaveStatus.CONFLICT:
                self.tell(Notice("The contact changed again; choose again.", "warning"))
        self.tell(save_notice(outcome, done))
        await self.refresh_waiting()

    # -- delete ---------------------------------------------------------------------------------

    def action_delete(self) -> None:
        key = self.highlighted()
        if key is not None:
            self.run_write(self._delete(key), "delete")

    async def _delete(self, key: str) -> None:
        name = self.name_of(key)
        question = f"Delete “{name}”?\n\nThe contact is removed from your account; u undoes it."
        if not await self.app.push_screen_wait(ConfirmScreen(question, confirm_label="Delete")):
            return
        outcome = await self.book.delete(key)
        await self.settle(outcome, f"Deleted “{name}”. Press u to undo")

    # -- photos ---------------------------------------------------------------------------------

    def action_set_photo(self) -> None:
        key = self.highlighted()
        if key is not None:
            self.run_write(self._set_photo(key), "set-photo")

    async def _set_photo(self, key: str) -> None:
        from peopletui.ui.screens.photo import PhotoScreen

        image = await self.app.push_screen_wait(PhotoScreen(self.photo_folder))
        if image is None:
            return
        outcome = await self.book.set_photo(key, image)
        await self.settle(outcome, f"New photo saved for “{self.name_of(key)}”")

    def action_remove_photo(self) -> None:
        key = self.highlighted()
        if key is not None:
            self.run_write(self._remove_photo(key), "remove-photo")

    async def _remove_photo(self, key: str) -> None:
        name = self.name_of(key)
        if custom_photo_url(self.person(key) or {}) is None:
            self.say(f"“{name}” has no photo of their own to remove.")
            return
        question = f"Remove the photo of “{name}”?"
        confirmed = await self.app.push_screen_wait(ConfirmScreen(question, confirm_label="Remove"))
        if not confirmed:
            return
        outcome = await self.book.delete_photo(key)
        await self.settle(outcome, f"Removed the photo of “{name}”. Press u to undo")

    # -- undo -----------------------------------------------------------------------------------

    def action_undo(self) -> None:
        self.run_write(self._undo(), "undo")

    async def _undo(self) -> None:
        if not await self.book.can_undo():
            self.say("Nothing to undo.")
            return
        self.tell(undo_notice(await self.book.undo()))
        await self.refresh_waiting()

    # -- waiting changes ------------------------------------------------------------------------

    def action_drafts(self) -> None:
        self.run_write(self._drafts(), "drafts")

    async def _drafts(self) -> None:
        from peopletui.ui.screens.drafts import DraftsScreen

        drafts = await self.book.waiting_drafts()
        if not drafts:
            self.say("No changes are waiting: everything was sent.")
            await self.refresh_waiting()
            return
        choice: DraftChoice | None = await self.app.push_screen_wait(
            DraftsScreen(drafts, self.name_of)
        )
        if choice is None:
            return
        draft = choice.draft
        if choice.action == "discard":
            question = "Discard this change for good? It cannot be undone."
            if await self.app.push_screen_wait(ConfirmScreen(question, confirm_label="Discard")):
                await self.book.discard_draft(draft.id)
                self.say("The change was discarded.")
        elif choice.action == "retry":
            await self.settle(await self.book.retry_draft(draft.id), "Sent the change")
        else:
            # With no choices yet, the service merges against the latest version and returns
            # the fields that still need the user.
            outcome = await self.book.resolve_conflict(draft.id, {})
            await self.settle(outcome, "Saved the change")
        await self.refresh_waiting()
