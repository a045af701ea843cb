"""The short version of `make sim`: two `osint schedule` processes on one PostgreSQL database,
300 feeds of mixed behaviour on one local server, judged from the server's log and the events.

The invariants are asserted with their actual values: no two requests for one feed at once, no
early repeat of a poll, every edition served exactly once in the log with revisions in order,
one `FetchFailed` per failed poll, `Retry-After` honoured. Lateness is printed, not asserted
(timing belongs to `make sim`, never to a test). About 60 s."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.sim import SimConfig, describe, run
from tests.reliability.harness import scale

pytestmark = [pytest.mark.reliability, pytest.mark.postgres]


def test_two_schedulers_poll_300_feeds_without_overlap_loss_or_doubling(tmp_path: Path) -> None:
    cfg = SimConfig(
        sources=scale(300, 2000),
        schedulers=2,
        interval=15.0,
        duration=float(scale(45, 240)),
        change_every=20.0,
    )
    result = run(cfg, tmp_path, say=lambda _line: None)
    print(describe(result))
    assert result.exit_codes == {"s1": 0, "s2": 0}
    assert result.tracebacks == 0
    # Both schedulers worked, every source was polled, most of them twice or more (15 polls/s
    # are needed; a busy 2-core machine does 20 or more).
    assert set(result.polls_per_second) == {"s1", "s2"}
    assert min(result.polls_per_second.values()) > 0
    assert result.never_polled == 0
    assert result.lateness_samples >= cfg.sources // 2
    assert result.overlapping_requests == 0, result.examples.get("overlapping_requests")
    assert result.early_repeats == 0, result.examples.get("early_repeats")
    assert result.served_editions > cfg.sources
    assert (result.lost, result.doubled, result.misordered) == (0, 0, 0), result.examples
    assert result.reports_in_log == result.served_editions
    assert result.fetch_failed_events == result.failed_polls - result.abandoned_polls
    assert result.retry_after_violations == 0, result.examples.get("retry_after_violations")
