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


def rust_columns(nodes, what):
    """The Rust text of a forest's nodes as the three columns `forest::Forest` reads (each
    compresses better alone): FEATURES (255 for a leaf), RIGHTS and VALUES; `what` says which
    features the trees split on."""
    def rows(items, per):
        return '\n'.join('    ' + ' '.join(f'{v},' for v in items[i:i + per]) for i in range(0, len(items), per))
    n = len(nodes)
    return (
        f'/// Every tree\'s nodes, one tree after another: the feature each splits on, or 255 for a\n'
        f'/// leaf (features: {what}).\n'
        f'pub static FEATURES: [u8; {n}] = [\n{rows([x["feature"] for x in nodes], 24)}\n];\n\n'
        '/// Where each split sends the values above its point (an index into its tree\'s nodes).\n'
        f'pub static RIGHTS: [u16; {n}] = [\n{rows([x["right"] for x in nodes], 16)}\n];\n\n'
        '/// Each split\'s point, or each leaf\'s value.\n'
        f'pub static VALUES: [f32; {n}] = [\n{rows([repr(float(x["value"])) for x in nodes], 6)}\n];\n'
    )
