#!/usr/bin/env python3
"""The drift.feature computation of the drift benchmark in pandas + scipy, for comparison with regops.

    /usr/bin/python3 bench/drift/pandas_drift.py --reference REF.csv --current CUR.csv \
        --columns age,bmi,... --out result.json

Reads both CSVs whole with pandas (every column, default type inference, like regops's loadTable reads every
column), then per column the method regops's "auto" rule picks when the reference has more than 1000 values:

- numeric (every present cell a finite number on both sides, more than 5 distinct values over both sides):
  scipy.stats.wasserstein_distance(reference, current) / max(numpy.std(reference), 0.001), drift at >= 0.1;
- categorical (anything else, e.g. crp with its rare "<0.5" text, or the 0/1 outcome): category counts over
  the union of both sides' categories, scipy.spatial.distance.jensenshannon(p, q, base=2), drift at >= 0.1;
- missingness: two-proportion Z-test with pooled variance, p = 2 * norm.sf(|z|) (none when neither side
  has a missing cell);

then Holm over every p-value of the family (here only the missingness tests: the distances have none), drift
when the adjusted p-value < alpha, and the dataset drift share. Writes the per-column numbers and the timings
(read, compute) as JSON. Only the large-sample path is implemented: with 1000 reference values or fewer it stops.
"""

import argparse
import json
import sys
import time

import numpy as np
import pandas as pd
from scipy.spatial.distance import jensenshannon
from scipy.stats import norm, wasserstein_distance

AUTO_SMALL_N = 1000
MAX_CATEGORIES_AS_NUMBER = 5
THRESHOLD = 0.1
MIN_STD = 0.001
NA_VALUES = ["", "NA"]  # regops's default na_values


def read(path):
    # low_memory=False: infer each column's type over the whole file, so a column with a rare text value
    # (crp's "<0.5") is one column of texts, not float chunks mixed with text chunks.
    return pd.read_csv(path, keep_default_na=False, na_values=NA_VALUES, low_memory=False)


def as_numbers(s):
    """The present values as float64, or None when some present cell is not a finite number."""
    if pd.api.types.is_numeric_dtype(s.dtype) and not pd.api.types.is_bool_dtype(s.dtype):
        v = s.to_numpy(dtype=np.float64)
    else:
        v = pd.to_numeric(s, errors="coerce").to_numpy(dtype=np.float64)
        if np.isnan(v).sum() != s.isna().sum():
            return None
    v = v[~np.isnan(v)]
    return v if np.isfinite(v).all() else None


def two_proportion_z(k1, n1, k2, n2):
    p1, p2 = k1 / n1, k2 / n2
    pooled = (k1 + k2) / (n1 + n2)
    if pooled in (0, 1):
        return 0.0, 1.0
    z = (p1 - p2) / np.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    return float(z), float(min(1.0, 2 * norm.sf(abs(z))))


def holm(p):
    p = np.asarray(p, dtype=np.float64)
    m = len(p)
    adjusted = np.empty(m)
    running = 0.0
    for i, idx in enumerate(np.argsort(p, kind="stable")):
        running = max(running, min(1.0, (m - i) * p[idx]))
        adjusted[idx] = running
    return adjusted


def column_drift(name, ref, cur):
    n_ref, n_cur = len(ref), len(cur)
    miss_ref, miss_cur = int(ref.isna().sum()), int(cur.isna().sum())
    r_num, c_num = as_numbers(ref), as_numbers(cur)
    r_present, c_present = ref.dropna(), cur.dropna()
    if len(r_present) <= AUTO_SMALL_N:
        sys.exit(f"{name}: {len(r_present)} reference values; only the > {AUTO_SMALL_N} path is implemented")
    numeric = r_num is not None and c_num is not None
    if numeric:
        distinct = len(np.unique(np.concatenate([r_num, c_num])))
    else:
        distinct = len(pd.unique(pd.concat([r_present, c_present], ignore_index=True)))
    if numeric and distinct > MAX_CATEGORIES_AS_NUMBER:
        method = "wasserstein"
        statistic = wasserstein_distance(r_num, c_num) / max(float(np.std(r_num)), MIN_STD)
    else:
        method = "jensen_shannon"
        # Numbers by value (1 and 1.0 are one category), text as written: as regops counts categories.
        rk = pd.Series(r_num) if numeric else r_present
        ck = pd.Series(c_num) if numeric else c_present
        counts = pd.concat([rk.value_counts(), ck.value_counts()], axis=1).fillna(0)
        statistic = float(jensenshannon(counts.iloc[:, 0].to_numpy(), counts.iloc[:, 1].to_numpy(), base=2))
    if miss_ref + miss_cur == 0:
        miss_p = None
    else:
        _, miss_p = two_proportion_z(miss_ref, n_ref, miss_cur, n_cur)
    return {
        "column": name,
        "method": method,
        "distinct": int(distinct),
        "statistic": float(statistic),
        "n_reference": n_ref - miss_ref,
        "n_current": n_cur - miss_cur,
        "missing_rate_reference": miss_ref / n_ref,
        "missing_rate_current": miss_cur / n_cur,
        "missing_p_value": miss_p,
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--reference", required=True)
    ap.add_argument("--current", required=True)
    ap.add_argument("--columns", required=True, help="comma-separated column names")
    ap.add_argument("--alpha", type=float, default=0.05)
    ap.add_argument("--drift-share", type=float, default=0.5)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    columns = a.columns.split(",")

    t0 = time.perf_counter()
    ref = read(a.reference)
    cur = read(a.current)
    t1 = time.perf_counter()
    rows = [column_drift(c, ref[c], cur[c]) for c in columns]
    family = [i for i, r in enumerate(rows) if r["missing_p_value"] is not None]
    adjusted = holm([rows[i]["missing_p_value"] for i in family])
    for r in rows:
        r["missing_p_adjusted"] = None
    for i, adj in zip(family, adjusted):
        rows[i]["missing_p_adjusted"] = float(adj)
    drifted = []
    for r in rows:
        r["value_drift"] = r["statistic"] >= THRESHOLD
        r["missingness_drift"] = r["missing_p_adjusted"] is not None and r["missing_p_adjusted"] < a.alpha
        r["drifted"] = r["value_drift"] or r["missingness_drift"]
        if r["drifted"]:
            drifted.append(r["column"])
    t2 = time.perf_counter()
    share = len(drifted) / len(rows)
    out = {
        "tool": f"pandas {pd.__version__}, scipy {__import__('scipy').__version__}, numpy {np.__version__}",
        "python": sys.version.split()[0],
        "rows_reference": len(ref),
        "rows_current": len(cur),
        "read_s": t1 - t0,
        "compute_s": t2 - t1,
        "columns": rows,
        "drifted": drifted,
        "drift_share": share,
        "dataset_drift": share >= a.drift_share,
        "tests_in_family": len(family),
    }
    with open(a.out, "w") as f:
        json.dump(out, f, indent=1)
    print(
        f"pandas: read {t1 - t0:.1f} s, compute {t2 - t1:.1f} s; "
        f"{len(drifted)} of {len(rows)} drifted: {', '.join(drifted)}"
    )


if __name__ == "__main__":
    main()
