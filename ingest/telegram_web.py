"""The Telegram web-preview reader: a public channel's `https://t.me/s/NAME` pages → observations.

A channel without an export can still be followed through the page Telegram serves to browsers.
Each post is a `div.tgme_widget_message` with `data-post="name/123"`; its text is
`.tgme_widget_message_text`, its time `time[datetime]` in the `.tgme_widget_message_date` link
(which is also the post's URL), its views `.tgme_widget_message_views` ("1.2K"), and a forward
names its origin in `.tgme_widget_message_forwarded_from_name`. A reply quotes the post it
answers inside `.tgme_widget_message_reply`; that quote is not this post's text. A page shows
about twenty posts; older ones are at `?before=ID`, linked by `<link rel="prev">` (or the
"more" link's `data-before`). Paging stops after `max_pages` pages.

Key = `name/id` (the channel name lower-cased), like the export reader's chat/message. An edited
post is read with its new text, which the ingestion run appends as the next revision. What the
pages covered (the id range from the oldest to the newest post read) is returned with the posts,
so that a post seen before, inside that range and no longer shown, can be recorded as withdrawn
(`ingest.withdrawals`).

TelegramWebError (a `SourceError`)   the page is not a public channel's preview
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from ingest.errors import SourceError
from ingest.folder import first_sentence
from ingest.htmltext import html_to_text
from ingest.observation import Observation
from ingest.withdrawals import MAX_CANDIDATES, Coverage

_POST = re.compile(r"^([A-Za-z0-9_]{1,64})/(\d{1,12})$")
_VIEWS = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*([KkMm]?)\s*$")
_BEFORE = re.compile(r"[?&]before=(\d{1,12})(?:&|$)")


class TelegramWebError(SourceError):
    """The page is no public channel preview (no posts, or not HTML)."""


@dataclass(frozen=True, slots=True)
class Post:
    """One post as the preview shows it; `text` is empty for a photo without a caption."""

    channel: str
    message_id: int
    text: str
    url: str
    published_at: datetime | None
    views: int | None
    views_text: str | None
    forwarded_from: str | None
    forwarded_url: str | None
    edited: bool


@dataclass(frozen=True, slots=True)
class PreviewPage:
    posts: list[Post]
    before: int | None  # the id to ask for older posts with, if the page links to them


@dataclass(frozen=True, slots=True)
class ChannelRead:
    observations: list[Observation]
    coverage: Coverage | None  # None when no page showed a post
    pages: int
    page_of: dict[str, str] = field(default_factory=dict)  # item key -> the page it was read on


def parse_preview(body: bytes, page_url: str) -> PreviewPage:
    """The posts of one preview page, oldest first as the page lists them."""
    import lxml.html  # trafilatura's parser, already installed and usually loaded

    try:
        tree = lxml.html.fromstring(body)
    except (ValueError, lxml.etree.ParserError) as exc:
        raise TelegramWebError(f"{page_url}: not an HTML page ({exc})") from None
    posts = [
        post
        for element in tree.xpath('//div[contains(@class, "tgme_widget_message")][@data-post]')
        if (post := _post(element, page_url)) is not None
    ]
    return PreviewPage(posts, _older(tree, page_url))


def read_channel(
    fetch: Callable[[str], bytes], url: str, source_id: str, max_pages: int
) -> ChannelRead:
    """Read up to `max_pages` pages from `url` back in time; `fetch(url)` returns a body."""
    posts: dict[tuple[str, int], Post] = {}
    read_on: dict[tuple[str, int], str] = {}
    page_url: str | None = url
    pages = 0
    while page_url is not None and pages < max_pages:
        page = parse_preview(fetch(page_url), page_url)
        pages += 1
        if not page.posts:
            if pages == 1:
                raise TelegramWebError(
                    f"{url}: no posts found: not a public channel's web preview (t.me/s/NAME)"
                )
            break
        for post in page.posts:
            posts[(post.channel, post.message_id)] = post
            read_on[(post.channel, post.message_id)] = page_url
        oldest = min(post.message_id for post in page.posts)
        page_url = (
            _with_before(url, page.before)
            if page.before is not None and page.before <= oldest
            else None  # no older page, or one that would not go back in time
        )
    ordered = sorted(posts.values(), key=lambda p: (p.channel, p.message_id))
    observations = [_observation(p, source_id) for p in ordered if p.text]
    page_of = {
        o.item_key: read_on[(p.channel, p.message_id)]
        for o, p in zip(observations, [p for p in ordered if p.text], strict=True)
    }
    return ChannelRead(observations, _coverage(ordered, source_id), pages, page_of)


def _coverage(posts: list[Post], source_id: str) -> Coverage | None:
    """Every key from the oldest to the newest post read, per channel, and the keys shown;
    None when there is nothing to judge, or a range too wide to judge (a page's ids are
    whatever the page says)."""
    if not posts:
        return None
    candidates: list[str] = []
    for channel in sorted({p.channel for p in posts}):
        ids = [p.message_id for p in posts if p.channel == channel]
        if len(candidates) + max(ids) - min(ids) + 1 > MAX_CANDIDATES:
            return None
        candidates.extend(f"{channel}/{n}" for n in range(min(ids), max(ids) + 1))
    present = frozenset(f"{p.channel}/{p.message_id}" for p in posts)
    return Coverage(source_id, tuple(candidates), present)


def _post(element: Any, page_url: str) -> Post | None:
    match = _POST.match((element.get("data-post") or "").strip())
    if not match or not _has_class(element, "tgme_widget_message"):
        return None
    if _has_class(element, "service_message"):
        return None
    channel, message_id = match.group(1).lower(), int(match.group(2))
    own = _outside_reply(element)
    texts = [e for e in own if _has_class(e, "tgme_widget_message_text")]
    text = html_to_text(_inner_html(texts[0])) if texts else ""
    date_links = [e for e in own if _has_class(e, "tgme_widget_message_date")]
    link = _http_url(page_url, date_links[0].get("href")) if date_links else None
    times = [e for e in own if e.tag == "time" and e.get("datetime")]
    views = [e for e in own if _has_class(e, "tgme_widget_message_views")]
    views_text = " ".join(views[0].text_content().split()) if views else None
    forwards = [e for e in own if _has_class(e, "tgme_widget_message_forwarded_from_name")]
    forwarded = " ".join(forwards[0].text_content().split()) if forwards else None
    meta = [e for e in own if _has_class(e, "tgme_widget_message_meta")]
    return Post(
        channel=channel,
        message_id=message_id,
        text=text,
        url=link or f"https://t.me/{channel}/{message_id}",
        published_at=_moment(times[0].get("datetime")) if times else None,
        views=_count(views_text),
        views_text=views_text or None,
        forwarded_from=forwarded or None,
        forwarded_url=_http_url(page_url, forwards[0].get("href")) if forwards else None,
        edited=bool(meta) and "edited" in meta[0].text_content().lower(),
    )


def _outside_reply(element: Any) -> list[Any]:
    """The post's descendants, without the quoted post of a reply and without a nested post."""
    kept: list[Any] = []
    stack = list(reversed(element))
    while stack:
        node = stack.pop()
        if not isinstance(node.tag, str):
            continue  # a comment or processing instruction
        if _has_class(node, "tgme_widget_message_reply") or node.get("data-post"):
            continue
        kept.append(node)
        stack.extend(reversed(node))
    return kept


