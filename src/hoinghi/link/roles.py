"""An event's roles: who chaired it, spoke at it, chaired or attended one of its bridge points.

`event_roles` is the one place they are collected, as (event id, person id, role) rows: the linker runs it over
each report of an event (the names as printed, resolved to person ids) to give the people their events, and the
store runs it over the linked events (which name people by id already) to fill `event_people`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

ROLES = ("chair", "speaker", "bridge_chair", "attendee")


def named(event: Any) -> Iterator[tuple[str, str]]:
    """(role, person) for everyone the event names, chairs and speakers first, then each bridge point's chairs
    and attendees. `event` is a reported `hoinghi.model.Event` (people as printed) or an `EventEntity` (ids)."""
    for person in event.chairs:
        yield "chair", person
    for person in event.speakers:
        yield "speaker", person
    for bp in event.bridge_points:
        for person in bp.chairs:
            yield "bridge_chair", person
        for person in bp.attendees:
            yield "attendee", person


def event_roles(event_id: str, event: Any, resolve: Callable[[str], str | None] | None = None
                ) -> Iterator[tuple[str, str, str]]:
    """(event id, person id, role) for everyone the event names; `resolve` turns a printed name into a person id
    (None: the event names people by id already). Names that resolve to no one are left out."""
    for role, person in named(event):
        pid = resolve(person) if resolve is not None else person
        if pid:
            yield event_id, pid, role
