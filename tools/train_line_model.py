#!/usr/bin/env python3
"""Trains the plain-text line model (src/text/weights.rs, read by src/text/model.rs) on the
wcxb-dev text pages and the readability corpus, and reports how it does out-of-fold on wcxb-dev
and on the AEB corpus, which it never sees in training.

    pip install numpy scipy
    cargo bench --bench quality -- --features FEATURES.jsonl
    python3 tools/train_line_model.py FEATURES.jsonl --folds FOLDS.json
    cargo bench --bench wcxb -- text --oof-text FOLDS.json     # the out-of-fold table

A line's label: most of its 4-token shingles occur in the page's main content (wcxb-dev:
`ground_truth.main_content`; readability: the text of expected.html; AEB: ground-truth.json);
a line of under four tokens, when its tokens occur in it in a row. The model is two logistic
regressions: the first over the features of src/text/features.rs, the second over the same
features and the context features (what the first makes of the lines around each line,
computed here as `features::context` computes them). Each line is weighted by the square root
of its length (the measure counts shingles), each page's lines together weigh the same.
The keeping threshold is the one that does best on the training pages. The title model is a
conditional logit over the short lines above the middle of what is kept
(`features::title_candidates`), trained on the pages where one of them is the truth's title
(wcxb-dev `title`, readability `title`); a second stage, a forest boosted listwise (100 trees of
depth 3), reorders the ten it scores best from their scores, their places against the best
one and their own features (`features::rerank_rows`), and learns from first-stage scores
cross-fitted by fold (src/text/title_forest.rs).

Out-of-fold: wcxb-dev pages are split into 5 folds by domain (FNV-1a 64-bit of the domain,
modulo 5: `fold_of` in benches/wcxb/corpus.rs); for each fold a model is trained on the other
four (and readability) and written to FOLDS.json, for the benchmark's `--oof-text`. The
shipped model is trained on all pages. Everything is deterministic (Newton's method on the full batch).
"""
import argparse
import gzip
import json
import pickle
import re
import sys
import zlib
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

from compact import coarse, plainest, rust_columns

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / 'shared'
TOKEN = re.compile(r'\w+')
FOLDS = 5
MIN_LINES = 20  # MODEL_MIN_LINES in src/text/mod.rs: shorter inputs are valued by rule


