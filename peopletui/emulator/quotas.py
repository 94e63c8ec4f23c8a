"""The People API's per-minute quotas, metered per account the way Google words and counts them.

Google's "Read and manage contacts" guide says what each method consumes: a single create or
update costs 1 critical read and 1 critical write, a batch create or update 6 of each, a delete 1
write request, a batch delete 10. Each bucket has its own per-minute, per-user limit. Beyond it
Google answers 429 RESOURCE_EXHAUSTED with an ErrorInfo (reason RATE_LIMIT_EXCEEDED, domain
googleapis.com) and a Help link, and no ``Retry-After`` header.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from urllib.parse import unquote

from .clock import Clock
from .errors import ApiError, error_info
from .wire import WireRequest

# The emulator's stand-in for the caller's Cloud project, named in quota errors as Google does.
PROJECT_NUMBER = "000000000000"
QUOTA_WINDOW = 60.0
HELP_DETAIL_TYPE = "type.googleapis.com/google.rpc.Help"
REQUEST_INCREASE_URL = "https://cloud.google.com/docs/quotas/help/request_increase"


@dataclass(frozen=True)
class QuotaBucket:
    display: str
    """Google's display name, used verbatim in the error message."""
    metric: str
    limit_name: str


# Display names as Google's console and errors spell them. The critical-write metric and limit
# names were seen in a recorded error; the others follow the same pattern.
CRITICAL_READ = QuotaBucket(
    "Critical read requests (Contact and Profile Reads)",
    "people.googleapis.com/critical_read_requests",
    "CriticalReadsPerMinutePerProjectPerUser",
)
CRITICAL_WRITE = QuotaBucket(
    "Critical write requests (Contact Creates and Updates)",
    "people.googleapis.com/critical_write_requests",
    "CriticalWritesPerMinutePerProjectPerUser",
)
WRITE = QuotaBucket(
    "Write requests (Contact Deletes and Contact Group Writes)",
    "people.googleapis.com/write_requests",
    "WritesPerMinutePerProjectPerUser",
)
READ = QuotaBucket(
    "Read requests (Contact Group Reads)",
    "people.googleapis.com/read_requests",
    "ReadsPerMinutePerProjectPerUser",
)
PHOTO_WRITE = QuotaBucket(
    "Photo write requests (Photo Updates)",
    "people.googleapis.com/photo_write_requests",
    "PhotoWritesPerMinutePerProjectPerUser",
)

_VERB_COSTS: dict[str, tuple[tuple[QuotaBucket, int], ...]] = {
    "createContact": ((CRITICAL_READ, 1), (CRITICAL_WRITE, 1)),
    "updateContact": ((CRITICAL_READ, 1), (CRITICAL_WRITE, 1)),
    "batchCreateContacts": ((CRITICAL_READ, 6), (CRITICAL_WRITE, 6)),
    "batchUpdateContacts": ((CRITICAL_READ, 6), (CRITICAL_WRITE, 6)),
    "deleteContact": ((WRITE, 1),),
    "batchDeleteContacts": ((WRITE, 10),),
    "updateContactPhoto": ((PHOTO_WRITE, 1),),
    "deleteContactPhoto": ((PHOTO_WRITE, 1),),
}


def quota_cost(request: WireRequest) -> tuple[tuple[QuotaBucket, int], ...]:
    """The quota units one API request consumes, bucket by bucket."""
    path = unquote(request.raw_path)
    verb = path.rsplit("/", 1)[-1].partition(":")[2]
    if verb in _VERB_COSTS:
        return _VERB_COSTS[verb]
    if path.startswith("/v1/contactGroups"):
        return ((READ, 1),) if request.method == "GET" else ((WRITE, 1),)
    return ((CRITICAL_READ, 1),)


Cost = tuple[tuple[QuotaBucket, int], ...]


class QuotaMeter:
    """Sliding one-minute windows of units used, per account and bucket, by the emulator clock."""

    def __init__(self, limit: int, *, clock: Clock) -> None:
        self.limit = limit
        self._clock = clock
        self._usage: dict[tuple[str, str], deque[tuple[float, int]]] = {}

    def refusal(self, account: str, cost: Cost) -> ApiError | None:
        """Google's 429 if this request would exceed a bucket, else None (nothing is used)."""
        for bucket, units in cost:
            used = sum(n for _, n in self._window(account, bucket))
            if used + units > self.limit:
                return quota_exceeded(bucket, self.limit)
        return None

    def use(self, account: str, cost: Cost) -> None:
        now = self._clock.now()
        for bucket, units in cost:
            self._window(account, bucket).append((now, units))

    def _window(self, account: str, bucket: QuotaBucket) -> deque[tuple[float, int]]:
        window = self._usage.setdefault((account, bucket.metric), deque())
        horizon = self._clock.now() - QUOTA_WINDOW
        while window and window[0][0] <= horizon:
            window.popleft()
        return window


def quota_exceeded(bucket: QuotaBucket, limit: int) -> ApiError:
    message = (
        f"Quota exceeded for quota metric '{bucket.display}' and limit '{bucket.display} per "
        f"minute per user' of service 'people.googleapis.com' for consumer "
        f"'project_number:{PROJECT_NUMBER}'."
    )
    info = error_info(
        "RATE_LIMIT_EXCEEDED",
        "googleapis.com",
        quota_metric=bucket.metric,
        quota_limit=bucket.limit_name,
        quota_limit_value=str(limit),
        quota_location="global",
        quota_unit="1/min/{project}/{user}",
        service="people.googleapis.com",
        consumer=f"projects/{PROJECT_NUMBER}",
    )
    help_link = {
        "@type": HELP_DETAIL_TYPE,
        "links": [{"description": "Request a higher quota limit.", "url": REQUEST_INCREASE_URL}],
    }
    return ApiError("RESOURCE_EXHAUSTED", message, details=[info, help_link])
