"""Which of the 14 ``people`` methods a request calls, from its verb and path.

Paths follow the discovery document (``v1/{+resourceName}:updateContact`` and friends). Some
generated clients escape the ``/`` inside the resource name (``/v1/people%2Fc1:updateContact``),
so the path is percent-decoded before matching, as Google's front end does. A path that names no
method gets Google's HTML 404 page, not a JSON error.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import unquote

from .wire import WireResponse

_COLLECTION_METHODS = {
    ("GET", "batchGet"): "getBatchGet",
    ("POST", "createContact"): "createContact",
    ("POST", "batchCreateContacts"): "batchCreateContacts",
    ("POST", "batchUpdateContacts"): "batchUpdateContacts",
    ("POST", "batchDeleteContacts"): "batchDeleteContacts",
    ("GET", "searchContacts"): "searchContacts",
    ("GET", "listDirectoryPeople"): "listDirectoryPeople",
    ("GET", "searchDirectoryPeople"): "searchDirectoryPeople",
}
_RESOURCE_METHODS = {
    ("PATCH", "updateContact"): "updateContact",
    ("DELETE", "deleteContact"): "deleteContact",
    ("PATCH", "updateContactPhoto"): "updateContactPhoto",
    ("DELETE", "deleteContactPhoto"): "deleteContactPhoto",
}
_COLLECTION = re.compile(r"/v1/people:(?P<verb>[A-Za-z]+)")
_RESOURCE = re.compile(
    r"/v1/(?P<name>people/[^/:]+)(?::(?P<verb>[A-Za-z]+)|(?P<sub>/connections))?"
)


@dataclass(frozen=True)
class Route:
    method: str
    """The discovery method name (``get``, ``connections.list``, ``updateContact``…)."""
    resource_name: str | None = None
    """The ``people/…`` name from the path, for methods that take one."""


def resolve(verb: str, raw_path: str) -> Route | None:
    path = unquote(raw_path)
    collection = _COLLECTION.fullmatch(path)
    if collection:
        method = _COLLECTION_METHODS.get((verb, collection["verb"]))
        return Route(method) if method else None
    resource = _RESOURCE.fullmatch(path)
    if resource is None:
        return None
    name = resource["name"]
    if resource["sub"]:
        return Route("connections.list", name) if verb == "GET" else None
    if resource["verb"]:
        method = _RESOURCE_METHODS.get((verb, resource["verb"]))
        return Route(method, name) if method else None
    return Route("get", name) if verb == "GET" else None


def not_found_page(raw_path: str) -> WireResponse:
    """Google's front-end 404 for a URL that matches no method (an HTML page)."""
    shown = html.escape(raw_path)
    page = (
        "<!DOCTYPE html>\n<html lang=en>\n  <meta charset=utf-8>\n"
        "  <title>Error 404 (Not Found)!!1</title>\n"
        "  <p><b>404.</b> <ins>That’s an error.</ins>\n"
        f"  <p>The requested URL <code>{shown}</code> was not found on this server."
        "  <ins>That’s all we know.</ins>\n"
    )
    return WireResponse(404, page.encode(), [("content-type", "text/html; charset=UTF-8")])
