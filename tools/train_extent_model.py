#!/usr/bin/env python3
"""Trains the block-extent model (src/html/extent_model.rs): which candidate extent of an HTML
page's main content to keep (the element chosen by paragraph scores, one of its ancestors, each
weeded as an article or with its lists of links kept; see src/html/extent.rs).

    cargo bench --bench wcxb -- --extent-rows ROWS.jsonl
    pip install numpy scikit-learn
    python3 tools/train_extent_model.py ROWS.jsonl --folds FOLDS.json
    cargo bench --bench wcxb -- html --oof FOLDS.json     # out-of-fold figures

Each row is one candidate of one page of ../shared/corpus/wcxb-dev, in the saved-page or the
clipboard form (and the AEB news pages), with its features and the shingle F1 its text scores
against the page's ground truth. The model is a gradient-boosted regression forest
(scikit-learn, fixed settings and seed, so the same rows give the same model) that predicts
how much a candidate gains over the first one (the element paragraph scores chose: its gain is
0); the extractor keeps the candidate predicted best, a wider one only when predicted better
by a margin. Every page weighs the same (its rows share a weight of 1), an AEB page more.

`--folds FILE` also trains one model per fold, each on the pages of the other folds (folds by
domain: FNV-1a of the domain modulo 5, as benches/wcxb/corpus.rs has it; the rows carry it),
and writes them as JSON for the benchmark's out-of-fold run. The shipped model is trained on all
rows and written as Rust source.
"""
import argparse
import json
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingRegressor

from compact import coarse, plain_split, rust_columns, split_points

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / 'src/html/extent_model.rs'
# Every tree sees every row (no subsampling): a retraining after a small change in the rows
# then moves the model little (with rows drawn at random, each retraining drew anew).
SETTINGS = dict(n_estimators=120, max_depth=3, learning_rate=0.1, min_samples_leaf=20, subsample=1.0, random_state=7)
# The AEB news pages weigh this much more than a wcxb-dev page (they are the only news pages
# whose truth is the story's body alone), and a candidate other than the first must be
# predicted this much better to be chosen; both chosen out-of-fold.
AEB_WEIGHT = 3.0
MARGIN = 0.03


def load(path):
    rows = [json.loads(line) for line in open(path) if line.strip()]
    x = np.array([r['f'] for r in rows], dtype=np.float32)
    y = np.array([r['f1'] for r in rows])
    pages = defaultdict(list)
    for i, r in enumerate(rows):
        pages[(r['form'], r['id'])].append(i)
    w = np.zeros(len(rows))
    gain = np.zeros(len(rows))
    for (form, _), idx in pages.items():
        w[idx] = (AEB_WEIGHT if form == 'aeb' else 1.0) / len(idx)
        first = min(idx, key=lambda i: rows[i]['candidate'])
        gain[idx] = y[idx] - y[first]
    return rows, x, y, gain, w, pages


def train(x, y, w):
    model = GradientBoostingRegressor(**SETTINGS)
    model.fit(x, y, sample_weight=w)
    return model


def export(model, points):
    """-> (base, nodes, tree starts): leaf values scaled by the learning rate and kept to 8 bits
    of mantissa, split points the plainest that split the rows `points` (`split_points` of
    every row) as the model's do, so that the shipped trees compress well."""
    nodes, starts = [], []
    for est in model.estimators_[:, 0]:
        t = est.tree_
        starts.append(len(nodes))
        for i in range(t.node_count):
            leaf = t.children_left[i] == -1
            assert leaf or t.children_left[i] == i + 1, 'nodes in depth-first order (forest::Node)'
            nodes.append({
                'feature': 255 if leaf else int(t.feature[i]),
                'right': 0 if leaf else int(t.children_right[i]),
                'value': float(coarse(t.value[i][0][0] * model.learning_rate)) if leaf else float(plain_split(points[t.feature[i]], t.threshold[i])),
            })
    base = float(np.float32(model.init_.constant_[0][0]))
    return base, nodes, starts