def _has_class(element: Any, name: str) -> bool:
    return name in (element.get("class") or "").split()


def _inner_html(element: Any) -> str:
    import lxml.html

    parts = [element.text or ""]
    parts.extend(lxml.html.tostring(child, encoding="unicode") for child in element)
    return "".join(parts)


def _older(tree: Any, page_url: str) -> int | None:
    """The `before` id of the page's link to older posts."""
    hrefs = [e.get("href") or "" for e in tree.xpath('//link[@rel="prev"]')]
    hrefs += [e.get("href") or "" for e in tree.xpath('//a[contains(@class, "tme_messages_more")]')]
    for element in tree.xpath('//a[contains(@class, "tme_messages_more")][@data-before]'):
        value = (element.get("data-before") or "").strip()
        if value.isdigit() and len(value) <= 12:
            return int(value)
    for href in hrefs:
        match = _BEFORE.search(href)
        if match:
            return int(match.group(1))
    return None


def _with_before(url: str, before: int) -> str:
    parts = urlsplit(url)
    return parts._replace(query=f"before={before}", fragment="").geturl()


def _http_url(base: str, href: str | None) -> str | None:
    if not href:
        return None
    try:
        absolute = urljoin(base, href.strip())
    except ValueError:
        return None
    if urlsplit(absolute).scheme not in ("http", "https") or re.search(r"[\x00-\x20]", absolute):
        return None
    return absolute[:500]


def _moment(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _count(text: str | None) -> int | None:
    """ "1.2K" → 1200, "3M" → 3000000, "857" → 857."""
    match = _VIEWS.match(text or "")
    if not match:
        return None
    number = float(match.group(1).replace(",", "."))
    factor = {"": 1, "k": 1_000, "m": 1_000_000}[match.group(2).lower()]
    return int(number * factor)


def _observation(post: Post, source_id: str) -> Observation:
    raw: dict[str, Any] = {"channel": post.channel, "message_id": post.message_id}
    if post.views is not None:
        raw["views"] = post.views
    if post.views_text:
        raw["views_text"] = post.views_text
    if post.forwarded_from:
        raw["forwarded_from"] = post.forwarded_from
    if post.forwarded_url:
        raw["forwarded_url"] = post.forwarded_url
    if post.edited:
        raw["edited"] = True
    return Observation(
        source_id=source_id,
        item_key=f"{post.channel}/{post.message_id}",
        text=post.text,
        url=post.url,
        title=first_sentence(post.text),
        published_at=post.published_at,
        raw=raw,
    )
