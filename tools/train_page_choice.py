#!/usr/bin/env python3
"""Trains the page model of the plain-text extractor (src/text/page_weights.rs, read by
src/text/model.rs): for a copied text of some length, whether its body is the span of prose
that reads as one story or every line the line model keeps (src/text/page.rs says why and
lists the features).

    pip install numpy scipy
    cargo bench --bench quality -- --features LINES.jsonl
    python3 tools/train_line_model.py LINES.jsonl --folds FOLDS.json
    cargo bench --bench wcxb -- --choice-rows ROWS.jsonl --oof-text FOLDS.json
    python3 tools/train_page_choice.py ROWS.jsonl --folds FOLDS.json
    cargo bench --bench wcxb -- text --oof-text FOLDS.json     # the out-of-fold table

ROWS holds, for every copied text of wcxb-dev (its lines read by the line model of the fold
that never saw its domain) and of AEB (read by the shipped line model, which never saw AEB),
the page features and the shingle counts (true positives, false positives, false negatives) of
the body under each choice. The model is a logistic regression whose label is "every kept line
scores better" and whose weight is how much better either choice scores (per-page shingle F1),
with an L2 penalty on the standardised features; deterministic (BFGS on the full batch).

Out-of-fold: both corpora are split into 5 folds by domain (FNV-1a 64-bit of the domain,
modulo 5, as `fold_of` in benches/wcxb/corpus.rs); for each fold a model is trained on the
other four and chooses for the pages of that fold. The script prints the out-of-fold figures
per corpus and page type beside always the span, always the kept lines, the rule the model
replaced (every kept line when the span holds under a fifth of them) and the best choice per
page, and adds each fold's weights to FOLDS.json (as "page"), so that the benchmark's
`--oof-text` reads them. The shipped model is trained on all pages.
"""
import argparse
import json
import re
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

ROOT = Path(__file__).resolve().parent.parent
FOLDS = 5


def names():
    src = (ROOT / 'src/text/page.rs').read_text()
    block = re.search(r'pub const NAMES: \[&str; COUNT\] = \[(.*?)\];', src, re.S).group(1)
    return re.findall(r'"(\w+)"', block)


def f1_of(c):
    tp, fp, fn = c
    return 2 * tp / (2 * tp + fp + fn) if tp > 0 else 0.0