def predict(forest, x):
    """forest::Forest::predict for every row of `x`: the leaves summed in float32."""
    base, nodes, starts = forest
    feature = np.array([n['feature'] for n in nodes])
    right = np.array([n['right'] for n in nodes])
    value = np.array([n['value'] for n in nodes], dtype=np.float32)
    rows = np.arange(len(x))
    out = np.full(len(x), base, dtype=np.float32)
    for s in starts:
        at = np.full(len(x), s)
        while not (leaf := feature[at] == 255).all():
            go_left = x[rows, np.where(leaf, 0, feature[at])] <= value[at]
            at = np.where(leaf, at, np.where(go_left, at + 1, s + right[at]))
        out += value[at]
    return out


def chosen_f1(forest, x, y, pages, rows, keep):
    """Mean F1 of the candidate the shipped form of a model picks, per form and page type, on
    the pages `keep` admits."""
    pred = predict(forest, x)
    out = defaultdict(list)
    for (form, pid), idx in pages.items():
        if not keep(rows[idx[0]]):
            continue
        first = min(idx, key=lambda i: rows[i]['candidate'])
        best = max(idx, key=lambda i: (pred[i] - (MARGIN if i != first else 0.0), -rows[i]['candidate']))
        out[(form, rows[idx[0]]['type'])].append((y[best], y[idx[0]], max(y[i] for i in idx)))
    return out


def show(title, results):
    print(title)
    for form in ('html', 'clipboard', 'aeb'):
        for t in sorted({t for f, t in results if f == form}):
            v = np.array(results[(form, t)])
            print(f'  {form:<9} {t:<14} {len(v):>4}  chosen {v[:, 0].mean():.3f}  first {v[:, 1].mean():.3f}  best {v[:, 2].mean():.3f}')


def rust(base, nodes, starts, names):
    lines = [
        '//! The block-extent model\'s trees: which extent of an HTML page\'s main content to keep',
        '//! (see `extent.rs`). Generated by `tools/train_extent_model.py` from the wcxb-dev pages;',
        '//! do not edit by hand.',
        '',
        '/// The prediction before any tree.',
        f'pub const BASE: f32 = {base!r};',
        '',
        '/// How much better than the first candidate another must be predicted to be chosen.',
        f'pub const MARGIN: f32 = {MARGIN!r};',
        '',
        rust_columns(nodes, ', '.join(names)),
        '/// Where each tree starts in the nodes.',
        f'pub static TREES: [u32; {len(starts)}] = [',
        '    ' + ', '.join(map(str, starts)) + ',',
        '];',
        '',
    ]
    return '\n'.join(lines)


def feature_names():
    src = (ROOT / 'src/html/extent.rs').read_text()
    block = src[src.index('pub const NAMES'):]
    block = block[block.index('[', block.index('=')) + 1:block.index('];')]
    return [s.strip().strip('",') for s in block.split('\n') if s.strip().strip('",')]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('rows')
    ap.add_argument('--folds', help='write per-fold models (JSON) for out-of-fold figures')
    ap.add_argument('--no-write', action='store_true', help='do not rewrite src/html/extent_model.rs')
    args = ap.parse_args()
    rows, x, y, gain, w, pages = load(args.rows)
    folds = np.array([r['fold'] for r in rows])
    print(f'{len(rows)} candidates of {len(pages)} pages')
    points = split_points(x)
    if args.folds:
        models = []
        oof = defaultdict(list)
        for k in range(5):
            m = train(x[folds != k], gain[folds != k], w[folds != k])
            base, nodes, starts = export(m, points)
            models.append({'base': base, 'nodes': nodes, 'trees': starts, 'margin': MARGIN})
            for key, v in chosen_f1((base, nodes, starts), x, y, pages, rows, lambda r: r['fold'] == k).items():
                oof[key].extend(v)
        Path(args.folds).write_text(json.dumps({'folds': models}))
        show('out-of-fold (per-page F1 of the chosen candidate):', oof)
    model = train(x, gain, w)
    shipped = export(model, points)
    show("in-sample:", chosen_f1(shipped, x, y, pages, rows, lambda r: True))
    names = feature_names()
    imp = sorted(zip(model.feature_importances_, names), reverse=True)
    print('importance: ' + ', '.join(f'{n} {v:.3f}' for v, n in imp[:12]))
    if not args.no_write:
        base, nodes, starts = shipped
        OUT.write_text(rust(base, nodes, starts, names))
        print(f'wrote {OUT.relative_to(ROOT)} ({len(starts)} trees, {len(nodes)} nodes)')


if __name__ == '__main__':
    main()
