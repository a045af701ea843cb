"""The audit scenario (our own text): a dozen reports from five sources over three weeks about
one deployment of North Korean troops to Russia, and one revision.

The story, in the order we observe it:
- a first, hedged upper bound (seoul-herald), corroborated by a second source (wire-east),
  whose story daily-ledger syndicates word for word under its own URL;
- the Pentagon's figure raises the estimate; kyiv-courier gives the same figure;
- Russia's foreign ministry denies it (reported by atlantic-monitor);
- seoul-herald raises its figure, then repeats it; daily-ledger reports a range of its own;
- kyiv-courier revises its earlier article with a higher figure (revision 2, same publication
  date, observed a week later);
- a killed count in another topic, a raised and hedged U.S. estimate, and an open lower bound.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from events import EventStore
from ingest.observation import Observation
from ingest.run import RunResult, ingest_observations


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@dataclass(frozen=True)
class Report:
    key: str  # our short name in the tests
    source: str
    item: str
    url: str
    title: str
    published: str
    observed: str
    text: str

    def observation(self) -> Observation:
        return Observation(
            source_id=self.source,
            item_key=self.item,
            text=self.text,
            url=self.url,
            title=self.title,
            published_at=at(self.published),
        )


WIRE_STORY = (
    "A senior Ukrainian military intelligence official said on Thursday that up to 3,000 North"
    " Korean troops were training at bases in eastern Russia. The official, who spoke on"
    " condition of anonymity, said the soldiers were expected to reach the front within weeks."
)
COURIER_ITEM = "news/2024-10-30-defence-intelligence"
COURIER_URL = "https://kyiv-courier.example.org/news/2024-10-30-defence-intelligence"
COURIER_TITLE = "Kyiv: North Korean units have reached Kursk"

REPORTS: tuple[Report, ...] = (
    Report(
        "s1",
        "seoul-herald",
        "2024/10/23/nis-briefing",
        "https://seoul-herald.example.com/2024/10/23/nis-briefing",
        "Spy agency says North Korea sent troops to Russia",
        "2024-10-23T06:00",
        "2024-10-23T07:10",
        "South Korea's National Intelligence Service said on Wednesday that up to 3,000 North"
        " Korean troops had reportedly been sent to Russia for training. The agency said the"
        " soldiers had travelled by ship from the port of Chongjin to Vladivostok.",
    ),
    Report(
        "w1",
        "wire-east",
        "stories/ukraine-intel-north-korea",
        "https://wire-east.example.net/stories/ukraine-intel-north-korea",
        "Ukrainian official: North Korean troops training in Russia",
        "2024-10-24T09:00",
        "2024-10-24T09:30",
        WIRE_STORY,
    ),
    Report(
        "d1",
        "daily-ledger",
        "world/ukraine-intel-north-korea",
        "https://daily-ledger.example.org/world/ukraine-intel-north-korea",
        "North Korean troops training in Russia, Ukraine says",
        "2024-10-24T13:00",
        "2024-10-24T13:20",
        WIRE_STORY,
    ),
    Report(
        "w2",
        "wire-east",
        "stories/pentagon-north-korean-troops",
        "https://wire-east.example.net/stories/pentagon-north-korean-troops",
        "Pentagon: North Korean troops have moved into Russia",
        "2024-10-28T15:00",
        "2024-10-28T15:40",
        "The Pentagon said on Monday that about 10,000 North Korean troops had moved into"
        " Russia. A Pentagon spokeswoman said some of them were heading towards the Kursk"
        " region.",
    ),
    Report(
        "k1",
        "kyiv-courier",
        COURIER_ITEM,
        COURIER_URL,
        COURIER_TITLE,
        "2024-10-30T08:00",
        "2024-10-30T08:45",
        "Ukraine's defence intelligence agency said on Wednesday that around 10,000 North"
        " Korean soldiers were now in Russia. It said the first units had reached the Kursk"
        " region.",
    ),
    Report(
        "a1",
        "atlantic-monitor",
        "2024/11/01/moscow-denial",
        "https://atlantic-monitor.example.com/2024/11/01/moscow-denial",
        "Moscow denies North Korean deployment",
        "2024-11-01T12:00",
        "2024-11-01T12:30",
        "Russia's foreign ministry on Friday denied reports that 10,000 North Korean troops"
        " had been deployed to Russia. A ministry spokeswoman said cooperation with Pyongyang"
        " complied with international law.",
    ),
    Report(
        "s2",
        "seoul-herald",
        "2024/11/04/nis-update",
        "https://seoul-herald.example.com/2024/11/04/nis-update",
        "Seoul raises its estimate of North Korean troops in Russia",
        "2024-11-04T05:00",
        "2024-11-04T06:00",
        "South Korea's National Intelligence Service said on Monday that about 11,000 North"
        " Korean troops were now in Russia. The agency told lawmakers that most of them had been"
        " sent to the Kursk region.",
    ),
    Report(
        "s3",
        "seoul-herald",
        "2024/11/05/parliament-briefing",
        "https://seoul-herald.example.com/2024/11/05/parliament-briefing",
        "Lawmakers: some North Korean troops already in combat",
        "2024-11-05T04:00",
        "2024-11-05T04:30",
        "Lawmakers briefed by the intelligence service said on Tuesday that about 11,000 North"
        " Korean troops were in Russia and that some had already joined combat.",
    ),
    Report(
        "d2",
        "daily-ledger",
        "world/kursk-general-staff",
        "https://daily-ledger.example.org/world/kursk-general-staff",
        "General staff: North Korean soldiers stationed in Kursk",
        "2024-11-05T10:00",
        "2024-11-05T10:30",
        "A spokesman for Ukraine's general staff said on Tuesday that between 10,000 and 12,000"
        " North Korean soldiers were stationed in the Kursk region.",
    ),
    Report(
        "k1r2",
        "kyiv-courier",
        COURIER_ITEM,
        COURIER_URL,
        COURIER_TITLE,
        "2024-10-30T08:00",
        "2024-11-06T09:00",
        "Ukraine's defence intelligence agency said on Wednesday that around 11,000 North"
        " Korean soldiers were now in Russia. It said the first units had reached the Kursk"
        " region. This article has been updated to correct the number of soldiers.",
    ),
    Report(
        "a2",
        "atlantic-monitor",
        "2024/11/07/kursk-losses",
        "https://atlantic-monitor.example.com/2024/11/07/kursk-losses",
        "First North Korean losses reported in Kursk",
        "2024-11-07T16:00",
        "2024-11-07T16:30",
        "Ukraine's military said on Thursday that about 200 North Korean soldiers had been"
        " killed in fighting in the Kursk region this week.",
    ),
    Report(
        "w3",
        "wire-east",
        "stories/us-officials-north-korea-estimate",
        "https://wire-east.example.net/stories/us-officials-north-korea-estimate",
        "U.S. officials raise estimate of North Korean troops",
        "2024-11-11T14:00",
        "2024-11-11T14:20",
        "U.S. officials said on Monday that about 12,000 North Korean troops were believed to be"
        " in Russia.",
    ),
    Report(
        "k2",
        "kyiv-courier",
        "news/2024-11-13-zelensky",
        "https://kyiv-courier.example.org/news/2024-11-13-zelensky",
        "Zelensky: North Korean troops fighting alongside Russian forces",
        "2024-11-13T09:00",
        "2024-11-13T09:30",
        "President Volodymyr Zelensky said on Wednesday that more than 12,000 North Korean"
        " troops were now fighting alongside Russian forces in the Kursk region. Ukraine's"
        " general staff said 1,500 Russian soldiers had been killed in the past day.",
    ),
)

SOURCES = ("seoul-herald", "wire-east", "daily-ledger", "kyiv-courier", "atlantic-monitor")
TOPIC = "troops/north-korea"


def load(store: EventStore, until: str | None = None) -> dict[str, int]:
    """Ingest the scenario in observation order, one run per report at its observed time;
    return each report's log position by its key. `until`: stop after that key."""
    positions: dict[str, int] = {}
    for report in sorted(REPORTS, key=lambda r: r.observed):
        result: RunResult = ingest_observations(
            store, [report.observation()], observed_at=at(report.observed)
        )
        assert result.appended == 1, report.key
        positions[report.key] = result.positions[0]
        if report.key == until:
            break
    return positions
