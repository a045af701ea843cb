"""The extractor under hostile text: random Unicode, news-like word salad, very long sentences
and a megabyte of digits. Every call returns claims whose offsets point into the passage, and
returns in bounded time: a watchdog (far above any normal run, so not a speed measurement)
turns catastrophic regex backtracking into a failure that names the input instead of a hang.
"""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from projections.extraction import extract
from tests.reliability.harness import scale

pytestmark = pytest.mark.reliability

EXAMPLES = scale(200, 3000)
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


class Hang(Exception):
    """The extractor ran past the watchdog: a catastrophic case."""


@contextmanager
def watchdog(seconds: float, text: str) -> Iterator[None]:
    def fire(_signum, _frame):  # type: ignore[no-untyped-def]
        raise Hang(f"extract() ran over {seconds} s on {len(text)} chars: {text[:300]!r}…")

    previous = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check_extract(text: str, seconds: float = 20.0) -> None:
    """`extract` returns in bounded time, and every claim's offsets point into `text`."""
    with watchdog(seconds, text):
        claims = extract(text)
    assert isinstance(claims, list)
    for claim in claims:
        assert 0 <= claim.start <= claim.end <= len(text), claim
        assert text[claim.start : claim.end] == claim.text, claim
        begin = claim.sentence_start
        assert text[begin : begin + len(claim.sentence)] == claim.sentence, claim
        if claim.low is not None and claim.high is not None:
            assert claim.low <= claim.high, claim


_WORDS = (
    "troops soldiers killed wounded dead missing captured displaced fled tanks drones people "
    "civilians residents North Korean Russian Ukrainian forces Kursk Kharkiv said reported "
    "according to officials estimated reportedly at least up to about around nearly more than "
    "fewer than some between and or to of the a in near dozens hundreds thousands million "
    "billion half third one two three ten eleven thousand no not denied claimed rose to "
    "from per cent % km miles aged years 2024 November 7 Nov. $ € ~ ± – — - / . , ; : ( ) « » "
    "“ ” ' \" ... ! ? \n \n\n"
).split(" ")
_NUMBERS = st.one_of(
    st.integers(0, 10**12).map(str),
    st.integers(0, 10**9).map(lambda n: f"{n:,}"),
    st.floats(0, 1e6, allow_nan=False).map(lambda x: f"{x:.2f}"),
    st.integers(0, 999).map(lambda n: f"{n} 000"),
    st.integers(1, 99).map(lambda n: f"{n}.{n}k"),
    st.integers(1, 9999).map(lambda n: f"{n}-{n * 2}"),
    st.text(alphabet="0123456789,.  '", min_size=1, max_size=40),
)
_TOKEN = st.one_of(st.sampled_from(_WORDS), _NUMBERS, st.text(max_size=6))
_SEPARATOR = st.sampled_from([" ", " ", " ", "\t", "\u00a0", "", "\n", ", ", ". "])
news_like = st.lists(st.tuples(_TOKEN, _SEPARATOR), max_size=400).map(
    lambda parts: "".join(t + s for t, s in parts)
)


@FUZZ
@given(text=st.text(max_size=3000))
def test_random_unicode(text: str):
    check_extract(text)


@FUZZ
@given(text=news_like)
def test_news_like_word_salad(text: str):
    check_extract(text)


@settings(
    max_examples=scale(25, 300),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    fragment=news_like.filter(lambda t: 0 < len(t) < 400),
    times=st.integers(10, 3000),
)
def test_very_long_sentences(fragment: str, times: int):
    """A fragment repeated into one endless sentence (sentence punctuation taken out)."""
    text = fragment.replace(".", " ").replace("!", " ").replace("?", " ").replace("\n", " ")
    check_extract((text + " ") * times, seconds=60.0)


MEGABYTE = 1_000_000
HUGE = {
    "1 MB of digits": "7" * MEGABYTE,
    "1 MB of grouped digits": "1,000," * (MEGABYTE // 6),
    "1 MB of numbers": "1 " * (MEGABYTE // 2),
    "1 MB of decimals": "3.14159" * (MEGABYTE // 7),
    "1 MB of a range": "between 1 and " * (MEGABYTE // 14),
    "1 MB of qualifiers": "up to about at least nearly " * (MEGABYTE // 28),
    "1 MB one sentence": "up to 11,000 North Korean troops were seen near Kursk and " * 17_000,
    "1 MB of dots": "1." * (MEGABYTE // 2),
    "1 MB of spaces then a claim": " " * MEGABYTE + "About 200 soldiers were killed.",
    "deep brackets": "(" * 200_000 + "12 troops" + ")" * 200_000,
}


@pytest.mark.parametrize("name", list(HUGE))
def test_a_megabyte_of_hostile_text(name: str):
    check_extract(HUGE[name], seconds=120.0)
