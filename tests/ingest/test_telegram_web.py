"""A `telegram-web` source: a channel's web preview served from 127.0.0.1, polled into a real
log: posts with their times, views and forwards, paging bounded by `max_pages`, an edit as a new
revision, a deleted post withdrawn (only inside the range the pages covered), and a withdrawn
post that comes back observed again."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pytest_httpserver import HTTPServer

from events import EventStore
from ingest.poller import Poller
from ingest.run import ingest_observations
from ingest.sources import Source
from ingest.telegram_web import parse_preview
from ingest.withdrawals import Coverage, record_withdrawals
from tests.ingest import test_poller
from tests.ingest.cli import poll_once
from tests.ingest.telegram_pages import CHANNEL, page, post_text, posts
from tests.ingest.test_poller import Clock

clock, poller = test_poller.clock, test_poller.poller  # the poller tests' fixtures
PATH = f"/s/{CHANNEL}"
EDIT = {23: "Update 23: the water is falling again."}


def serve(server: HTTPServer, pages: list[tuple[int | None, bytes]]) -> None:
    """`pages`: (the `before` id that asks for it, or None for the newest page; its body)."""
    server.clear()
    for before, body in pages:
        query = f"before={before}" if before is not None else ""
        server.expect_request(PATH, query_string=query).respond_with_data(
            body, content_type="text/html; charset=utf-8"
        )


def history(server: HTTPServer, *, newest: list, middle: list, oldest: list) -> None:  # type: ignore[type-arg]
    """Three pages of posts, newest first, and a fourth that `max_pages = 3` never asks for."""
    low = {"newest": newest[0].message_id, "middle": middle[0].message_id}
    serve(
        server,
        [
            (None, page(newest, low["newest"])),
            (low["newest"], page(middle, low["middle"])),
            (low["middle"], page(oldest, oldest[0].message_id)),
            (oldest[0].message_id, page(posts(range(1, 11)), None)),
        ],
    )


def channel_source(server: HTTPServer, max_pages: int = 3) -> Source:
    return Source(
        id="valley",
        kind="telegram-web",
        url=server.url_for(PATH),
        every="10m",
        allow_private=True,
        max_pages=max_pages,
        retries=0,
    )


def test_a_preview_page_gives_posts_with_time_views_forwards_and_urls() -> None:
    shown = posts(
        [14, 15, 16, 17],
        photo=frozenset({15}),
        forwarded={16: "Regional Government"},
        replies={17: "Quoted words of the earlier post"},
        edited={14: "Update 14: the bridge reopened at 21:40.\nTraffic is light."},
    )
    preview = parse_preview(page(shown, 14), "https://t.me/s/valleynews")
    assert preview.before == 14
    edited, photo, forward, reply = preview.posts
    assert (edited.channel, edited.message_id, edited.edited) == (CHANNEL, 14, True)
    assert edited.text == "Update 14: the bridge reopened at 21:40. Traffic is light."
    assert edited.published_at == datetime(2024, 11, 4, 21, 40, tzinfo=UTC)
    assert (edited.views, edited.views_text) == (1400, "1.4K")
    assert edited.url == f"https://t.me/{CHANNEL}/14"
    assert photo.text == "" and photo.views == 1500
    assert forward.forwarded_from == "Regional Government"
    assert forward.forwarded_url == "https://t.me/regionalgov/77"
    assert reply.text == post_text(17)  # the quoted post is not part of the reply's text


def test_polls_edits_withdrawals_and_returns(
    httpserver: HTTPServer, store: EventStore, poller: Poller, clock: Clock
) -> None:
    source = channel_source(httpserver)
    poller.prepare([source])
    history(
        httpserver,
        newest=posts(range(21, 26)),
        middle=posts(range(16, 21), photo=frozenset({18})),
        oldest=posts(range(11, 16), forwarded={14: "Regional Government"}),
    )
    first = poller.poll_if_due(source)
    assert (first.status, first.appended, first.withdrawn) == ("ok", 14, 0)  # 15 posts, 1 photo
    asked = sorted(r.query_string.decode() for r, _ in httpserver.log)
    assert asked == ["", "before=16", "before=21"]  # three pages, not the fourth
    (event,) = store.read_stream(f"report/valley/{CHANNEL}/14")
    p = event.payload
    assert p["published_at"] == "2024-11-04T21:40:00Z"
    assert p["url"] == f"https://t.me/{CHANNEL}/14"
    assert p["raw"]["views"] == 1400 and p["raw"]["forwarded_from"] == "Regional Government"
    assert p["text"] == post_text(14)

    # Post 23 edited, 19 and 12 deleted, 26 new.
    clock.advance(601)
    history(
        httpserver,
        newest=posts(range(22, 27), edited=EDIT),
        middle=posts([16, 17, 18, 20, 21], photo=frozenset({18})),
        oldest=posts([11, 13, 14, 15]),
    )
    second = poller.poll_if_due(source)
    assert (second.appended, second.revised, second.withdrawn) == (2, 1, 2)
    assert second.line() == "valley: 2 new (1 revision(s)), 11 unchanged, 2 withdrawn"
    edits = store.read_stream(f"report/valley/{CHANNEL}/23")
    assert [e.payload["revision"] for e in edits] == [1, 2]
    assert edits[1].payload["raw"]["edited"] is True
    gone = store.read_stream(f"report/valley/{CHANNEL}/19")
    assert [e.type for e in gone] == ["ReportObserved", "ReportWithdrawn"]
    assert gone[1].payload["last_content_sha256"] == gone[0].payload["content_sha256"]
    assert gone[1].payload["url"] == f"https://t.me/{CHANNEL}/19"
    assert "no longer shown" in gone[1].payload["reason"]

    # Only the newest page now (max_pages = 1): 11..21 are outside what it covers, and posts
    # 22 and 24 vanish inside it. 19 is not withdrawn twice.
    clock.advance(601)
    narrow = channel_source(httpserver, max_pages=1)
    serve(httpserver, [(None, page(posts([21, 23, 25, 26], edited=EDIT), 21))])
    third = poller.poll_if_due(narrow)
    assert third.withdrawn == 2
    withdrawn = sorted(e.payload["item_key"] for e in store.read() if e.type == "ReportWithdrawn")
    assert withdrawn == [f"{CHANNEL}/{n}" for n in (12, 19, 22, 24)]

    # 19 comes back with its old text: observed again, as revision 2; nothing is deleted.
    clock.advance(601)
    history(
        httpserver,
        newest=posts(range(22, 27), edited=EDIT),
        middle=posts(range(16, 22), photo=frozenset({18})),
        oldest=posts([11, 13, 14, 15]),
    )
    fourth = poller.poll_if_due(source)
    assert (fourth.appended, fourth.withdrawn) == (3, 0)  # 19, 22 and 24 are back
    back = store.read_stream(f"report/valley/{CHANNEL}/19")
    assert [e.type for e in back] == ["ReportObserved", "ReportWithdrawn", "ReportObserved"]
    assert [back[0].payload["revision"], back[2].payload["revision"]] == [1, 2]
    assert back[2].payload["content_sha256"] == back[0].payload["content_sha256"]
    assert back[2].payload["supersedes"] == back[0].payload["content_sha256"]


def test_withdrawn_and_back_twice_with_the_same_text(store: EventStore) -> None:
    """Each return after a withdrawal is a new event, even with the text seen before."""
    from ingest.observation import Observation

    obs = Observation("valley", f"{CHANNEL}/5", post_text(5))
    coverage = Coverage("valley", (f"{CHANNEL}/5",), frozenset())
    for _ in range(2):
        assert ingest_observations(store, [obs]).appended == 1
        assert ingest_observations(store, [obs]).unchanged == 1
        assert record_withdrawals(store, coverage, "deleted") == 1
        assert record_withdrawals(store, coverage, "deleted") == 0
    assert ingest_observations(store, [obs]).appended == 1
    stream = store.read_stream(f"report/valley/{CHANNEL}/5")
    assert [(e.type, e.payload.get("revision")) for e in stream] == [
        ("ReportObserved", 1),
        ("ReportWithdrawn", None),
        ("ReportObserved", 2),
        ("ReportWithdrawn", None),
        ("ReportObserved", 3),
    ]


def test_a_page_without_posts_is_a_clear_failure_on_the_command_line(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    httpserver.expect_request("/s/nosuchchannel").respond_with_data(
        "<html><head><title>Telegram: Contact @nosuchchannel</title></head><body>"
        "<div class='tgme_page'>If you have Telegram, you can contact this user.</div>"
        "</body></html>",
        content_type="text/html",
    )
    serve_url = httpserver.url_for("/s/nosuchchannel")
    (tmp_path / "sources.toml").write_text(
        f'[[source]]\nid = "ghost"\nkind = "telegram-web"\nurl = "{serve_url}"\n'
        'every = "1h"\nallow_private = true\nmax_pages = 2\n',
        encoding="utf-8",
    )
    done = poll_once(tmp_path)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    (warning,) = [line for line in done.stderr.splitlines() if "ghost" in line]
    assert warning.split(" WARNING ", 1)[1].startswith(
        "ghost: not_a_channel: no posts found: not a public channel's web preview (t.me/s/NAME)"
    )
    assert "1 failed" in done.stdout


def test_a_page_claiming_ids_far_apart_is_not_judged_for_withdrawals() -> None:
    from ingest.telegram_web import read_channel

    shown = posts([3, 900_000])  # a range of 900,000 ids, over the cap
    read = read_channel(lambda _url: page(shown, None), "https://t.me/s/valleynews", "v", 1)
    assert len(read.observations) == 2 and read.coverage is None
