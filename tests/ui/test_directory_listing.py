"""A directory listing grows page by page (a browse learns its total on the last page) and its
status line says where things stand."""

from __future__ import annotations

from peopletui.services.directory import DirectoryPage
from peopletui.ui.screens.directory_listing import Listing, status_text


def people(*numbers: int) -> list[dict[str, str]]:
    return [{"resourceName": f"people/{n}"} for n in numbers]


def status(listing: Listing, wanted: str = "", **state: bool) -> str:
    flags = {"loading": False, "failed": False} | state
    return str(status_text(listing, wanted=wanted, marked=0, **flags))


def test_a_browse_learns_its_total_on_its_last_page() -> None:
    listing = Listing("")
    assert status(listing, loading=True) == "Loading the directory…"
    listing.add_page(DirectoryPage(people(1, 2), "next"))
    assert status(listing) == "2 people · more below (m)"
    assert status(listing, loading=True) == "2 people · loading more…"
    added = listing.add_page(DirectoryPage(people(2, 3), None))
    assert [key for key, _ in added] == ["people/3"]  # a person listed twice is shown once
    assert listing.keys == ["people/1", "people/2", "people/3"]
    assert status(listing) == "3 of 3 people"


def test_a_search_counts_its_matches_and_says_when_there_are_none() -> None:
    listing = Listing("ada")
    listing.add_page(DirectoryPage(people(1), "next", total=40))
    assert status(listing, "ada") == "1 of 40 matches · more below (m)"
    assert status(listing, "adam", loading=True) == "Searching…"
    empty = Listing("[b]x[/]")
    empty.add_page(DirectoryPage([], None, total=0))
    assert status(empty, "[b]x[/]") == "No one in the directory matches “[b]x[/]”."
    assert str(status_text(empty, wanted="[b]x[/]", loading=False, failed=True, marked=2)) == (
        "Could not reach the directory (ctrl+r tries again) · 2 marked"
    )
