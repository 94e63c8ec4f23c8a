"""The People API ``people`` resource: routing, parameters, scopes and the response envelope.

`PeopleApi.handle` answers one authenticated request; the methods themselves live in
contacts_api, connections, search, directory and photos. Standard parameters are honoured here:
``fields`` (partial responses, see partial.py), ``prettyPrint``, ``callback`` (JSONP), ``alt``
(only ``json``; the emulator has no protobuf or media output), and ``$.xgafv``, ``key``,
``quotaUser``, ``access_token``, ``oauth_token``, ``uploadType``, ``upload_protocol`` are accepted.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from . import connections, contacts_api, directory, jsonout, partial, photos, search
from .access import METHOD_SCOPES, require
from .call import Call, Services
from .clock import Clock
from .errors import ApiError
from .params import QueryParams
from .persons import PersonWriter
from .routing import not_found_page, resolve
from .store import EmulatorState
from .tokens import AccessGrant
from .wire import WireRequest, WireResponse

Handler = Callable[[Call], Any]
"""A method: returns the response payload (JSON values and `jsonout.RawJson` pieces)."""

HANDLERS: dict[str, Handler] = {
    "get": contacts_api.get,
    "getBatchGet": contacts_api.get_batch,
    "createContact": contacts_api.create,
    "updateContact": contacts_api.update,
    "deleteContact": contacts_api.delete,
    "batchCreateContacts": contacts_api.batch_create,
    "batchUpdateContacts": contacts_api.batch_update,
    "batchDeleteContacts": contacts_api.batch_delete,
    "connections.list": connections.list_connections,
    "searchContacts": search.search_contacts,
    "listDirectoryPeople": directory.list_directory_people,
    "searchDirectoryPeople": directory.search_directory_people,
    "updateContactPhoto": photos.update_contact_photo,
    "deleteContactPhoto": photos.delete_contact_photo,
}


class PeopleApi:
    def __init__(
        self,
        state: EmulatorState,
        *,
        clock: Clock,
        public_url: Callable[[], str],
        sync_token_max_age: float = 7 * 24 * 3600.0,
    ) -> None:
        self.state = state
        state.clock = clock.now
        self._services = Services(state, PersonWriter(public_url), clock, sync_token_max_age)

    def handle(self, request: WireRequest, grant: AccessGrant) -> WireResponse:
        """Answer one request of an authenticated caller; Google errors raise `ApiError`."""
        route = resolve(request.method, request.raw_path)
        if route is None:
            return not_found_page(request.raw_path)
        params = QueryParams(request, route.method)
        alt = params.standard.get("alt", "json")
        if alt != "json":
            raise ApiError(
                "INVALID_ARGUMENT", f"The emulator answers only alt=json, not alt={alt}."
            )
        selection = (
            partial.parse(params.standard["fields"]) if "fields" in params.standard else None
        )
        require(grant.scopes, METHOD_SCOPES[route.method], route.method)
        account = self.state.account(grant.account)
        call = Call(route, request, params, grant, account, self._services)
        payload = HANDLERS[route.method](call)
        if selection is not None:
            payload = partial.apply(jsonout.materialize(payload), selection)
        pretty = params.standard.get("prettyPrint", "true").lower() not in ("false", "0")
        callback = params.standard.get("callback")
        if callback:
            return _jsonp(callback, jsonout.materialize(payload))
        return jsonout.response(payload, pretty=pretty)

    def owns_photo(self, raw_path: str) -> bool:
        return photos.owns_photo(raw_path)

    def serve_photo(self, request: WireRequest) -> WireResponse:
        return photos.serve_photo(self.state, request)


def _jsonp(callback: str, payload: Any) -> WireResponse:
    if not all(c.isalnum() or c in "_.$" for c in callback):
        raise ApiError("INVALID_ARGUMENT", "Request contains an invalid argument.")
    text = f"// API callback\n{callback}({json.dumps(payload, ensure_ascii=False, indent=2)});"
    return WireResponse(200, text.encode(), [("content-type", "text/javascript; charset=UTF-8")])