def fold_of(domain):
    h = 0xcbf29ce484222325
    for b in domain.encode():
        h ^= b
        h = (h * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h % FOLDS


class TextOf(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def html_text(path):
    p = TextOf()
    p.feed(path.read_text(encoding='utf-8', errors='replace'))
    return ' '.join(p.parts)


def shingles(tokens):
    return [tuple(tokens[i:i + 4]) for i in range(max(1, len(tokens) - 3)) if tokens[i:i + 4]]


def truth(text):
    toks = TOKEN.findall(text)
    return set(shingles(toks)), ' ' + ' '.join(toks) + ' '


def fold_ws(s):
    return ' '.join((s or '').split()).lower()


def truths():
    """{(corpus, id): (shingle set, joined tokens, fold or None, page type)}"""
    out = {}
    for case in sorted((SHARED / 'corpus/readability').iterdir()):
        if (case / 'expected.html').exists():
            title = json.loads((case / 'expected-metadata.json').read_text()).get('title') if (case / 'expected-metadata.json').exists() else None
            out[('readability', case.name)] = truth(html_text(case / 'expected.html')) + (None, 'readability', fold_ws(title))
    gt = json.loads((SHARED / 'corpus/aeb/ground-truth.json').read_text())
    for k, v in gt.items():
        out[('aeb', k)] = truth(v.get('articleBody') or '') + (None, 'aeb', '')
    wcxb = SHARED / 'corpus/wcxb-dev'
    meta = json.loads((wcxb / 'metadata.json').read_text())['files']
    for k, m in meta.items():
        path = wcxb / f'ground-truth/{k}.json.gz'
        if path.exists():
            g = json.loads(gzip.open(path).read())['ground_truth']
            out[('wcxb', k)] = truth(g.get('main_content') or '') + (fold_of(m.get('domain') or ''), m.get('page_type'), fold_ws(g.get('title')))
    return out


def label(text, t):
    toks = TOKEN.findall(text)
    if not toks:
        return 0
    sset, joined = t[0], t[1]
    if len(toks) < 4:
        return int(' ' + ' '.join(toks) + ' ' in joined)
    sh = shingles(toks)
    return int(sum(s in sset for s in sh) / len(sh) >= 0.5)


def context(p, words):
    """features::context in src/text/features.rs."""
    n = len(p)
    out = np.zeros((n, 12))
    if n == 0:
        return out
    cs = np.concatenate([[0.0], np.cumsum(p)])
    idx = np.arange(n)

    def window(k):
        lo = np.maximum(idx - k, 0)
        hi = np.minimum(idx + k + 1, n)
        cnt = hi - lo - 1
        s = cs[hi] - cs[lo] - p
        return np.where(cnt > 0, s / np.maximum(cnt, 1), 0.0)

    mass = np.where(p >= 0.5, words, 0.0)
    total = max(mass.sum(), 1.0)
    above = np.concatenate([[0.0], np.cumsum(mass)[:-1]])
    below = np.maximum(total - above - mass, 0.0)
    a, b = above / total, below / total
    max_before = np.array([p[max(0, i - 10):i].max(initial=0.0) for i in range(n)])
    max_after = np.array([p[i + 1:min(n, i + 11)].max(initial=0.0) for i in range(n)])
    out[:, 0] = p
    out[:, 1] = window(2)
    out[:, 2] = window(5)
    out[:, 3] = window(15)
    out[1:, 4] = p[:-1]
    out[:-1, 5] = p[1:]
    out[:, 6] = max_before
    out[:, 7] = max_after
    out[:, 8] = p.mean()
    out[:, 9] = a
    out[:, 10] = b
    out[:, 11] = 4 * a * b
    return out


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def fit(X, y, w, c):
    """Weighted logistic regression with an L2 penalty of 1/c on all weights but the bias,
    by Newton's method (deterministic, a dozen steps)."""
    theta = np.zeros(X.shape[1])
    ridge = np.full(X.shape[1], 1.0 / c)
    ridge[0] = 1e-6
    w = w / w.mean()
    for _ in range(30):
        p = sigmoid(X @ theta)
        grad = X.T @ (w * (p - y)) + ridge * theta
        hess = (X * (w * p * (1 - p))[:, None]).T @ X + np.diag(ridge)
        step = np.linalg.solve(hess, grad)
        theta -= step
        if np.abs(step).max() < 1e-6:
            break
    return theta


def page_scores(pages, probs, threshold):
    """Mean over pages of an F1 over words: kept lines against labelled ones."""
    f = []
    for pg, p in zip(pages, probs):
        keep = p >= threshold
        tp = (pg['words'] * (keep & (pg['y'] == 1))).sum()
        fp = (pg['words'] * (keep & (pg['y'] == 0))).sum()
        fn = (pg['words'] * (~keep & (pg['y'] == 1))).sum()
        f.append(2 * tp / max(2 * tp + fp + fn, 1))
    return float(np.mean(f)) if f else 0.0


TITLE_COUNT = 61  # features::TITLE_COUNT
TITLE_ANCHOR_WORDS = 12  # features::TITLE_ANCHOR_WORDS
TITLE_CANDIDATES = 2000  # features::TITLE_CANDIDATES


def signed_log(d):
    return float(np.sign(d) * np.log1p(abs(d)))


def title_rows(pg, p, threshold):
    """features::title_marks and features::title_candidates: (candidate indices, feature rows),
    both empty when no line is kept."""
    n, X, w, tb = len(p), pg['X'], pg['words'], pg['tbase']
    keep = (p >= threshold) & (X[:, 17] == 0)  # never a copyright line
    kept = np.flatnonzero(keep)
    if not len(kept):
        return [], np.zeros((0, TITLE_COUNT))
    start = int(kept[0])
    big = np.flatnonzero(keep & (w >= TITLE_ANCHOR_WORDS))
    anchor = int(big[0]) if len(big) else start
    mass = np.cumsum(np.where(keep, w, 0.0))
    total = mass[-1]
    tenth = int(np.searchsorted(mass, 0.1 * total))
    end = min(n, int(np.searchsorted(mass, 0.5 * total)) + 6)
    idx = [i for i in range(end) if 1 <= w[i] <= 30][:TITLE_CANDIDATES]
    if not idx:
        return [], np.zeros((0, TITLE_COUNT))
    best_near = max(tb[i, 0] for i in idx)
    best_shared = max(tb[i, 2] for i in idx)
    best_recurrence = max(tb[i, 8] for i in idx)
    cand = tb[idx]
    rows = []
    for k, i in enumerate(idx):
        f = X[i]
        nxt = p[i + 1:min(n, i + 6)].sum() / 5.0
        prv = p[max(0, i - 5):i].sum() / 5.0
        stamp_near = any(X[j, 8] > 0 for j in range(max(0, i - 3), min(n, i + 5)) if j != i)
        menu = sum(1 for j in range(max(0, i - 3), min(n, i + 4)) if j != i and w[j] <= 3) / 6.0
        between = sum(1 for j in idx if i < j < tenth and X[j, 34] > 0)
        fs, fa, ft = signed_log(i - start), signed_log(i - anchor), signed_log(i - tenth)
        rows.append([1.0, tb[i, 0], tb[i, 1], tb[i, 2], tb[i, 3], tb[i, 0] - best_near, tb[i, 2] - best_shared,
                     fs / 5, fa / 5, ft / 5, abs(fa) / 5, abs(ft) / 5, p[i], nxt, prv, np.log1p(w[i]) / 3, menu,
                     signed_log(between) / 3, float(stamp_near), f[34], f[15], f[42], f[2], f[7], f[35], f[14], f[29],
                     f[26], f[4], f[16], f[36], f[8], f[19], float(4 <= w[i] <= 20), i / n,
                     *tb[i, 4:25], np.log1p((cand[:, 0] > tb[i, 0]).sum()) / 3,
                     np.log1p((cand[:, 8] > tb[i, 8]).sum()) / 3, tb[i, 8] - best_recurrence,
                     np.log1p(k) / 3, np.log1p(len(idx) - 1 - k) / 3])
    return idx, np.array(rows)


def fit_softmax(groups, lam=1.0):
    """A conditional logit: each page picks one of its candidates; the loss is minus the log of
    the chance it gives its true titles. L-BFGS from zero (deterministic)."""
    d = groups[0][0].shape[1]

    def loss(theta):
        value = lam * (theta[1:] @ theta[1:])
        grad = np.zeros(d)
        grad[1:] = 2 * lam * theta[1:]
        for rows, y in groups:
            z = rows @ theta
            e = np.exp(z - z.max())
            sm = e / e.sum()
            py = max(sm[y].sum(), 1e-300)
            value -= np.log(py)
            grad += rows.T @ (sm - np.where(y, sm / py, 0.0))
        return value, grad

    return minimize(loss, np.zeros(d), jac=True, method='L-BFGS-B', options={'maxiter': 1000}).x


RERANK = 10  # features::TITLE_RERANK: the candidates the second stage reorders


def rerank_rows(idx, rows, s):
    """features::rerank_rows: the first stage's best RERANK candidates (best first, the first
    line of equal scores first) and their second-stage features (as float32, as the forest
    reads them)."""
    order = np.argsort(-s, kind='stable')[:RERANK]
    top = order[0]
    out = []
    for r, c in enumerate(order):
        d = idx[c] - idx[top]
        out.append([s[c], s[c] - s[top], r / RERANK, float(r == 0), signed_log(d) / 5, float(abs(d) == 1), float(d < 0), *rows[c]])
    return order, np.array(out, dtype=np.float64).astype(np.float32)


def fit_tree(X, g, h, depth=3, min_rows=20, lam=1.0):
    """A regression tree on the loss's gradients `g` and curvatures `h`, grown greedily to
    `depth` (every leaf keeps `min_rows` rows): nodes (feature, threshold, left, right), a
    leaf's feature is -1 and its threshold its value, -G/(H + lam). Splits are `value <=
    threshold`, at a value some row has."""
    nodes = []

    def grow(ix, d):
        G, H = g[ix].sum(), h[ix].sum()
        me = len(nodes)
        nodes.append(None)
        best = None
        if d < depth and len(ix) >= 2 * min_rows:
            base = G * G / (H + lam)
            q = np.arange(min_rows - 1, len(ix) - min_rows)
            for f in range(X.shape[1]):
                o = np.argsort(X[ix, f], kind='stable')
                v = X[ix, f][o]
                ok = q[v[q] < v[q + 1]]
                if not len(ok):
                    continue
                gl, hl = np.cumsum(g[ix][o])[ok], np.cumsum(h[ix][o])[ok]
                gain = gl * gl / (hl + lam) + (G - gl) ** 2 / (H - hl + lam) - base
                b = int(np.argmax(gain))
                if gain[b] > 1e-9 and (best is None or gain[b] > best[0]):
                    best = (gain[b], f, plainest(v[ok[b]], v[ok[b] + 1]))
        if best is None:
            nodes[me] = (-1, -G / (H + lam), 0, 0)
            return me
        _, f, t = best
        left = grow(ix[X[ix, f] <= t], d + 1)
        right = grow(ix[X[ix, f] > t], d + 1)
        nodes[me] = (f, t, left, right)
        return me

    grow(np.arange(len(X)), 0)
    return nodes


def tree_values(nodes, X):
    out = np.empty(len(X), dtype=np.float32)
    for i, x in enumerate(X):
        k = 0
        while nodes[k][0] >= 0:
            f, t, left, right = nodes[k]
            k = left if x[f] <= t else right
        out[i] = nodes[k][1]
    return out


def forest_values(forest, X):
    """forest::Forest::predict with base 0: the leaves summed in float32, tree by tree."""
    out = np.zeros(len(X), dtype=np.float32)
    for nodes in forest:
        out = out + tree_values(nodes, X)
    return out


def fit_forest(groups, trees=100, lr=0.1):
    """Listwise boosting: each group (rows, truth) is a softmax over its rows' summed leaf
    values; each tree is fitted to the gradients and curvatures of minus the log of the chance
    given to the true rows; leaves are scaled by `lr` and kept as float32."""
    X = np.vstack([r for r, _ in groups])
    Y = np.concatenate([y / y.sum() for _, y in groups])
    starts = np.r_[0, np.cumsum([len(y) for _, y in groups])]
    F = np.zeros(len(X), dtype=np.float32)
    forest = []
    for _ in range(trees):
        p = np.empty(len(X))
        for a, b in zip(starts[:-1], starts[1:]):
            e = np.exp(F[a:b] - F[a:b].max())
            p[a:b] = e / e.sum()
        nodes = fit_tree(X, p - Y, np.maximum(p * (1 - p), 1e-6))
        nodes = [(f, np.float32(t) if f >= 0 else coarse(t * lr), left, right) for f, t, left, right in nodes]
        forest.append(nodes)
        F = F + tree_values(nodes, X)
    return forest


def forest_json(forest):
    """The forest as forest::Forest reads it: nodes one tree after another, tree starts."""
    nodes, trees = [], []
    for tree in forest:
        trees.append(len(nodes))
        for me, (f, t, left, right) in enumerate(tree):
            leaf = f < 0
            assert leaf or left == me + 1, 'nodes in depth-first order (forest::Node)'
            nodes.append({'feature': 255 if leaf else int(f), 'right': int(right), 'value': float(t)})
    return {'base': 0.0, 'nodes': nodes, 'trees': trees}


class Model:
    def __init__(self, first, second, threshold):
        self.first, self.second, self.threshold = first, second, threshold
        self.title = np.zeros(TITLE_COUNT)
        self.title_forest = []

    def title_of(self, pg, p):
        """The index of the line chosen as title, or None: the first stage's best candidates,
        reordered by the second."""
        idx, rows = title_rows(pg, p, self.threshold)
        if not idx:
            return None
        order, X = rerank_rows(idx, rows, rows @ self.title)
        return idx[order[int(np.argmax(forest_values(self.title_forest, X)))]]

    def probs(self, pg):
        p1 = sigmoid(pg['X'] @ self.first)
        X2 = np.hstack([pg['X'], context(p1, pg['words'])])
        return sigmoid(X2 @ self.second)

    def json(self):
        return {'first': [round(float(v), 6) for v in self.first], 'second': [round(float(v), 6) for v in self.second],
                'title': [round(float(v), 6) for v in self.title], 'threshold': self.threshold,
                'title_forest': forest_json(self.title_forest)}


def train(pages, c):
    X = np.vstack([pg['X'] for pg in pages])
    y = np.concatenate([pg['y'] for pg in pages])
    w = np.concatenate([pg['w'] for pg in pages])
    first = fit(X, y, w, c)
    X2 = np.vstack([np.hstack([pg['X'], context(sigmoid(pg['X'] @ first), pg['words'])]) for pg in pages])
    second = fit(X2, y, w, c)
    model = Model(first, second, 0.5)
    probs = [model.probs(pg) for pg in pages]
    grid = [round(t, 2) for t in np.arange(0.20, 0.71, 0.05)]
    model.threshold = max(grid, key=lambda t: (page_scores(pages, probs, t), -abs(t - 0.5)))
    # The title regression: the candidates above the middle of what is kept, on pages where
    # one of them is the true title.
    candidates = []
    for pg, p in zip(pages, probs):
        idx, rows = title_rows(pg, p, model.threshold)
        y = pg['is_title'][idx] if idx else np.zeros(0, dtype=bool)
        if y.any():
            candidates.append((pg, idx, rows, y))
    if not candidates:
        return model
    model.title = round_weights(fit_softmax([(rows, y) for _, _, rows, y in candidates]))
    # The second stage learns from the first's scores on pages it did not learn from: the
    # pages are split by their fold (a readability page joins one by its name), and each part
    # is scored by a first stage trained on the others.
    folds = sorted({pg['fold'] for pg, _, _, _ in candidates if pg['fold'] is not None})
    part = lambda pg: pg['fold'] if pg['fold'] is not None else folds[zlib.crc32(pg['key'][1].encode()) % len(folds)]
    groups = []
    for k in folds:
        theta = round_weights(fit_softmax([(rows, y) for pg, _, rows, y in candidates if part(pg) != k]))
        for pg, idx, rows, y in candidates:
            if part(pg) == k:
                order, X = rerank_rows(idx, rows, rows @ theta)
                if y[order].any():
                    groups.append((X, y[order].astype(float)))
    model.title_forest = fit_forest(groups)
    return model


def round_weights(theta):
    """Weights as written out (six decimals), so that the scores here are the shipped ones."""
    return np.array([float(f'{v:.6f}') for v in theta])


def load(path):
    cache = Path(str(path) + '.cache2.pkl')
    if cache.exists() and cache.stat().st_mtime > Path(path).stat().st_mtime:
        return pickle.loads(cache.read_bytes())
    t = truths()
    pages = {}
    segment = []
    with open(path, encoding='utf-8') as fh:
        for line in fh:
            r = json.loads(line)
            key = (r['corpus'], r['id'])
            if key not in t:
                continue
            pg = pages.setdefault(key, {'key': key, 'fold': t[key][2], 'type': t[key][3], 'f': [], 'y': [], 'words': [], 'is_title': []})
            pg['f'].append(r['f'])
            if key[0] == 'readability':
                segment.append((r['f'][:SEGMENT_COUNT], label(r['text'], t[key]), len(TOKEN.findall(r['text']))))
            pg['is_title'].append(bool(t[key][4]) and fold_ws(r['text']) == t[key][4])
            pg['y'].append(label(r['text'], t[key]))
            pg['words'].append(r['words'])
    out = []
    for key in sorted(pages):
        pg = pages[key]
        if len(pg['f']) < MIN_LINES:
            continue
        full = np.array(pg['f'], dtype=float)
        pg['X'], pg['tbase'] = full[:, :-TITLE_BASE], full[:, -TITLE_BASE:]
        pg['is_title'] = np.array(pg['is_title'], dtype=bool)
        pg['y'] = np.array(pg['y'], dtype=int)
        pg['words'] = np.array(pg['words'], dtype=float)
        w = np.sqrt(1 + pg['words'])
        pg['w'] = w / w.sum() * 100
        del pg['f']
        out.append(pg)
    cache.write_bytes(pickle.dumps((out, segment)))
    return out, segment


SEGMENT_COUNT = 30  # features::SEGMENT_COUNT
TITLE_BASE = 25  # features::TITLE_BASE: the per-line title values after the line features


def train_segment(rows):
    """The segment model (`SEGMENT` in weights.rs): the first 30 features, the readability
    pages alone, plain gradient descent, as the line model was first trained: what the body
    span of a page that is one story is found with (AEB stays held out)."""
    X = np.array([f for f, _, _ in rows])
    y = np.array([l for _, l, _ in rows], dtype=float)
    w = np.sqrt(1 + np.array([n for _, _, n in rows], dtype=float))
    theta = np.zeros(X.shape[1])
    for _ in range(4000):
        p = 1 / (1 + np.exp(-X @ theta))
        grad = X.T @ ((p - y) * w) / w.sum() + 1e-3 * np.r_[0, theta[1:]]
        theta -= 0.5 * grad
    return theta


def names(const):
    src = (ROOT / 'src/text/features.rs').read_text()
    body = re.search(const + r': \[&str; \w+\] = \[(.*?)\];', src, re.S).group(1)
    return re.findall(r'"(\w+)"', body)


def write_rust(model, segment):
    f_names, c_names = names('NAMES'), names('CONTEXT_NAMES')
    first = '\n'.join(f'    {v:.6f}, // {n}' for n, v in zip(f_names, model.first))
    second = '\n'.join(f'    {v:.6f}, // {n}' for n, v in zip(f_names + c_names, model.second))
    seg = '\n'.join(f'    {v:.6f}, // {n}' for n, v in zip(f_names, segment))
    title = '\n'.join(f'    {v:.6f}, // {n}' for n, v in zip(names('TITLE_NAMES'), model.title))
    (ROOT / 'src/text/weights.rs').write_text(
        '//! The line model\'s shipped weights (see `model.rs`).\n'
        '//! Generated by `tools/train_line_model.py` from the wcxb-dev text pages and the readability\n'
        '//! corpus; do not edit by hand.\n\n'
        'use super::features::{CONTEXT_COUNT, COUNT, SEGMENT_COUNT, TITLE_COUNT};\n\n'
        '/// The first reading: one weight per feature, in the order of `features::NAMES`.\n'
        f'pub const FIRST: [f64; COUNT] = [\n{first}\n];\n\n'
        '/// The second reading: the same features, then the context features (`features::CONTEXT_NAMES`).\n'
        f'pub const SECOND: [f64; COUNT + CONTEXT_COUNT] = [\n{second}\n];\n\n'
        '/// The title regression: one weight per title feature (`features::TITLE_NAMES`).\n'
        f'pub const TITLE: [f64; TITLE_COUNT] = [\n{title}\n];\n\n'
        '/// The segment model: one weight for each of the first `SEGMENT_COUNT` features.\n'
        f'pub const SEGMENT: [f64; SEGMENT_COUNT] = [\n{seg}\n];\n\n'
        '/// A line is kept from this probability on.\n'
        f'pub const THRESHOLD: f64 = {model.threshold:.2f};\n')


def write_forest(forest):
    f = forest_json(forest)
    (ROOT / 'src/text/title_forest.rs').write_text(
        '//! The second stage of the title model: a forest that reorders the first stage\'s best\n'
        '//! candidates (`features::rerank_rows`). Generated by `tools/train_line_model.py` from the\n'
        '//! wcxb-dev text pages and the readability corpus; do not edit by hand.\n\n'
        + rust_columns(f['nodes'], '`features::RERANK_NAMES`') + '\n'
        '/// Where each tree starts in the nodes.\n'
        f'pub static TREES: [u32; {len(f["trees"])}] = [\n    {", ".join(map(str, f["trees"]))},\n];\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('features')
    ap.add_argument('--folds', help='where to write the per-fold weights (JSON), for --oof-text')
    ap.add_argument('--c', type=float, default=1.0, help='inverse regularisation strength')
    args = ap.parse_args()
    pages, segment_rows = load(args.features)
    train_pool = [pg for pg in pages if pg['key'][0] in ('wcxb', 'readability')]
    wcxb = [pg for pg in pages if pg['key'][0] == 'wcxb']
    aeb = [pg for pg in pages if pg['key'][0] == 'aeb']
    print(f'{len(wcxb)} wcxb-dev pages, {len(train_pool) - len(wcxb)} readability, {len(aeb)} AEB (held out)')
    folds = []
    oof = {}
    titles = {}
    for k in range(FOLDS):
        model = train([pg for pg in train_pool if pg['fold'] != k], args.c)
        folds.append(model.json())
        for pg in wcxb:
            if pg['fold'] == k:
                p = model.probs(pg)
                oof[pg['key']] = p
                t = model.title_of(pg, p)
                titles[pg['key']] = t is not None and bool(pg['is_title'][t])
        print(f'fold {k}: threshold {model.threshold}', file=sys.stderr)
    types = sorted({pg['type'] for pg in wcxb})
    for t in ['all'] + types:
        sel = [pg for pg in wcxb if t == 'all' or pg['type'] == t]
        th = 0.5
        print(f'  out-of-fold, {t:<14} word F1 of kept lines {page_scores(sel, [oof[pg["key"]] for pg in sel], th):.3f}, '
              f'title {np.mean([titles[pg["key"]] for pg in sel]):.3f} (a line of the text: {np.mean([pg["is_title"].any() for pg in sel]):.3f})')
    model = train(train_pool, args.c)
    print(f'shipped model: threshold {model.threshold}; AEB word F1 of kept lines {page_scores(aeb, [model.probs(pg) for pg in aeb], model.threshold):.3f}')
    if args.folds:
        Path(args.folds).write_text(json.dumps({'rule': 'fnv1a64(domain) % 5', 'folds': folds}))
        print(f'wrote {args.folds}')
    write_rust(model, train_segment(segment_rows))
    write_forest(model.title_forest)
    print('wrote src/text/weights.rs and src/text/title_forest.rs')


if __name__ == '__main__':
    main()
