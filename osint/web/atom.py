"""A topic's changes as an Atom feed (RFC 4287): one entry per figure that raised or lowered
the estimate, brought a new independent source, contradicted it, or came from a revised
report, newest first, so an analyst can subscribe in any feed reader.

Report text is hostile: every entry's content is `type="text"` (a reader shows it, never runs
it), and characters XML cannot hold are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from xml.etree import ElementTree as ET

from projections.audit import Timeline
from projections.history import CONTRADICTED, LOWERED, RAISED, Step, bounds_text

ATOM = "http://www.w3.org/2005/Atom"
NEW_SOURCE = "new independent source"
REVISION = "revision"
MAX_ENTRIES = 100
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def kinds_of_change(steps: Sequence[Step]) -> list[tuple[Step, list[str]]]:
    """Each step that changed the picture, with how: raised, lowered, contradicted, a new
    independent source (an origin no asserted figure of the topic had had), a revision of a
    report."""
    seen: set[str] = set()
    found = []
    for step in steps:
        kinds = [step.change] if step.change in (RAISED, LOWERED, CONTRADICTED) else []
        origin = next((o[0] for o in step.origins if step.figure["source_id"] in o), None)
        if origin is not None and origin not in seen and not step.denied:
            if seen:  # the first report is not news of a *new* source
                kinds.append(NEW_SOURCE)
            seen.add(origin)
        if (step.figure.get("revision") or 1) > 1:
            kinds.append(REVISION)
        if kinds:
            found.append((step, kinds))
    return found


def _text(value: object) -> str:
    return _NOT_XML.sub("", str(value))


def _rfc3339(moment: str) -> str:
    """The views' fixed-width UTC text without microseconds: `2024-11-04T05:00:00Z`."""
    return moment[:19] + "Z"


def changes_feed(timeline: Timeline, topic_url: str, feed_url: str) -> bytes:
    """The Atom document of `timeline`'s changes; links are absolute (`topic_url`)."""
    ET.register_namespace("", ATOM)

    def el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _text(v) for k, v in attrs.items()})
        if text is not None:
            node.text = _text(text)
        return node

    changes = kinds_of_change(timeline.steps)
    changes.sort(key=lambda c: (c[0].figure["observed_at"], c[0].index), reverse=True)
    changes = changes[:MAX_ENTRIES]
    feed = ET.Element(f"{{{ATOM}}}feed")
    el(feed, "id", f"urn:osint:topic:{timeline.topic}")
    el(feed, "title", f"{timeline.topic}: changes of the estimate")
    updated = max((s.figure["observed_at"] for s, _ in changes), default="1970-01-01T00:00:00")
    el(feed, "updated", _rfc3339(updated))
    el(feed, "link", rel="self", href=feed_url, type="application/atom+xml")
    el(feed, "link", rel="alternate", href=topic_url, type="text/html")
    el(el(feed, "author"), "name", "osint")
    for step, kinds in changes:
        f = step.figure
        entry = el(feed, "entry")
        el(entry, "id", f"urn:osint:figure:{f['event_id']}:{f['start']}-{f['end']}")
        el(entry, "title", f"{', '.join(kinds)}: {f['text']} ({bounds_text(f)}) · {f['source_id']}")
        el(entry, "updated", _rfc3339(f["observed_at"]))
        el(entry, "published", _rfc3339(f["effective_at"]))
        el(entry, "link", rel="alternate", href=f"{topic_url}?figure={f['figure_id']}")
        el(el(entry, "author"), "name", f.get("attribution") or f["source_id"])
        for kind in kinds:
            el(entry, "category", term=kind)
        el(
            entry,
            "content",
            f"“{f['sentence']}”\n{f['source_id']} · {f.get('title') or f['item_key']}"
            f"\n{f.get('url') or ''}\nfigure {f['figure_id']}, log position {f['position']}",
            type="text",
        )
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(
        feed, encoding="utf-8", xml_declaration=False
    )
