//! Gradient-boosted regression forests, the form of the trained models that choose among
//! candidates (an HTML page's block extents, a copied text's headline lines): the prediction is
//! `base` plus the leaf value each tree reaches. The trees are generated Rust data, written by
//! the training scripts in `tools/`.

use std::borrow::Cow;

/// A forest: its trees' nodes, one tree after another, and where each tree starts.
/// (Read from JSON only natively: the benchmark's out-of-fold models.)
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize))]
pub struct Forest {
    /// The prediction before any tree.
    pub base: f32,
    /// Every tree's nodes, one tree after another.
    pub nodes: Cow<'static, [Node]>,
    /// Where each tree's root is in `nodes`.
    pub trees: Cow<'static, [u32]>,
}

/// One node of a tree, the nodes of each tree in depth-first order: a split on `feature` (go
/// to the next node when the value is at most `value`, else to node `right`), or a leaf with
/// its `value` when `feature` is 255.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize))]
pub struct Node {
    /// The feature split on, or 255 for a leaf.
    pub feature: u8,
    /// Where the values above the split point go (an index into the tree's nodes).
    pub right: u16,
    /// The split point, or a leaf's value (already scaled by the learning rate).
    pub value: f32,
}

impl Forest {
    /// The prediction for these feature values (a feature past the end reads as zero).
    pub fn predict(&self, f: &[f32]) -> f32 {
        let mut sum = self.base;
        for &root in self.trees.iter() {
            let (tree, mut i) = (&self.nodes[root as usize..], 0usize);
            loop {
                let n = tree[i];
                if n.feature == 255 {
                    sum += n.value;
                    break;
                }
                let v = f.get(n.feature as usize).copied().unwrap_or(0.0);
                i = if v <= n.value { i + 1 } else { n.right as usize };
            }
        }
        sum
    }
}

/// The indices of the `k` best scores, best first; of equal scores the earlier first. A plain
/// selection: `k` is small, and a sort of every candidate costs more code in the wasm.
pub fn best<T: PartialOrd>(scores: &[T], k: usize) -> Vec<usize> {
    let mut taken = vec![false; scores.len()];
    let mut out = Vec::with_capacity(k.min(scores.len()));
    while out.len() < k {
        let mut best: Option<usize> = None;
        for (i, s) in scores.iter().enumerate() {
            if !taken[i] && best.is_none_or(|b| *s > scores[b]) {
                best = Some(i);
            }
        }
        let Some(b) = best else { break };
        taken[b] = true;
        out.push(b);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_best_come_first_and_ties_keep_their_order() {
        assert_eq!(best(&[0.5, 2.0, 0.5, 1.0], 3), vec![1, 3, 0]);
        assert_eq!(best(&[1.0f32, 3.0], 5), vec![1, 0]);
        assert!(best::<f64>(&[], 2).is_empty());
    }

    #[test]
    fn a_value_goes_left_at_the_threshold_and_right_above_it() {
        let leaf = |value| Node { feature: 255, right: 0, value };
        let nodes = vec![Node { feature: 1, right: 2, value: 0.5 }, leaf(-1.0), leaf(2.0), leaf(0.25)];
        let forest = Forest { base: 0.5, nodes: Cow::Owned(nodes), trees: Cow::Owned(vec![0, 3]) };
        assert_eq!(forest.predict(&[9.0, 0.5]), 0.5 - 1.0 + 0.25);
        assert_eq!(forest.predict(&[9.0, 0.75]), 0.5 + 2.0 + 0.25);
        // A missing feature reads as zero.
        assert_eq!(forest.predict(&[9.0]), 0.5 - 1.0 + 0.25);
    }
}
