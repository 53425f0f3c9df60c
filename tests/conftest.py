"""Shared test set-up: the helper modules (strategies, golden, dotreader, and the bench's map
generator, generate) are importable from every test, and Hypothesis runs one of two profiles.

- ``default``: quick, for every run of ``make test`` and CI. Each property tries the number of
  examples its ``@examples(n)`` names (tests/strategies.py), and the scale tests build chains of
  5,000 links, five times Python's recursion limit.
- ``thorough``: chosen by ``ARGMAP_HYPOTHESIS=thorough`` (``make test-thorough``). Ten times as
  many examples for every property, and chains of 50,000 links.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent / "bench"))  # generate: large maps
pytest.register_assert_rewrite("golden")  # its comparison shows the diff, as in a test

PROFILES = {"default": 1, "thorough": 10}
"""Each profile and how many times the default number of examples it tries."""

PROFILE = os.environ.get("ARGMAP_HYPOTHESIS") or "default"
if PROFILE not in PROFILES:
    raise pytest.UsageError(
        f"ARGMAP_HYPOTHESIS={PROFILE!r} is not a profile: use one of {', '.join(PROFILES)}"
    )
for name, times in PROFILES.items():
    # No deadline and no too-slow check: the machine is shared, and a slow example is not a bug.
    settings.register_profile(
        name,
        max_examples=100 * times,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
settings.load_profile(PROFILE)


@pytest.fixture
def long_chain() -> int:
    """How many links the scale tests' long chains and circles have: far past the recursion
    limit, so that they show each walk is iterative; ten times as many in the thorough profile."""
    return 5_000 * PROFILES[PROFILE]
