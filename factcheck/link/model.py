"""The fitted link model: a logistic score over ``features.FEATURES``, stored as readable JSON.

``weights.json`` is written by ``benchmarks/fit_links.py`` (fitted on hand-annotated ECB+
topics, its cross-validated numbers inside); nothing here is tuned by hand. The score is the
model's probability that two differing facts are one quantity or occasion reported two ways,
which is what a reader means by a disagreement.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..errors import InputError
from ..logistic import Logistic, read_model
from .features import FEATURES


@dataclass(frozen=True)
class FamilyModel:
    """One family's logistic score (numbers, or dates) and the bars fitted for it."""

    logistic: Logistic
    report_bar: float
    high_bar: float

    def score(self, values: list[float]) -> float:
        return self.logistic.score(values)


@dataclass(frozen=True)
class LinkModel:
    """Per family (``number``, ``date``) a model over the same features: what makes two dates one
    occasion is not what makes two counts one quantity."""

    families: tuple[tuple[str, FamilyModel], ...]

    def family(self, name: str) -> FamilyModel:
        return dict(self.families)[name]


@cache
def load(path: str = "") -> LinkModel:
    """The model at ``path`` (a fit script's output), or the bundled one."""
    raw = read_model(__package__ or "factcheck.link", path, "link model", FEATURES, "benchmarks/fit_links.py")
    try:
        return LinkModel(tuple((name, _family(part)) for name, part in sorted(raw["families"].items())))
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"link model {path or 'link/weights.json'} is malformed ({exc})") from None


def _family(raw: dict) -> FamilyModel:
    return FamilyModel(logistic=Logistic.from_json(raw, FEATURES), report_bar=float(raw["report_bar"]),
                       high_bar=float(raw["high_bar"]))
