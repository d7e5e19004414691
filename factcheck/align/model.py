"""The fitted same-statement model: a logistic score over ``features.FEATURES``, stored as JSON.

``weights.json`` is written by ``benchmarks/fit_align.py`` (fitted on the NTREX translation pairs
and on sentence pairs of ECB+ and IndoSum stories labelled by reading; its cross-validated
numbers are inside). Its score is the probability that two sentences make one statement, an
absolute number: it does not depend on what else is in the folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..errors import InputError
from ..logistic import Logistic, read_model
from .features import FEATURES


@dataclass(frozen=True)
class StatementModel:
    logistic: Logistic
    bar: float
    """Probability at or above which a pair (and, on average, a claim) is one statement."""
    no_rival: float
    """The median runner-up cosine of the pairs it was fitted on: what a one-line article's missing
    second-best sentence is taken to be."""


@cache
def load(path: str = "") -> StatementModel:
    """The model at ``path`` (a fit script's output), or the bundled one."""
    raw = read_model(__package__ or "factcheck.align", path, "statement model", FEATURES, "benchmarks/fit_align.py")
    try:
        return StatementModel(Logistic.from_json(raw, FEATURES), float(raw["bar"]), float(raw["no_rival"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"statement model {path or 'align/weights.json'} is malformed ({exc})") from None
