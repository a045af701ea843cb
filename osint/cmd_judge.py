"""`osint judge figure|sources|claimants` and `osint judgments`: analysts' judgments as events.

A judgment is appended to the log like an observation (immutable, attributed, in the chain)
and applied when figures are read; nothing in a report or a view is edited. Each one needs an
author (`--author` or `OSINT_ANALYST`) and a reason.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import click
from sqlalchemy import select

from events import (
    ClaimantsMerged,
    ClaimantsSplit,
    FigureJudged,
    NewEvent,
    SourcesLinked,
)
from events.judgments import CLAIMANTS_STREAM, SOURCES_STREAM, figure_stream_id
from osint.context import AppContext, pass_app
from osint.render import echo_csv, echo_json, format_option
from osint.settings import setting_option
from projections.audit import open_view
from projections.errors import UnknownFigure
from projections.extraction import SCORED_CATEGORIES
from projections.extraction.claim import EQUIPMENT_KINDS
from projections.judging import Judged, figure_ref, load_judgments, orphaned
from projections.topics import actor_aliases, category_word, slug, topic_key

_FIGURE_ID = re.compile(r"#?(\d+)-(\d+)")
_NUMBER = r"(\d[\d,]*(?:\.\d+)?)"


@click.group("judge")
def judge_group() -> None:
    """Record an analyst's judgment: of a figure, of two sources, of claimants' names.

    \b
    Example:
      osint judge figure 12-0 --exclude misread --reason "the 8,000 is last week's figure"
      osint judge sources wire-east daily-ledger --same-origin --reason "one wire"
      osint judge claimants "HUR" "Ukraine's military intelligence" --same --reason "one body"
    """


def _author(author: str | None) -> str:
    if not author or not author.strip():
        raise click.UsageError("say who judges: --author NAME (or set OSINT_ANALYST)")
    return author.strip()


def _common(command):  # type: ignore[no-untyped-def]
    command = click.option("--reason", required=True, help="Why: shown in every audit.")(command)
    return setting_option("author")(command)


@judge_group.command("figure")
@click.argument("figure_id")
@click.option(
    "--exclude",
    type=click.Choice(("misread", "not-a-claim", "duplicate")),
    help="Take the figure out of every estimate, saying why.",
)
@click.option("--confirm", is_flag=True, help="Confirm the figure as read.")
@click.option("--bounds", help="Corrected bounds: 11000, 10000-12000, >=10000 or <=12000.")
@click.option("--topic", "topic", help="Corrected topic, CATEGORY/ACTOR (troops/belarus).")
@click.option("--claimant", help="Corrected claimant.")
@click.option("--withdraw", "withdraws", metavar="JUDGMENT", help="Take back a judgment.")
@_common
@pass_app
def judge_figure_command(
    app: AppContext,
    figure_id: str,
    exclude: str | None,
    confirm: bool,
    bounds: str | None,
    topic: str | None,
    claimant: str | None,
    withdraws: str | None,
    reason: str,
    author: str | None,
) -> None:
    """Judge figure FIGURE_ID (as `osint audit` lists it): exclude, confirm, correct its
    bounds, topic or claimant, or withdraw an earlier judgment of it.

    \b
    Example:
      osint judge figure 12-0 --exclude duplicate --reason "the same briefing as 9-0"
      osint judge figure 12-0 --bounds 10000-12000 --reason "the text says between"
      osint judge figure 12-0 --topic troops/belarus --reason "Belarusian units"
      osint judge figure 12-0 --withdraw 5b1f… --reason "wrong figure"
    """
    who = _author(author)
    corrections = [bounds, topic, claimant]
    chosen = sum(
        [exclude is not None, confirm, any(c is not None for c in corrections), bool(withdraws)]
    )
    if chosen != 1:
        raise click.UsageError(
            "give one of --exclude, --confirm, --withdraw, or corrections"
            " (--bounds, --topic, --claimant)"
        )
    store = app.store(create=False)
    row = _figure_row(store, figure_id)
    fields: dict[str, Any] = {}
    if exclude is not None:
        fields = {"verdict": "exclude", "excluded_as": exclude}
    elif confirm:
        fields = {"verdict": "confirm"}
    elif withdraws:
        fields = {"verdict": "withdraw", "withdraws": _own_judgment(store, row, withdraws)}
    else:
        fields = {"verdict": "correct"}
        if bounds is not None:
            low, high = parse_bounds(bounds)
            fields.update(bounds=True, low=low, high=high)
        if topic is not None:
            fields.update(_topic_fields(topic))
        if claimant is not None:
            fields["claimant"] = claimant.strip()
    ref = figure_ref(row)
    judgment = FigureJudged(
        figure=ref,
        author=who,
        role=store.db.role(),
        reason=reason,
        judged_at=datetime.now(UTC),
        **fields,
    )
    position = _append(app, NewEvent.of(judgment, stream_id=figure_stream_id(ref)))
    click.echo(
        f"judged figure {row['figure_id']}: {_describe(judgment)} by {who}"
        f" (log position {position})"
    )


@judge_group.command("sources")
@click.argument("source")
@click.argument("other")
@click.option("--same-origin", "relation", flag_value="same-origin", help="One origin (a wire).")
@click.option("--copies", "relation", flag_value="copies", help="OTHER copies SOURCE.")
@click.option("--unlink", "relation", flag_value="none", help="Neither: undo a link.")
@_common
@pass_app
def judge_sources_command(
    app: AppContext,
    source: str,
    other: str,
    relation: str | None,
    reason: str,
    author: str | None,
) -> None:
    """Two sources are one origin (`--same-origin`), OTHER copies SOURCE (`--copies`), or
    neither (`--unlink`): their figures then count as one independent source, or two.

    \b
    Example:
      osint judge sources wire-east daily-ledger --same-origin --reason "both run the wire"
      osint judge sources wire-east daily-ledger --unlink --reason "separate desks"
    """
    who = _author(author)
    if relation is None:
        raise click.UsageError("give --same-origin, --copies or --unlink")
    if source == other:
        raise click.UsageError("name two different sources")
    store = app.store(create=False)
    judgment = SourcesLinked(
        source=source,
        other=other,
        relation=relation,  # type: ignore[arg-type]
        author=who,
        role=store.db.role(),
        reason=reason,
        judged_at=datetime.now(UTC),
    )
    position = _append(app, NewEvent.of(judgment, stream_id=SOURCES_STREAM))
    what = {"same-origin": "share one origin", "copies": f"{other} copies {source}"}
    click.echo(
        f"judged {source} and {other}: {what.get(relation, 'not linked')} by {who}"
        f" (log position {position})"
    )


@judge_group.command("claimants")
@click.argument("names", nargs=-1)
@click.option("--same", is_flag=True, help="The NAMES are one claimant.")
@click.option("--as", "canonical", help="The name to show for them (default: the first).")
@click.option("--split", "split", metavar="JUDGMENT", help="Undo a merge.")
@_common
@pass_app
def judge_claimants_command(
    app: AppContext,
    names: tuple[str, ...],
    same: bool,
    canonical: str | None,
    split: str | None,
    reason: str,
    author: str | None,
) -> None:
    """NAMES are one claimant (`--same`), counted and shown as one; or undo such a merge
    (`--split JUDGMENT`).

    \b
    Example:
      osint judge claimants HUR "Ukraine's military intelligence" --same --reason "one agency"
      osint judge claimants --split 5b1f… --reason "two bodies after all"
    """
    who = _author(author)
    store = app.store(create=False)
    common = {"author": who, "role": store.db.role(), "reason": reason}
    if split:
        if same or names:
            raise click.UsageError("--split takes no NAMES and no --same")
        merge = _judgment(store, split, "claimants")
        event: Any = ClaimantsSplit(withdraws=merge.event_id, judged_at=datetime.now(UTC), **common)
        done = f"merge {merge.event_id} undone"
    else:
        cleaned = list(dict.fromkeys(n.strip() for n in names if n.strip()))
        if not same or len(cleaned) < 2:
            raise click.UsageError("give two NAMES or more and --same (or --split JUDGMENT)")
        shown = (canonical or cleaned[0]).strip()
        event = ClaimantsMerged(
            claimants=cleaned, canonical=shown, judged_at=datetime.now(UTC), **common
        )
        done = f"{', '.join(cleaned)} are one claimant, shown as {shown!r}"
    position = _append(app, NewEvent.of(event, stream_id=CLAIMANTS_STREAM))
    click.echo(f"judged: {done}, by {who} (log position {position})")


@click.command("judgments")
@click.option("--orphaned", "only_orphaned", is_flag=True, help="Only those needing review.")
@format_option("judgment")
@pass_app
def judgments_command(app: AppContext, only_orphaned: bool, fmt: str) -> None:
    """Every judgment: who, when, why, what it says, and whether it stands, was withdrawn, or
    is orphaned (its figure is no longer read as it was, by a new extractor say: review it).

    \b
    Example:
      osint judgments
      osint judgments --orphaned --format json
    """
    store = app.store(create=False)
    with store.db.connect() as conn:
        judgments = load_judgments(conn, None)
        lost = {j.event_id for j in orphaned(conn, open_view(store, conn).figures, judgments)}
    records = [_record(j, lost) for j in judgments.every]
    if only_orphaned:
        records = [r for r in records if r["state"] == "orphaned"]
    if fmt == "json":
        echo_json(records)
    elif fmt == "csv":
        echo_csv(records)
    else:
        if not records:
            click.echo("no judgments" + (" need review" if only_orphaned else " yet"))
        for r in records:
            click.echo(
                f"{r['judged_at'][:16].replace('T', ' ')}  {r['state']:<9} {r['kind']:<9}"
                f" {r['what']}  — {r['author']}: {r['reason']}  [{r['judgment']}]"
            )


# -- helpers -----------------------------------------------------------------------------------


def parse_bounds(text: str) -> tuple[float | None, float | None]:
    """`11000`, `10,000-12,000`, `>=10000` (or `10000+`, `≥10000`), `<=12000` (or `≤12000`)."""
    t = text.strip().replace(" ", "").replace("–", "-")
    if m := re.fullmatch(_NUMBER, t):
        v = _number(m.group(1))
        return v, v
    if m := re.fullmatch(rf"{_NUMBER}-{_NUMBER}", t):
        low, high = _number(m.group(1)), _number(m.group(2))
        if low <= high:
            return low, high
    if m := re.fullmatch(rf"(?:>=|≥){_NUMBER}|{_NUMBER}\+", t):
        return _number(m.group(1) or m.group(2)), None
    if m := re.fullmatch(rf"(?:<=|≤){_NUMBER}", t):
        return None, _number(m.group(1))
    raise click.BadParameter(
        f"{text!r} is not bounds (11000, 10000-12000, >=10000 or <=12000)", param_hint="'--bounds'"
    )


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _topic_fields(topic: str) -> dict[str, Any]:
    category, _, actor = topic.partition("/")
    category = category_word(category)
    kind = None
    if category.startswith("equipment-"):
        wanted = category.removeprefix("equipment-")
        kind = next((k for k in EQUIPMENT_KINDS if slug(k) == wanted), None)
        if kind is None:
            raise click.BadParameter(
                f"{wanted!r} is not a kind of equipment ({', '.join(EQUIPMENT_KINDS)})",
                param_hint="'--topic'",
            )
        category = "equipment"
    if category not in SCORED_CATEGORIES:
        raise click.BadParameter(
            f"{category!r} is not a category ({', '.join(sorted(SCORED_CATEGORIES))})",
            param_hint="'--topic'",
        )
    names = {slug(name): name for name in _actor_names()}
    word = actor_aliases().get(slug(actor), slug(actor)) if actor.strip() else None
    shown = names.get(word, actor.strip()) if word else None
    return {"category": category, "actor": shown, "kind": kind}


def _actor_names() -> list[str]:
    from projections.extraction.gazetteer import KINDS

    return [actor for _kind, table in KINDS for actor in table]


def _figure_row(store: Any, figure_id: str) -> dict[str, Any]:
    match = _FIGURE_ID.fullmatch(figure_id.strip())
    if not match:
        raise UnknownFigure(f"{figure_id!r} is not a figure id (they look like 12-0)")
    fid = f"{match.group(1)}-{match.group(2)}"
    with store.db.connect() as conn:
        f = open_view(store, conn).figures
        row = conn.execute(select(f).where(f.c.figure_id == fid)).mappings().first()
    if row is None:
        raise UnknownFigure(f"no figure {fid!r} in the figures view (see osint audit TOPIC)")
    return dict(row)


def _judgment(store: Any, event_id: str, kind: str) -> Judged:
    with store.db.connect() as conn:
        judgments = load_judgments(conn, None)
    found = [j for j in judgments.every if j.event_id.startswith(event_id.strip())]
    live = [j for j in found if j.kind == kind and j.withdrawn_at is None]
    if len(live) == 1:
        return live[0]
    if len(live) > 1:
        raise click.BadParameter(f"{event_id!r} names {len(live)} judgments: give more of its id")
    why = "was withdrawn already" if found else "is not a judgment"
    raise click.BadParameter(f"{event_id!r} {why} (osint judgments lists them)")


def _own_judgment(store: Any, row: dict[str, Any], event_id: str) -> str:
    judged = _judgment(store, event_id, "figure")
    if judged.model.figure != figure_ref(row):
        raise click.BadParameter(f"judgment {judged.event_id} is about another figure")
    return judged.event_id


def _append(app: AppContext, event: NewEvent) -> int:
    store = app.store(create=False)
    (position,) = store.append([event])
    app.runner().catch_up()
    return position


def _describe(j: FigureJudged) -> str:
    if j.verdict == "exclude":
        return f"excluded ({j.excluded_as})"
    if j.verdict == "withdraw":
        return f"judgment {j.withdraws} withdrawn"
    if j.verdict == "confirm":
        return "confirmed"
    parts = []
    if j.bounds:
        parts.append(f"bounds {_bound(j.low)}–{_bound(j.high)}")
    if j.category is not None:
        parts.append(f"topic {topic_key(j.category, j.actor, j.kind)}")
    if j.claimant is not None:
        parts.append(f"claimant {j.claimant!r}")
    return "corrected: " + ", ".join(parts)


def _bound(value: float | None) -> str:
    return "open" if value is None else f"{value:,.0f}"


def _record(j: Judged, orphans: set[str]) -> dict[str, Any]:
    m = j.model
    state = "orphaned" if j.event_id in orphans else "stands"
    if j.withdrawn_at is not None:
        state = "withdrawn"
    if isinstance(m, FigureJudged):
        what = f"{m.figure.text!r} in {m.figure.stream_id} rev {m.figure.revision}: {_describe(m)}"
    elif isinstance(m, SourcesLinked):
        what = f"{m.source} / {m.other}: {m.relation}"
    elif isinstance(m, ClaimantsMerged):
        what = f"{', '.join(m.claimants)} = {m.canonical!r}"
    else:
        what = f"undoes merge {m.withdraws}"
    return {
        "judgment": j.event_id,
        "kind": j.kind,
        "state": state,
        "what": what,
        "author": j.author,
        "role": j.role,
        "reason": j.reason,
        "judged_at": j.judged_at,
        "position": j.position,
        "withdrawn_at": j.withdrawn_at,
        "withdrawn_by": j.withdrawn_by,
    }
