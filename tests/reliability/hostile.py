"""Hostile feed and page documents: a hypothesis strategy for fuzzing and a table of named cases.

Every document is our own invention. The external entities point at a file on this machine and
at a local server, so a parser that resolved them would leave a trace a test can see (the
marker text in an observation, a request in the server's log), and nothing leaves the machine.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import strategies as st

from tests.reliability.harness import LONG

SECRET_MARKER = "SECRET-MARKER-7f3a"  # the content of the file an external entity points at
# Sizes of the big named cases: smaller under `make test`, full under `make reliability`.
BIG = 5_000_000 if LONG else 1_000_000
DEEP = 100_000 if LONG else 20_000
MANY = 20_000 if LONG else 4_000
SECRET_PATH = Path(tempfile.gettempdir()) / "osint-reliability-secret.txt"

ODD_DATES = [
    "Thu, 07 Nov 2024 10:00:00 GMT",
    "2024-11-07T10:00:00Z",
    "2024-11-07",
    "07/11/2024",
    "11/07/24 10am",
    "Thursday the 7th of November",
    "0000-00-00T00:00:00",
    "9999-12-31T23:59:59+14:00",
    "-0001-01-01",
    "1970-01-01T00:00:00Z",
    "2024-02-30T25:61:61Z",
    "Thu, 32 Foo 2024 99:99:99 XYZ",
    "99999999999999999999",
    "",
    "    ",
    "2024-11-07T10:00:00+99:99",
    "Sun, 06 Nov 1994 08:49:37 +2400",
    "\u0663\u0660\u0662\u0664-\u0661\u0661-\u0660\u0667",  # Arabic-Indic digits
]

_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200
) | st.sampled_from(
    [
        "About 2,000 troops crossed the border, officials said.",
        "<p>At least <b>45</b> people were killed &amp; 12 wounded.</p>",
        "<![CDATA[Up to 11,000 soldiers <i>reportedly</i>]]>",
        "&lol9;",
        "&xxe;",
        "&#0; &#65; &#x1F600; &nonexistent;",
        "&#xD800; &#55296; &#1114112;",  # references to no character (KNOWN_FEED_BUGS)
        "<script>alert(1)</script>Residents fled.",
        "\x00\x01\x02\x0b\x0c\x1b\x7f",
    ]
)
_ENCODING_DECLS = st.sampled_from(
    ["utf-8", "UTF-8", "utf-16", "iso-8859-1", "windows-1251", "koi8-r", "bogus-enc", "", "ascii"]
)


def _escape(text: str, raw: bool) -> str:
    if raw:  # hostile: leave markup and entity references as they are
        return text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


@st.composite
def feed_documents(draw: st.DrawFn) -> bytes:
    """An RSS 2.0, Atom or RSS 1.0 document with random fields, then broken in random ways."""
    flavour = draw(st.sampled_from(["rss2", "atom", "rss1"]))
    items = []
    for _ in range(draw(st.integers(0, 6))):
        fields = {
            "title": draw(_TEXT),
            "link": draw(st.sampled_from(["https://news.example.org/a", "", "javascript:x", "/r"])),
            "guid": draw(st.text(max_size=30)),
            "body": draw(_TEXT),
            "date": draw(st.sampled_from(ODD_DATES) | st.text(max_size=30)),
            "author": draw(st.text(max_size=20)),
        }
        present = draw(st.sets(st.sampled_from(sorted(fields)), max_size=len(fields)))
        raw = draw(st.booleans())
        items.append({k: _escape(v, raw) for k, v in fields.items() if k in present})
    declared = draw(_ENCODING_DECLS)
    decl = f'<?xml version="1.0" encoding="{declared}"?>\n' if declared else ""
    prologue = draw(
        st.sampled_from(["", BILLION_LAUGHS_SUBSET, EXTERNAL_ENTITY_SUBSET, "<!DOCTYPE rss>"])
    )
    document = decl + prologue + _render(flavour, items)
    data = document.encode("utf-8", "surrogatepass")
    encoding = draw(st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1251", "utf-32"]))
    if encoding != "utf-8":
        data = document.encode(encoding, "replace")
    for _ in range(draw(st.integers(0, 3))):
        data = _mutate(draw, data)
    return data


def _render(flavour: str, items: list[dict[str, str]]) -> str:
    def tag(name: str, item: dict[str, str], key: str) -> str:
        return f"<{name}>{item[key]}</{name}>" if key in item else ""

    if flavour == "atom":
        entries = "".join(
            "<entry>"
            + tag("title", i, "title")
            + (f'<link href="{i["link"]}"/>' if "link" in i else "")
            + tag("id", i, "guid")
            + tag("updated", i, "date")
            + (f"<author><name>{i['author']}</name></author>" if "author" in i else "")
            + (f'<content type="html">{i["body"]}</content>' if "body" in i else "")
            + "</entry>"
            for i in items
        )
        return f'<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>{entries}</feed>'
    entries = "".join(
        "<item>"
        + tag("title", i, "title")
        + tag("link", i, "link")
        + tag("guid", i, "guid")
        + tag("pubDate", i, "date")
        + tag("author", i, "author")
        + tag("description", i, "body")
        + "</item>"
        for i in items
    )
    if flavour == "rss1":
        return (
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
            ' xmlns="http://purl.org/rss/1.0/"><channel><title>Wire</title></channel>'
            f"{entries}</rdf:RDF>"
        )
    return f'<rss version="2.0"><channel><title>Wire</title>{entries}</channel></rss>'


def _mutate(draw: st.DrawFn, data: bytes) -> bytes:
    kind = draw(
        st.sampled_from(
            ["truncate", "invalid-utf8", "control", "huge-attribute", "nesting", "bom", "splice"]
        )
    )
    at = draw(st.integers(0, len(data)))
    if kind == "truncate":
        return data[:at]
    if kind == "invalid-utf8":
        junk = draw(st.sampled_from([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf8\x88\x80\x80"]))
        return data[:at] + junk + data[at:]
    if kind == "control":
        return data[:at] + bytes(draw(st.lists(st.integers(0, 31), max_size=8))) + data[at:]
    if kind == "huge-attribute":
        size = draw(st.sampled_from([10_000, 300_000, 2_000_000]))
        return data[:at] + b'<x a="' + b"A" * size + b'"/>' + data[at:]
    if kind == "nesting":
        depth = draw(st.sampled_from([100, 5_000, 50_000]))
        return data[:at] + b"<n>" * depth + b"12 troops" + b"</n>" * depth + data[at:]
    if kind == "bom":
        return (
            draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"]))
            + data
        )
    return data[:at] + draw(st.binary(max_size=64)) + data[at:]


BILLION_LAUGHS_SUBSET = (
    '<!DOCTYPE rss [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
        for n in range(1, 10)
    )
    + "]>\n"
)
EXTERNAL_ENTITY_SUBSET = f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{SECRET_PATH}">]>\n'


# Character references feedparser 6.0 cannot decode (it raises and loses the whole document):
# `read_feed` replaces them with U+FFFD before parsing. Found by this harness.
KNOWN_FEED_BUGS = {
    "surrogate character reference": b"&#xD800;",
    "surrogate character reference (decimal)": b"&#55296;",
    "character reference beyond U+10FFFF": b"&#1114112;",
}


def named_feeds(server_url: str) -> dict[str, bytes]:
    """The hostile feed cases by name (bodies to serve or parse)."""
    item = (
        "<item><guid>a1</guid><title>Troops</title><pubDate>{date}</pubDate>"
        "<description>{body}</description></item>"
    )
    good_item = item.format(date=ODD_DATES[0], body="About 2,000 troops crossed.")

    def rss(body: str, prologue: str = "") -> bytes:
        return (
            f'<?xml version="1.0"?>{prologue}<rss version="2.0"><channel><title>W</title>'
            f"{body}</channel></rss>"
        ).encode()

    xxe_file = EXTERNAL_ENTITY_SUBSET
    xxe_http = f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{server_url}/xxe">]>'
    xxe_param = f'<!DOCTYPE rss [<!ENTITY % p SYSTEM "{server_url}/dtd"> %p;]>'
    cases = {
        "zero bytes": b"",
        "one space": b" ",
        "truncated xml": rss(good_item)[:90],
        "html instead of xml": b"<!doctype html><html><head><title>Just a moment...</title>"
        b"</head><body><p>Checking your browser.</p></body></html>",
        "json instead of xml": b'{"items": [{"title": "About 200 soldiers"}]}',
        "billion laughs": rss(item.format(date="", body="&lol9;"), BILLION_LAUGHS_SUBSET),
        "quadratic blowup": rss(
            item.format(date="", body="&a;" * 50_000),
            '<!DOCTYPE rss [<!ENTITY a "' + "x" * 50_000 + '">]>',
        ),
        "external entity (file)": rss(item.format(date="", body="&xxe;"), xxe_file),
        "external entity (http)": rss(item.format(date="", body="&xxe;"), xxe_http),
        "external parameter entity": rss(good_item, xxe_param),
        "external DTD": rss(good_item, f'<!DOCTYPE rss SYSTEM "{server_url}/dtd">'),
        "xinclude": rss(
            '<item><guid>x</guid><description><xi:include xmlns:xi="http://www.w3.org/2001/'
            f'XInclude" href="file://{SECRET_PATH}" parse="text"/></description></item>'
        ),
        "invalid utf-8": rss(item.format(date="", body="12 soldiers")).replace(
            b"12 soldiers", b"12 \xff\xc3\x28 soldiers"
        ),
        "declared utf-8, really cp1251": (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><item>'
            "<guid>c</guid><title>Около 11 000 военнослужащих</title></item></channel></rss>"
        ).encode("cp1251"),
        "declared utf-16, really utf-8": rss(good_item).replace(
            b'<?xml version="1.0"?>', b'<?xml version="1.0" encoding="utf-16"?>'
        ),
        "utf-16 with bom": b"\xff\xfe" + rss(good_item).decode().encode("utf-16-le"),
        "utf-32 without bom": rss(good_item).decode().encode("utf-32-be"),
        "control characters": rss(item.format(date="\x01\x02", body="12\x00 troops\x1b[31m")),
        "huge attribute": rss(f'<item a="{"A" * BIG}"><guid>h</guid></item>'),
        "huge text": rss(item.format(date="", body="troops " * 1_000_000)),
        "deep nesting": rss(
            "<item><guid>d</guid><description>"
            + "<b>" * DEEP
            + "x"
            + "</b>" * DEEP
            + "</description></item>"
        ),
        "many items": rss(
            "".join(
                f"<item><guid>m{i}</guid><description>{i} troops</description></item>"
                for i in range(MANY)
            )
        ),
        "every odd date": rss(
            "".join(
                item.format(date=d, body=f"{i} soldiers").replace("<guid>a1", f"<guid>d{i}")
                for i, d in enumerate(ODD_DATES)
            )
        ),
        "missing every field": rss("<item></item><item/><entry/>"),
        "duplicate guids": rss(good_item * 5),
        "random bytes": bytes(range(256)) * 64,
        "nul bytes": b"\x00" * 100_000,
    }
    return cases


@st.composite
def page_documents(draw: st.DrawFn) -> bytes:
    """An article page with random paragraphs and metadata, then broken in random ways."""
    paragraphs = "".join(f"<p>{draw(_TEXT)}</p>" for _ in range(draw(st.integers(0, 8))))
    charset = draw(st.sampled_from(["utf-8", "windows-1251", "bogus", "utf-16", ""]))
    meta = f'<meta charset="{charset}">' if charset else ""
    date = draw(st.sampled_from(ODD_DATES))
    html = (
        f"<!doctype html><html><head>{meta}<title>{draw(_TEXT)}</title>"
        f'<meta property="article:published_time" content="{date}">'
        f'<meta name="author" content="{draw(st.text(max_size=40))}"></head>'
        f"<body><article><h1>{draw(_TEXT)}</h1>{paragraphs}</article></body></html>"
    )
    data = html.encode(draw(st.sampled_from(["utf-8", "utf-16", "cp1251"])), "replace")
    for _ in range(draw(st.integers(0, 3))):
        data = _mutate(draw, data)
    return data


def named_pages() -> dict[str, bytes]:
    article = (
        "<!doctype html><html><head><title>Troops</title></head><body><article>"
        + "<p>Officials said about 2,000 troops had crossed the border near the town.</p>" * 5
        + "</article></body></html>"
    )
    return {
        "zero bytes": b"",
        "feed instead of html": b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>',
        "truncated": article.encode()[:120],
        "invalid utf-8": article.encode().replace(b"2,000", b"2\xff\xc3\x28000"),
        "deep nesting": (
            "<html><body>" + "<div>" * DEEP + "About 12 troops." + "</div>" * DEEP
        ).encode(),
        "huge attribute": (
            f'<html><body><p class="{"A" * BIG}">12 troops</p></body></html>'
        ).encode(),
        "control characters": article.replace("troops", "tro\x00ops\x1b").encode(),
        "binary": bytes(range(256)) * 256,
        "billion laughs": (
            '<?xml version="1.0"?>'
            + BILLION_LAUGHS_SUBSET.replace("rss", "html")
            + "<html><body><p>&lol9;</p></body></html>"
        ).encode(),
    }
