"""`osint extract`: run the figure extractor on a file, without touching the log."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from projections.extraction import EXTRACTOR_VERSION, explain, extract


@click.command("extract")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option("--jsonl", is_flag=True, help='FILE holds {"id","text","published"} lines.')
@click.option("--explain", "show_rules", is_flag=True, help="Print the rules behind each claim.")
def extract_command(file: Path, jsonl: bool, show_rules: bool) -> None:
    """Print the figure claims of FILE as JSON.

    \b
    Example:
      osint extract seeds/000_58dc72c931c469eb.txt --explain
      osint extract --jsonl passages.jsonl > claims.jsonl
    """
    raw = _read_text(file)
    if jsonl:
        for number, line in enumerate(raw.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                text = item["text"]
            except (ValueError, KeyError, TypeError) as exc:
                raise click.ClickException(
                    f"{file}:{number}: not a JSON object with a 'text' field ({exc})"
                ) from None
            claims = extract(text, item.get("published"))
            record = {"id": item.get("id"), "claims": [c.to_dict() for c in claims]}
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    claims = extract(raw)
    if show_rules:
        click.echo(f"extractor {EXTRACTOR_VERSION}: {len(claims)} claim(s) in {file}")
        for claim in claims:
            click.echo("")
            click.echo(explain(claim))
        return
    click.echo(json.dumps([c.to_dict() for c in claims], ensure_ascii=False, indent=2))


def _read_text(file: Path) -> str:
    try:
        if str(file) == "-":
            return sys.stdin.read()
        return file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise click.ClickException(f"{file}: no such file") from None
    except UnicodeDecodeError as exc:
        raise click.ClickException(f"{file}: not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise click.ClickException(f"{file}: cannot read ({exc.strerror})") from None
