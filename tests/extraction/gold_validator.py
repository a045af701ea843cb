"""The shared gold validator (`../shared/tools/validate_gold.py`) for tests that hold a gold file
of ours to the conventions. It is not part of this repository, so where it is absent (a clone
outside this machine's layout) those tests skip rather than pass."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

VALIDATOR = Path("/work/shared/tools/validate_gold.py")


def validation_errors(gold: Path) -> list[str]:
    """Every error the validator finds in the passages of `gold`, in file order."""
    if not VALIDATOR.exists():
        pytest.skip("the shared validator is not on this machine")
    spec = importlib.util.spec_from_file_location("validate_gold", VALIDATOR)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    errors: list[str] = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        mod.check_passage(json.loads(line), errors, [])
    return errors
