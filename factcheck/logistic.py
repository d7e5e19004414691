"""A fitted logistic score over named features, as stored in the models' readable JSON.

Both fitted models of the pipeline (statement alignment, fact links) are a logistic regression
over standardised features; fitting lives in ``benchmarks/`` (``benchmarks/logistic.py``), and
what it learnt is a small JSON object: ``{"features", "weights", "means", "scales", "bias"}``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from .errors import InputError


def read_model(package: str, path: str, what: str, features: Sequence[str], fit_script: str) -> dict[str, Any]:
    """The JSON of a fitted model: the file at ``path``, or ``weights.json`` bundled in ``package``.

    A file that cannot be read, or that was fitted on other features than ``features``, is an
    ``InputError`` naming ``what`` it is and the script that refits it."""
    name = path or f"{package.rsplit('.', 1)[-1]}/weights.json"
    try:
        if path:
            raw = json.loads(Path(path).read_text(encoding="utf-8"))
        else:
            raw = json.loads((resources.files(package) / "weights.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read the {what} {name}: {exc}") from None
    if not isinstance(raw, dict) or list(raw.get("features", [])) != list(features):
        raise InputError(f"{what} {name} was fitted on other features; refit it with {fit_script}")
    return raw


@dataclass(frozen=True)
class Logistic:
    """``σ(bias + Σ wᵢ (xᵢ − meanᵢ) / scaleᵢ)`` over ``features``, in that order.

    A feature given as NaN is unknown (a name overlap of two articles that name no one): it counts
    as its fitted mean, so it neither raises nor lowers the score."""

    features: tuple[str, ...]
    weights: tuple[float, ...]
    bias: float
    means: tuple[float, ...]
    scales: tuple[float, ...]

    def score(self, values: Sequence[float]) -> float:
        z = self.bias + sum(w * (v - m) / s for w, v, m, s in zip(self.weights, values, self.means, self.scales)
                            if not math.isnan(v))
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def scores(self, matrix: np.ndarray) -> np.ndarray:
        """Scores of the rows of ``matrix`` (one column per feature)."""
        if matrix.shape[0] == 0:
            return np.zeros(0)
        standard = np.nan_to_num((matrix - np.asarray(self.means)) / np.asarray(self.scales), nan=0.0)
        z = self.bias + standard @ np.asarray(self.weights)
        return 1.0 / (1.0 + np.exp(-np.clip(z, -50.0, 50.0)))

    @classmethod
    def from_json(cls, raw: Mapping[str, Any], features: Sequence[str]) -> Logistic:
        """The model of ``raw`` over ``features``; KeyError/TypeError/ValueError when it does not fit them."""
        weights, means, scales = raw["weights"], raw["means"], raw["scales"]
        return cls(features=tuple(features), weights=tuple(float(weights[n]) for n in features),
                   bias=float(raw["bias"]), means=tuple(float(means[n]) for n in features),
                   scales=tuple(float(scales[n]) or 1.0 for n in features))
