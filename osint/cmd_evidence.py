"""Evidence that stands outside the database: keys, signed checkpoints, the check that the log
extends a published checkpoint, proof bundles and WARC exports (docs/evidence.md).

The library does the work (`events.checkpoints`, `events.note`, `osint.bundle`, `osint.warc`);
these commands read and write files and turn mistakes into one line.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from events import checkpoints as log_checkpoints
from events.errors import NoteError
from events.note import Checkpoint, Signer, Verifier, open_checkpoint
from osint.context import AppContext, pass_app
from osint.errors import EvidenceFileError
from osint.progress import progress_bar
from osint.settings import setting_option

# -- keys ------------------------------------------------------------------------------------


def load_signer(path: Path) -> Signer:
    if not path.exists():
        raise EvidenceFileError(f"no key file at {path} (osint key init --key {path} makes one)")
    try:
        return Signer.parse(path.read_text())
    except (OSError, UnicodeDecodeError) as exc:
        raise EvidenceFileError(f"{path}: cannot read the key ({exc})") from None
    except NoteError as exc:
        raise EvidenceFileError(f"{path}: not a signer key: {exc}") from None


def load_verifier(value: str | None, key_file: Path) -> Verifier:
    """The verifier key given (a key string, or a file holding one), else the public half of
    the signing key."""
    if value is None:
        return load_signer(key_file).verifier
    text = value
    if "+" not in value or Path(value).exists():
        try:
            text = Path(value).read_text()
        except OSError as exc:
            raise EvidenceFileError(f"{value}: cannot read a verifier key ({exc})") from None
    try:
        return Verifier.parse(text)
    except NoteError as exc:
        raise EvidenceFileError(f"{value}: {exc}") from None


@click.group("key")
def key_group() -> None:
    """The Ed25519 key that signs the log's checkpoints.

    \b
    Example:
      osint key init --key ~/keys/osint.key
    """


@key_group.command("init")
@setting_option("key")
@setting_option("origin", help="The key's name (default: the log's origin).")
@pass_app
def key_init_command(app: AppContext, key: Path, origin: str | None) -> None:
    """Make a new signing key in FILE (mode 0600; an existing file is never overwritten) and
    its verifier key in FILE.pub, and print the verifier key: publish it where the readers of
    your checkpoints and bundles will find it.

    \b
    Example:
      osint key init --key ~/keys/osint.key
    """
    if key.exists():
        raise EvidenceFileError(f"{key} already exists: refusing to overwrite a key")
    name = origin or log_checkpoints.default_origin(app.store())
    try:
        signer = Signer.generate(name)
    except NoteError as exc:
        raise EvidenceFileError(f"--origin: {exc}") from None
    try:
        key.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(f"{signer}\n")
        Path(f"{key}.pub").write_text(f"{signer.verifier}\n")
    except OSError as exc:
        raise EvidenceFileError(f"{key}: cannot write the key ({exc.strerror})") from None
    click.echo(str(signer.verifier))


# -- checkpoints -----------------------------------------------------------------------------


@click.command("checkpoint")
@setting_option("key")
@setting_option("origin")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Also write it to DIR/checkpoint and DIR/checkpoint.SIZE, for publishing.",
)
@pass_app
def checkpoint_command(app: AppContext, key: Path, origin: str | None, out: Path | None) -> None:
    """Sign the Merkle tree of the whole log (a C2SP tlog-checkpoint), store it and print it.

    Publish it (a web page, a git repository, a newspaper's archive) where those who can write
    to the database cannot change it: osint verify --checkpoint then proves the log still
    extends it.

    \b
    Example:
      osint checkpoint --key ~/keys/osint.key --out public/
    """
    signer = load_signer(key)
    store = app.store()
    made = log_checkpoints.sign(store, signer, origin or log_checkpoints.default_origin(store))
    if out is not None:
        try:
            out.mkdir(parents=True, exist_ok=True)
            (out / f"checkpoint.{made.checkpoint.size}").write_text(made.note)
            (out / "checkpoint").write_text(made.note)
        except OSError as exc:
            raise EvidenceFileError(f"{out}: cannot write the checkpoint ({exc})") from None
    click.echo(made.note, nl=False)


def read_checkpoints(paths: tuple[Path, ...], verifier: Verifier) -> list[Checkpoint]:
    """The checkpoints in `paths` (files, or folders of checkpoint files), each opened with
    `verifier`, smallest first."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.name.startswith("checkpoint")))
        else:
            files.append(path)
    if not files:
        raise EvidenceFileError(f"no checkpoint files in {', '.join(map(str, paths))}")
    found = []
    for file in files:
        try:
            text = file.read_text()
        except (OSError, UnicodeDecodeError) as exc:
            raise EvidenceFileError(f"{file}: cannot read the checkpoint ({exc})") from None
        try:
            found.append(open_checkpoint(text, verifier))
        except NoteError as exc:
            raise EvidenceFileError(f"{file}: {exc}") from None
    return sorted(found, key=lambda c: c.size)


def verify_checkpoints(app: AppContext, paths: tuple[Path, ...], verifier: Verifier) -> None:
    """The `--checkpoint` part of `osint verify`: exit 1 naming the first bad position."""
    found = read_checkpoints(paths, verifier)
    newest, older = found[-1], found[:-1]
    store = app.store(create=False)
    head, _ = store.head()
    with progress_bar("rebuilding the tree", head) as advance:
        report = log_checkpoints.verify_extends(store, newest, older, progress=advance)
    signer = f"{verifier.name}+{verifier.key_id:08x}"
    if report.ok:
        click.echo(
            f"ok: the log ({report.log_size} events) extends the checkpoint of size"
            f" {newest.size} signed by {signer} (consistency proof {newest.size} →"
            f" {report.log_size} verified against the tree rebuilt from the events)"
        )
        return
    where = (
        f"position {report.first_bad_position}"
        if report.exact
        else f"a position between {report.first_bad_position} and {report.last_bad_position}"
    )
    click.echo(f"BROKEN at {where}: {report.reason}", err=True)
    raise SystemExit(1)


def echo_json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


# -- proofs ------------------------------------------------------------------------------------


def _checkpoint_for(
    app: AppContext, position: int, given: Path | None, verifier: Verifier
) -> tuple[Checkpoint, str]:
    """The checkpoint to prove against: the one given, else the newest stored one."""
    if given is not None:
        note = given.read_text()
        try:
            return open_checkpoint(note, verifier), note
        except NoteError as exc:
            raise EvidenceFileError(f"{given}: {exc}") from None
    signed = log_checkpoints.stored(app.store(create=False))
    if not signed or signed[-1].checkpoint.size < position:
        raise EvidenceFileError(
            f"no checkpoint covers position {position} yet: run osint checkpoint first"
        )
    try:
        return open_checkpoint(signed[-1].note, verifier), signed[-1].note
    except NoteError as exc:
        raise EvidenceFileError(f"the newest stored checkpoint: {exc}") from None


def _write_json(path: Path, data: object) -> None:
    try:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    except OSError as exc:
        raise EvidenceFileError(f"{path}: cannot write ({exc.strerror})") from None


_VERIFIER_KEY = click.option(
    "--verifier-key",
    metavar="KEY|FILE",
    help="The verifier key of the checkpoint (default: the public half of --key).",
)


@click.group("prove", invoke_without_command=True)
@click.option(
    "--consistency",
    nargs=2,
    type=click.IntRange(min=0),
    metavar="OLD_SIZE NEW_SIZE",
    help="Print the consistency proof between two sizes of the log's tree, as JSON.",
)
@click.pass_context
def prove_group(ctx: click.Context, consistency: tuple[int, int] | None) -> None:
    """Proofs from the log's Merkle tree: a figure's proof bundle, or a consistency proof.

    \b
    Example:
      osint prove figure 12-0 -o bundle.json
      osint prove --consistency 100 250
    """
    if ctx.invoked_subcommand is not None:
        return
    if consistency is None:
        click.echo(ctx.get_help())
        return
    from events.tree import StoredTree

    app = ctx.find_object(AppContext)
    old, new = consistency
    store = app.store(create=False)
    head, _ = store.head()
    if not old <= new <= head:
        raise EvidenceFileError(f"--consistency needs OLD <= NEW <= {head} (the log's size)")
    tree = StoredTree(store.db)
    proof = tree.consistency_proof(old, new)
    old_root, new_root = tree.root(old), tree.root(new)
    from events import merkle

    merkle.verify_consistency(old, new, proof, old_root, new_root)
    echo_json(
        {
            "old_size": old,
            "new_size": new,
            "old_root": log_checkpoints.root_b64(old_root),
            "new_root": log_checkpoints.root_b64(new_root),
            "consistency_proof": [log_checkpoints.root_b64(h) for h in proof],
        }
    )


def _out_option(what: str):  # type: ignore[no-untyped-def]
    return click.option(
        "-o",
        "--out",
        type=click.Path(dir_okay=False, path_type=Path),
        required=True,
        help=f"The {what} to write.",
    )


@prove_group.command("figure")
@click.argument("figure_id")
@_out_option("bundle file (JSON)")
@click.option(
    "--checkpoint",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Prove against this published checkpoint (default: the newest one stored).",
)
@_VERIFIER_KEY
@setting_option("key")
@pass_app
def prove_figure_command(
    app: AppContext,
    figure_id: str,
    out: Path,
    checkpoint: Path | None,
    verifier_key: str | None,
    key: Path,
) -> None:
    """Write the proof bundle of figure FIGURE_ID (as osint audit lists them): the entry, the
    report's payload, the figure with its sentence and span, an inclusion proof and the signed
    checkpoint it leads to, and the verifier key. osint verify-bundle checks it offline.

    \b
    Example:
      osint prove figure 12-0 -o bundle.json
    """
    from osint.bundle import make_bundle
    from projections.audit import figure_chain

    verifier = load_verifier(verifier_key, key)
    store = app.store(create=False)
    figure = figure_chain(store, figure_id).figure
    found, note = _checkpoint_for(app, int(figure["position"]), checkpoint, verifier)
    bundle = make_bundle(store, figure, found, note, verifier)
    _write_json(out, bundle)
    click.echo(
        f"wrote {out}: figure {figure['figure_id']} ({figure['text']!r}) at position"
        f" {figure['position']}, proved in the tree of {found.size} events"
    )


@click.command("verify-bundle")
@click.argument("bundle_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--verifier-key",
    metavar="KEY|FILE",
    help="Also require the bundle's key to be this one (the key you trust).",
)
def verify_bundle_command(bundle_file: Path, verifier_key: str | None) -> None:
    """Check a proof bundle offline, with nothing but the bundle: the checkpoint's signature,
    the payload's digest in the entry, the sentence at its span in the report text, and the
    inclusion proof up to the signed root. Exit 1 naming the first check that fails.

    Without --verifier-key the bundle's own key is used: compare it with the one its log
    publishes.

    \b
    Example:
      osint verify-bundle bundle.json --verifier-key osint.key.pub
    """
    from osint.bundle import verify_bundle

    try:
        data = json.loads(bundle_file.read_text())
    except FileNotFoundError:
        raise EvidenceFileError(f"{bundle_file}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise EvidenceFileError(f"{bundle_file}: cannot read ({exc})") from None
    except json.JSONDecodeError as exc:
        raise EvidenceFileError(f"{bundle_file}: bad bundle JSON ({exc})") from None
    trusted = load_verifier(verifier_key, Path()) if verifier_key else None
    verified = verify_bundle(data, trusted)
    for check in verified.checks:
        click.echo(f"ok  {check}")
    figure = verified.figure
    click.echo(
        f"verified: {figure['text']!r} in “{figure['sentence']}”, log position"
        f" {verified.position} of {verified.checkpoint.origin}, tree of"
        f" {verified.checkpoint.size} events, key {verified.key}"
    )


# -- exports -----------------------------------------------------------------------------------


@click.group("export")
def export_group() -> None:
    """Exports of the evidence in standard formats.

    \b
    Example:
      osint export warc --all -o captures.warc.gz
    """


@export_group.command("warc")
@click.argument("report_ids", nargs=-1)
@click.option("--all", "everything", is_flag=True, help="Every capture the log's reports name.")
@_out_option("WARC file (gzipped WARC 1.1, e.g. captures.warc.gz)")
@pass_app
def export_warc_command(
    app: AppContext, report_ids: tuple[str, ...], everything: bool, out: Path
) -> None:
    """Write the raw captures behind reports as WARC 1.1 request, response, resource and
    metadata records (warcio check and warcio index read it). REPORT_ID is what osint show
    report takes: a URL, item key, stream id or log position.

    \b
    Example:
      osint export warc https://news.example.org/2024/11/07/troops -o troops.warc.gz
      osint export warc --all -o captures.warc.gz
    """
    from events import ReportObserved, decode
    from events.captures import CaptureStore
    from osint.warc import Use, write_warc
    from projections.audit import report_history, report_revisions

    if bool(report_ids) == everything:
        raise click.UsageError("give REPORT_ID… or --all (not both)")
    store = app.store(create=False)
    if everything:
        reports = (decode(e) for e in store.read())
    else:
        reports = (
            event
            for report_id in report_ids
            for event in report_revisions(store, report_history(store, report_id).stream_id)
        )
    uses: dict[str, list[dict[str, object]]] = {}
    for event in reports:
        data = event.data
        if isinstance(data, ReportObserved) and data.capture_sha256:
            uses.setdefault(data.capture_sha256, []).append(
                {
                    "position": event.position,
                    "event_id": event.event_id,
                    "stream_id": event.stream_id,
                }
            )
    if not uses:
        raise EvidenceFileError("no captures to export: these reports were read without one")
    found = CaptureStore(store.db).many(list(uses))
    missing = [d for d in uses if d not in found]
    if missing:
        raise EvidenceFileError(f"capture {missing[0]} is named by the log but not stored")
    try:
        with out.open("wb") as handle:
            count = write_warc(
                handle, (Use(found[d], d, events) for d, events in uses.items()), out.name
            )
    except OSError as exc:
        raise EvidenceFileError(f"{out}: cannot write ({exc.strerror})") from None
    events_count = sum(len(e) for e in uses.values())
    click.echo(f"wrote {out}: {count} capture(s) used by {events_count} event(s)")