def aggregate(counts):
    """Shingle precision, recall and F1 as the benchmark averages them (score::score)."""
    ps = [tp / (tp + fp) for tp, fp, fn in counts if tp + fp > 0]
    rs = [tp / (tp + fn) for tp, fp, fn in counts if tp + fn > 0]
    p = float(np.mean(ps)) if ps else 0.0
    r = float(np.mean(rs)) if rs else 0.0
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def fit(x, y, w, c):
    """Weighted logistic regression on standardised features; returns weights on the raw ones."""
    mu = x[:, 1:].mean(axis=0)
    sd = x[:, 1:].std(axis=0)
    sd[sd == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x[:, 1:] - mu) / sd])
    w = w / w.sum() * len(w)

    def loss(b):
        m = z @ b
        p = 1 / (1 + np.exp(-m))
        ll = np.sum(w * (np.logaddexp(0, m) - y * m))
        g = z.T @ (w * (p - y))
        ll += 0.5 / c * np.sum(b[1:] ** 2)
        g[1:] += b[1:] / c
        return ll, g

    b = minimize(loss, np.zeros(z.shape[1]), jac=True, method='BFGS', options={'gtol': 1e-8, 'maxiter': 2000}).x
    raw = np.empty_like(b)
    raw[1:] = b[1:] / sd
    raw[0] = b[0] - np.sum(b[1:] * mu / sd)
    return raw


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('rows')
    ap.add_argument('--folds', help='the line model fold weights (JSON) to add each fold page model to')
    ap.add_argument('--c', type=float, default=1.0, help='inverse regularisation strength')
    ap.add_argument('--aeb-weight', type=float, default=2.0, help='how much an AEB page weighs against a wcxb-dev one')
    ap.add_argument('--no-write', action='store_true', help='print the figures only')
    args = ap.parse_args()

    feature_names = names()
    every = [json.loads(line) for line in open(args.rows) if line.strip()]
    # Texts too short for the line model have one body either way: they count in the figures.
    short = [r for r in every if r['f'] is None]
    rows = [r for r in every if r['f'] is not None]
    x = np.array([r['f'] for r in rows], dtype=float)
    assert x.shape[1] == len(feature_names), 'features and names disagree'
    span_f1 = np.array([f1_of(r['span']) for r in rows])
    kept_f1 = np.array([f1_of(r['kept']) for r in rows])
    y = (kept_f1 > span_f1).astype(float)
    # AEB's news pages weigh more: a story followed by a list of other stories' teasers is
    # commoner on news sites than among wcxb-dev's articles (see --aeb-weight).
    w = (np.abs(kept_f1 - span_f1) + 1e-3) * np.array([args.aeb_weight if r['corpus'] == 'aeb' else 1.0 for r in rows])
    fold = np.array([r['fold'] for r in rows])

    oof = np.zeros(len(rows), dtype=bool)
    fold_weights = []
    for k in range(FOLDS):
        train = fold != k
        b = fit(x[train], y[train], w[train], args.c)
        fold_weights.append(b)
        oof[~train] = x[~train] @ b > 0

    # The rule the model replaced: every kept line when the span holds under a fifth of the kept
    # words (and they are not mostly prose pasted twice).
    inside = feature_names.index('inside_share')
    copied = feature_names.index('copied_share')
    rule = (x[:, inside] < 0.2) & (x[:, copied] < 0.5)

    def report(label, keep):
        groups = [('wcxb', None)] + [('wcxb', t) for t in sorted({r['type'] for r in rows if r['corpus'] == 'wcxb'})] + [('aeb', None)]
        for corpus, kind in groups:
            idx = [i for i, r in enumerate(rows) if r['corpus'] == corpus and (kind is None or r['type'] == kind)]
            rest = [r['span'] for r in short if r['corpus'] == corpus and (kind is None or r['type'] == kind)]
            choices = {
                'span': [rows[i]['span'] for i in idx],
                'kept': [rows[i]['kept'] for i in idx],
                'rule': [rows[i]['kept'] if rule[i] else rows[i]['span'] for i in idx],
                label: [rows[i]['kept'] if keep[i] else rows[i]['span'] for i in idx],
                'best': [rows[i]['kept'] if kept_f1[i] > span_f1[i] else rows[i]['span'] for i in idx],
            }
            figures = '  '.join(f'{name} {aggregate(c + rest):.3f}' for name, c in choices.items())
            share = np.mean([keep[i] for i in idx])
            print(f'  {corpus:5} {kind or "all":14} {len(idx) + len(rest):4} pages  {figures}  (kept chosen for {share:.0%} of {len(idx)})')

    print('out-of-fold (5 folds by domain), shingle F1 (as the benchmark averages it):')
    report('oof', oof)
    shipped = fit(x, y, w, args.c)
    print('shipped model, in-sample:')
    report('in', x @ shipped > 0)
    for name, v in zip(feature_names, shipped):
        print(f'    {name:24} {v:+.4f}')
    if args.no_write:
        return
    if args.folds:
        data = json.loads(Path(args.folds).read_text())
        assert len(data['folds']) == FOLDS
        for entry, b in zip(data['folds'], fold_weights):
            entry['page'] = [round(float(v), 6) for v in b]
        Path(args.folds).write_text(json.dumps(data))
        print(f'added the page model of each fold to {args.folds}')
    lines = [
        "//! The page model's shipped weights (see `page.rs`).",
        '//! Generated by `tools/train_page_choice.py` from the wcxb-dev and AEB copied texts; do not',
        '//! edit by hand.',
        '',
        'use super::page::COUNT;',
        '',
        '/// One weight per page feature, in the order of `page::NAMES`.',
        'pub const PAGE: [f64; COUNT] = [',
    ]
    lines += [f'    {v:.6f}, // {n}' for v, n in zip(shipped, feature_names)]
    lines += ['];', '']
    out = ROOT / 'src/text/page_weights.rs'
    out.write_text('\n'.join(lines))
    print(f'wrote {out.relative_to(ROOT)}')


if __name__ == '__main__':
    main()
