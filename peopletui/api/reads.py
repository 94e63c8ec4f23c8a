"""The read methods of PeopleClient, and paged iteration over the list methods."""

from __future__ import annotations

from collections.abc import Iterable

import httpx

from . import optags
from .core import ME, ClientCore, JsonObject, as_names
from .errors import error_from_response, error_from_transport
from .models import (
    DirectoryMergeSourceType,
    DirectorySourceType,
    GetPeopleResponse,
    ListConnectionsResponse,
    ListDirectoryPeopleResponse,
    Person,
    PersonField,
    ReadSourceType,
    SearchDirectoryPeopleResponse,
    SearchResponse,
    SortOrder,
)
from .paging import Pages
from .params import ALL_PERSON_FIELDS, Query, include_field_mask, person_path

MAX_PAGE_SIZE = 1000
MAX_DIRECTORY_SEARCH_PAGE_SIZE = 500


class ReadMethods(ClientCore):
    """people.get, getBatchGet, connections.list, searchContacts and the directory methods."""

    async def get_person(
        self,
        resource_name: str = ME,
        *,
        person_fields: Iterable[PersonField],
        request_mask_include_field: Iterable[PersonField] | None = None,
        sources: Iterable[ReadSourceType] | None = None,
    ) -> Person:
        """people.get: one person (``people/me`` for the signed-in user)."""
        query = (
            Query()
            .mask("personFields", person_fields)
            .text("requestMask.includeField", _include(request_mask_include_field))
            .repeated("sources", sources)
        )
        body = await self._read("get", person_path(resource_name), query)
        return Person.from_api(optags.strip_tag(body))

    async def get_people(
        self,
        resource_names: Iterable[str],
        *,
        person_fields: Iterable[PersonField],
        request_mask_include_field: Iterable[PersonField] | None = None,
        sources: Iterable[ReadSourceType] | None = None,
    ) -> GetPeopleResponse:
        """people.getBatchGet: up to 200 people by resource name (see `batches.get_people`)."""
        query = (
            Query()
            .repeated("resourceNames", list(resource_names))
            .mask("personFields", person_fields)
            .text("requestMask.includeField", _include(request_mask_include_field))
            .repeated("sources", sources)
        )
        body = await self._read("getBatchGet", "/v1/people:batchGet", query)
        return GetPeopleResponse.from_api(body)

    async def list_connections(
        self,
        resource_name: str = ME,
        *,
        person_fields: Iterable[PersonField],
        page_size: int | None = None,
        page_token: str | None = None,
        request_mask_include_field: Iterable[PersonField] | None = None,
        request_sync_token: bool | None = None,
        sort_order: SortOrder | None = None,
        sources: Iterable[ReadSourceType] | None = None,
        sync_token: str | None = None,
    ) -> ListConnectionsResponse:
        """people.connections.list: one page of the user's contacts (see `iter_connections`)."""
        body = await self.list_connections_json(
            resource_name,
            person_fields=person_fields,
            page_size=page_size,
            page_token=page_token,
            request_mask_include_field=request_mask_include_field,
            request_sync_token=request_sync_token,
            sort_order=sort_order,
            sources=sources,
            sync_token=sync_token,
        )
        return ListConnectionsResponse.from_api(body)

    async def list_connections_json(
        self,
        resource_name: str = ME,
        *,
        person_fields: Iterable[PersonField],
        page_size: int | None = None,
        page_token: str | None = None,
        request_mask_include_field: Iterable[PersonField] | None = None,
        request_sync_token: bool | None = None,
        sort_order: SortOrder | None = None,
        sources: Iterable[ReadSourceType] | None = None,
        sync_token: str | None = None,
    ) -> JsonObject:
        """`list_connections` answering the page's JSON as the server sent it, unparsed.

        For a cache that stores people as JSON: a full sync of 25,000 contacts spends most of
        its time building and dumping models otherwise, on the UI's event loop."""
        query = (
            Query()
            .mask("personFields", person_fields)
            .number("pageSize", page_size)
            .text("pageToken", page_token)
            .text("requestMask.includeField", _include(request_mask_include_field))
            .flag("requestSyncToken", request_sync_token)
            .text("sortOrder", sort_order)
            .repeated("sources", sources)
            .text("syncToken", sync_token)
        )
        return await self._read(
            "connections.list", person_path(resource_name, "/connections"), query
        )

    async def search_contacts(
        self,
        query: str,
        *,
        read_mask: Iterable[PersonField],
        page_size: int | None = None,
        sources: Iterable[ReadSourceType] | None = None,
    ) -> SearchResponse:
        """people.searchContacts: prefix search (send a warmup with query "" first)."""
        params = (
            Query()
            .text("query", query)
            .mask("readMask", read_mask)
            .number("pageSize", page_size)
            .repeated("sources", sources)
        )
        body = await self._read("searchContacts", "/v1/people:searchContacts", params)
        return SearchResponse.from_api(body)

    async def warm_up_search(self) -> None:
        """The empty searchContacts request Google asks for before searching, to refresh its
        search cache."""
        await self.search_contacts("", read_mask={"names"})

    async def list_directory_people(
        self,
        *,
        read_mask: Iterable[PersonField],
        sources: Iterable[DirectorySourceType],
        merge_sources: Iterable[DirectoryMergeSourceType] | None = None,
        page_size: int | None = None,
        page_token: str | None = None,
        request_sync_token: bool | None = None,
        sync_token: str | None = None,
    ) -> ListDirectoryPeopleResponse:
        """people.listDirectoryPeople: one page of the Workspace directory."""
        query = (
            Query()
            .mask("readMask", read_mask)
            .repeated("sources", sources)
            .repeated("mergeSources", merge_sources)
            .number("pageSize", page_size)
            .text("pageToken", page_token)
            .flag("requestSyncToken", request_sync_token)
            .text("syncToken", sync_token)
        )
        body = await self._read("listDirectoryPeople", "/v1/people:listDirectoryPeople", query)
        return ListDirectoryPeopleResponse.from_api(body)

    async def search_directory_people(
        self,
        query: str,
        *,
        read_mask: Iterable[PersonField],
        sources: Iterable[DirectorySourceType],
        merge_sources: Iterable[DirectoryMergeSourceType] | None = None,
        page_size: int | None = None,
        page_token: str | None = None,
    ) -> SearchDirectoryPeopleResponse:
        """people.searchDirectoryPeople: one page of directory people matching a prefix."""
        params = (
            Query()
            .text("query", query)
            .mask("readMask", read_mask)
            .repeated("sources", sources)
            .repeated("mergeSources", merge_sources)
            .number("pageSize", page_size)
            .text("pageToken", page_token)
        )
        path = "/v1/people:searchDirectoryPeople"
        body = await self._read("searchDirectoryPeople", path, params)
        return SearchDirectoryPeopleResponse.from_api(body)

    async def download_photo(self, url: str) -> bytes:
        """The image behind a person's photo URL, as served (retried like a read).

        Photo URLs are public (Google's lh3.googleusercontent.com, the emulator's photo path),
        so the request goes out without credentials: the bearer token never reaches the photo
        host. Google serves the size named in the URL (often ``=s100``)."""

        async def attempt(_uncertain: bool) -> bytes:
            request = self._http.build_request("GET", url)
            try:
                # auth=None: no Authorization header for a host that is not the API's.
                response = await self._http.send(request, auth=None)
            except httpx.TransportError as exc:
                raise error_from_transport(exc, request) from exc
            if not response.is_success:
                raise error_from_response(response, method_id="photo")
            return response.content

        return await self._retrier.run(attempt, repeatable=True)

    # -- paged iteration --------------------------------------------------------------------

    def iter_connections(
        self,
        *,
        person_fields: Iterable[PersonField] = ALL_PERSON_FIELDS,
        page_size: int = MAX_PAGE_SIZE,
        request_sync_token: bool = True,
        sync_token: str | None = None,
        sort_order: SortOrder | None = None,
        sources: Iterable[ReadSourceType] | None = None,
    ) -> Pages[ListConnectionsResponse]:
        """Every page of the user's contacts (a delta if `sync_token` is given); the pages'
        `next_sync_token` is set after the last page."""
        fields, kinds = as_names(person_fields), as_names(sources)

        async def fetch(token: str | None) -> ListConnectionsResponse:
            return await self.list_connections(
                person_fields=fields or (),
                page_size=page_size,
                page_token=token,
                request_sync_token=request_sync_token,
                sort_order=sort_order,
                sources=kinds,
                sync_token=sync_token,
            )

        return Pages(fetch, lambda page: page.connections, lambda page: page.next_sync_token)

    def iter_directory_people(
        self,
        *,
        read_mask: Iterable[PersonField],
        sources: Iterable[DirectorySourceType],
        merge_sources: Iterable[DirectoryMergeSourceType] | None = None,
        page_size: int = MAX_PAGE_SIZE,
        request_sync_token: bool | None = None,
        sync_token: str | None = None,
    ) -> Pages[ListDirectoryPeopleResponse]:
        """Every page of the Workspace directory; `next_sync_token` is set after the last page."""
        fields = as_names(read_mask) or frozenset()
        kinds, merges = list(sources), None if merge_sources is None else list(merge_sources)

        async def fetch(token: str | None) -> ListDirectoryPeopleResponse:
            return await self.list_directory_people(
                read_mask=fields,
                sources=kinds,
                merge_sources=merges,
                page_size=page_size,
                page_token=token,
                request_sync_token=request_sync_token,
                sync_token=sync_token,
            )

        return Pages(fetch, lambda page: page.people, lambda page: page.next_sync_token)

    def iter_directory_search(
        self,
        query: str,
        *,
        read_mask: Iterable[PersonField],
        sources: Iterable[DirectorySourceType],
        merge_sources: Iterable[DirectoryMergeSourceType] | None = None,
        page_size: int = MAX_DIRECTORY_SEARCH_PAGE_SIZE,
    ) -> Pages[SearchDirectoryPeopleResponse]:
        """Every page of a directory search (no sync token: the search method has none)."""
        fields = as_names(read_mask) or frozenset()
        kinds, merges = list(sources), None if merge_sources is None else list(merge_sources)

        async def fetch(token: str | None) -> SearchDirectoryPeopleResponse:
            return await self.search_directory_people(
                query,
                read_mask=fields,
                sources=kinds,
                merge_sources=merges,
                page_size=page_size,
                page_token=token,
            )

        return Pages(fetch, lambda page: page.people, lambda page: None)


def _include(fields: Iterable[PersonField] | None) -> str | None:
    return None if fields is None else include_field_mask(fields)
