"""Hostile reports for the web app: an RSS feed whose titles, links and texts carry script
tags, event handlers, `javascript:` links and broken markup, each in a sentence with a figure so
it reaches a topic's timeline. Our own text; every attack only calls `alert` or sets a marker."""

from __future__ import annotations

# Entities escaped twice survive the feed reader's HTML-to-text step as literal markup.
ATTACKS = (
    "&amp;lt;script&amp;gt;alert('title')&amp;lt;/script&amp;gt;",
    "&amp;lt;img src=x onerror=alert('img')&amp;gt;",
    "&amp;lt;/script&amp;gt;&amp;lt;!--&amp;lt;script&amp;gt;window.pwned=1&amp;lt;/script&amp;gt;",
    "&amp;lt;svg onload=alert('svg')&amp;gt;&amp;lt;b&amp;gt;&amp;lt;i&amp;gt;unclosed",
    "&amp;quot;&amp;gt;&amp;lt;a href=&amp;quot;javascript:alert('a')&amp;quot;&amp;gt;x",
)
TOPIC = "troops/belarus"


def hostile_feed() -> bytes:
    items = []
    for i, attack in enumerate(ATTACKS):
        items.append(
            f"<item><guid>hostile-{i}</guid>"
            f"<title>Border report {i} {attack}</title>"
            f"<link>javascript:alert('link{i}')</link>"
            f"<pubDate>Mon, 0{i + 1} Dec 2024 10:00:00 GMT</pubDate>"
            f"<description>Officials said about {i + 1},000 Belarusian troops {attack} were"
            f" moved to the border. {attack}</description></item>"
        )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title>'
        + "".join(items)
        + "</channel></rss>"
    ).encode()
