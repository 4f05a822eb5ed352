"""Values of the shipped forests written so that the wasm's trees compress well: split points
with the fewest mantissa bits that split the same rows, and leaf values kept to 8 bits of
mantissa. Shared by the training scripts.
"""
import numpy as np


def plainest(lo, hi):
    """The float32 in [lo, hi) with the fewest mantissa bits: it splits the rows as `lo` does,
    and the shipped trees compress better."""
    for bits in range(24):
        drop = np.uint32((1 << (23 - bits)) - 1)
        t = (np.array([lo], dtype=np.float32).view(np.uint32) & ~drop).view(np.float32)[0]
        if t < lo:  # a positive value cut down: one step up at this precision
            t = (np.array([t], dtype=np.float32).view(np.uint32) + (drop + np.uint32(1))).view(np.float32)[0]
        if lo <= t < hi:
            return t
    return lo


def coarse(v):
    """A leaf value kept to 8 bits of mantissa (a relative error under 0.4 %), so that the
    shipped trees compress better."""
    return (np.array([v], dtype=np.float32).view(np.uint32) + np.uint32(1 << 14) & ~np.uint32((1 << 15) - 1)).view(np.float32)[0]


def split_points(x):
    """For each feature (a column of `x`), its values seen, sorted, in float32: where a split
    point may move without moving a row (see `plain_split`)."""
    return [np.unique(np.asarray(x[:, f], dtype=np.float32)) for f in range(x.shape[1])]


def plain_split(values, t):
    """The plainest split point that sends every seen value (`values`, sorted) the way `t`
    does (at most `t` to the left)."""
    k = np.searchsorted(values, t, side='right')
    if k == 0 or k == len(values):
        return np.float32(t)
    return plainest(values[k - 1], values[k])
