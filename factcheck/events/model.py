"""The fitted same-story model: a logistic score over ``features.FEATURES``, stored as JSON.

``weights.json`` is written by ``benchmarks/fit_events.py`` from document pairs whose stories were
labelled by people (ECB+ topics, IndoSum look-alike folders, NTREX translations); its
cross-validated numbers are inside. Its score is the probability that two documents tell one story.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..errors import InputError
from ..logistic import Logistic, read_model
from .features import FEATURES


@dataclass(frozen=True)
class StoryModel:
    logistic: Logistic
    bar: float
    """Mean same-story probability at or above which groups of documents make one event."""
    attach_bar: float
    """Mean probability at which a group of ``small_group`` documents or fewer joins a larger event."""
    small_group: int


@cache
def load(path: str = "") -> StoryModel:
    """The model at ``path`` (a fit script's output), or the bundled one."""
    raw = read_model(__package__ or "factcheck.events", path, "same-story model", FEATURES,
                     "benchmarks/fit_events.py")
    try:
        return StoryModel(Logistic.from_json(raw, FEATURES), float(raw["bar"]), float(raw["attach_bar"]),
                          int(raw["small_group"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"same-story model {path or 'events/weights.json'} is malformed ({exc})") from None
