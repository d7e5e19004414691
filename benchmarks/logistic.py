"""Fitting the pipeline's logistic models (``factcheck.logistic.Logistic``): L2-penalised Newton steps.

Shared by ``fit_links.py`` and ``fit_align.py``; what it returns is the JSON object the runtime reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np


def fit_logistic(x: np.ndarray, y: np.ndarray, sample: np.ndarray, features: Sequence[str],
                 l2: float) -> dict[str, Any]:
    """Weights over standardised features (the intercept is not penalised). NaN is an unknown value:
    left out of the means and scales, and standardised to 0, as ``factcheck.logistic.Logistic`` reads it."""
    known = ~np.isnan(x)
    means = np.array([x[known[:, i], i].mean() if known[:, i].any() else 0.0 for i in range(x.shape[1])])
    scales = np.array([x[known[:, i], i].std() if known[:, i].any() else 1.0 for i in range(x.shape[1])])
    scales[scales == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), np.nan_to_num((x - means) / scales, nan=0.0)])
    w = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(z @ w, -50, 50)))
        gradient = z.T @ (sample * (p - y)) + penalty * w
        hessian = (z * (sample * p * (1 - p))[:, None]).T @ z + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return {"features": list(features), "bias": float(w[0]),
            "weights": {n: round(float(v), 6) for n, v in zip(features, w[1:])},
            "means": {n: round(float(v), 6) for n, v in zip(features, means)},
            "scales": {n: round(float(v), 6) for n, v in zip(features, scales)}}


def predict_logistic(model: dict[str, Any], x: np.ndarray, features: Sequence[str]) -> np.ndarray:
    w = np.array([model["weights"][n] for n in features])
    m = np.array([model["means"][n] for n in features])
    s = np.array([model["scales"][n] or 1.0 for n in features])
    return 1 / (1 + np.exp(-np.clip(model["bias"] + np.nan_to_num((x - m) / s, nan=0.0) @ w, -50, 50)))
