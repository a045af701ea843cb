"""The page reader's first page in a fresh process against a warm one.

A process that reads one page (a cron `osint ingest --once`, a test) pays whatever the reader
loads on first use. htmldate's extensive search sent a byline such as "Опубликовано 4 ноября
2024 года" to dateparser, whose first use loads every locale: on the 2-core development machine
this row measured 2.57 s first (0.002 s warm) and 83 MB peak RSS, 33 MB of it from the first
page, before `ingest.page` turned that search off; 0.13 s and 50 MB after. Each repeat runs a
new interpreter that imports `ingest.page` (import time is not counted), reads the page once
(first) and again (warm), and reports both times and its peak RSS. The page is our own, dated
only in its prose: the case that paid.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

from bench.harness import Row

REPO = Path(__file__).resolve().parent.parent

PAGE = """<!doctype html><html lang="ru"><head><meta charset="utf-8">
<title>Паводок перекрыл дорогу в долине</title></head><body>
<nav><a href="/">Главная</a> <a href="/news">Новости</a></nav>
<article><h1>Паводок перекрыл дорогу в долине</h1>
<p class="byline">Опубликовано 4 ноября 2024 года</p>
<p>Дорогу через долину закрыли в понедельник после того, как река за ночь поднялась на два
метра, сообщили региональные власти. Около 1300 жителей трёх сёл попросили покинуть дома
до наступления темноты.</p>
<p>Спасатели из соседней области прибыли днём с лодками и насосами. По словам властей,
14 человек доставлены в больницу с лёгкими травмами, погибших нет.</p>
<p>Школы района будут закрыты до четверга, железная дорога отменила все поезда.</p>
</article><footer>Вестник долины</footer></body></html>"""

_CHILD = """
import json, resource, sys, time
from ingest.page import read_page
body = sys.stdin.buffer.read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
read_page(body, "bench", "https://valley.example.org/news/flood")
t1 = time.perf_counter()
read_page(body, "bench", "https://valley.example.org/news/flood")
t2 = time.perf_counter()
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"first": t1 - t0, "warm": t2 - t1, "grew_mb": (after - before) / 1024,
                  "rss_mb": after / 1024}))
"""


def _one_process() -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input=PAGE.encode("utf-8"),
        capture_output=True,
        cwd=REPO,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout)


def bench_first_page(repeats: int) -> Row:
    """Value: the first page's seconds; baseline: the warm page's; ratio: first / warm."""
    runs = [_one_process() for _ in range(repeats)]
    first = statistics.median(r["first"] for r in runs)
    warm = statistics.median(r["warm"] for r in runs)
    grew = statistics.median(r["grew_mb"] for r in runs)
    rss = statistics.median(r["rss_mb"] for r in runs)
    return Row(
        name="page: first page in a fresh process vs a warm one",
        value=first,
        unit="s",
        baseline=warm,
        ratio=first / warm if warm else None,
        aim="first <= 0.5 s",
        met=first <= 0.5,
        note=f"peak RSS {rss:.0f} MB; reading the two pages grew it by {grew:.1f} MB",
    )
