"""Pages shaped like a public channel's web preview (`https://t.me/s/NAME`), written here.

The markup follows the classes and attributes of t.me/s pages: `div.tgme_widget_message` with
`data-post`, `.tgme_widget_message_text`, `.tgme_widget_message_date` around `time[datetime]`,
`.tgme_widget_message_views`, `.tgme_widget_message_forwarded_from_name`, a reply's quote in
`.tgme_widget_message_reply`, `<link rel="prev" href="/s/NAME?before=ID">` and the "more" link.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import escape

CHANNEL = "valleynews"
START = datetime(2024, 11, 4, 21, 0, tzinfo=UTC)


@dataclass(frozen=True)
class FakePost:
    message_id: int
    text: str | None  # None: a photo without a caption
    views: str = "1.2K"
    forwarded_from: str | None = None
    reply_to: str | None = None  # the quoted text of the post it answers
    edited: bool = False

    @property
    def moment(self) -> datetime:
        return START + timedelta(minutes=10 * (self.message_id - 10))


def post_text(message_id: int) -> str:
    return (
        f"Update {message_id}: the river at the eastern bridge stood at {300 + message_id} cm"
        f" this evening, and about {message_id * 20} residents have left the lower town."
    )


def posts(
    ids: range | list[int],
    *,
    edited: dict[int, str] | None = None,
    photo: frozenset[int] = frozenset(),
    forwarded: dict[int, str] | None = None,
    replies: dict[int, str] | None = None,
) -> list[FakePost]:
    """Posts with our texts, some edited, some photos without a caption, forwards, replies."""
    edited, forwarded, replies = edited or {}, forwarded or {}, replies or {}
    return [
        FakePost(
            n,
            None if n in photo else edited.get(n, post_text(n)),
            views=f"{n * 100}" if n % 2 else f"{n / 10:.1f}K",
            forwarded_from=forwarded.get(n),
            reply_to=replies.get(n),
            edited=n in edited,
        )
        for n in ids
    ]


def _post_html(post: FakePost) -> str:
    forwarded = (
        '<div class="tgme_widget_message_forwarded_from accent_color">Forwarded from '
        f'<a class="tgme_widget_message_forwarded_from_name" href="https://t.me/regionalgov/77">'
        f'<span dir="auto">{escape(post.forwarded_from)}</span></a></div>'
        if post.forwarded_from
        else ""
    )
    reply = (
        f'<a class="tgme_widget_message_reply" href="https://t.me/{CHANNEL}/1">'
        '<div class="tgme_widget_message_author accent_color">Valley News</div>'
        f'<div class="tgme_widget_message_text js-message_text">{escape(post.reply_to)}</div></a>'
        if post.reply_to
        else ""
    )
    if post.text is None:
        body = (
            '<a class="tgme_widget_message_photo_wrap" style="background-image:url('
            "'https://cdn.example.org/p.jpg')\"></a>"
        )
    else:
        lines = escape(post.text).split("\n")
        body = (
            '<div class="tgme_widget_message_text js-message_text" dir="auto">'
            + "<br/>".join(lines)
            + "</div>"
        )
    edited = '<span class="tgme_widget_message_edited">edited</span> ' if post.edited else ""
    stamp = post.moment.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    return f"""
<div class="tgme_widget_message_wrap js-widget_message_wrap">
 <div class="tgme_widget_message text_not_supported_wrap js-widget_message"
      data-post="{CHANNEL}/{post.message_id}" data-view="eyJjIjotMTAwMH0">
  <div class="tgme_widget_message_user"><a href="https://t.me/{CHANNEL}"><i
   class="tgme_widget_message_user_photo"></i></a></div>
  <div class="tgme_widget_message_bubble">
   {forwarded}
   <div class="tgme_widget_message_author accent_color"><a class="tgme_widget_message_owner_name"
    href="https://t.me/{CHANNEL}"><span dir="auto">Valley News</span></a></div>
   {reply}
   {body}
   <div class="tgme_widget_message_footer compact js-message_footer">
    <div class="tgme_widget_message_info short js-message_info">
     <span class="tgme_widget_message_views">{post.views}</span><span class="copyonclick">views
     </span><span class="tgme_widget_message_meta">{edited}<a class="tgme_widget_message_date"
      href="https://t.me/{CHANNEL}/{post.message_id}"><time datetime="{stamp}"
      class="time">{post.moment:%H:%M}</time></a></span>
    </div>
   </div>
  </div>
 </div>
</div>"""


def page(shown: list[FakePost], older: int | None) -> bytes:
    """One preview page; `older` is the `before` id of the link to older posts, if any."""
    prev = f'<link rel="prev" href="/s/{CHANNEL}?before={older}">' if older else ""
    more = (
        '<div class="tgme_widget_message_centered js-messages_more_wrap">'
        f'<a href="/s/{CHANNEL}?before={older}" class="tme_messages_more js-messages_more"'
        f' data-before="{older}"></a></div>'
        if older
        else ""
    )
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Valley News – Telegram</title>
<link rel="canonical" href="https://t.me/s/{CHANNEL}">{prev}
</head><body class="widget_frame_base tgme_webpage">
<main class="tgme_main"><section class="tgme_channel_history js-message_history">
{more}
{"".join(_post_html(p) for p in shown)}
</section></main></body></html>""".encode()
