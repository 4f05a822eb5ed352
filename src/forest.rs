//! Gradient-boosted regression forests, the form of the trained models that choose among
//! candidates (an HTML page's block extents, a copied text's headline lines): the prediction is
//! `base` plus the leaf value each tree reaches. The trees are generated Rust data, written by
//! the training scripts in `tools/`.

use std::borrow::Cow;

/// A forest: its trees' nodes, one tree after another, and where each tree starts. Each node
/// is a split on `features[i]` (go to the next node when the value is at most `values[i]`, else
/// to node `rights[i]` of the tree), or a leaf with its value `values[i]` when `features[i]` is
/// 255; the nodes of each tree are in depth-first order. The three columns are kept apart
/// because each compresses better alone in the wasm.
/// (Read from JSON only natively, as a list of [`Node`]s: the benchmark's out-of-fold models.)
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(serde::Deserialize), serde(from = "ForestNodes"))]
pub struct Forest {
    /// The prediction before any tree.
    pub base: f32,
    /// Each node's feature, or 255 for a leaf.
    pub features: Cow<'static, [u8]>,
    /// Where each split's values above its split point go (an index into the tree's nodes).
    pub rights: Cow<'static, [u16]>,
    /// Each split's point, or each leaf's value (already scaled by the learning rate).
    pub values: Cow<'static, [f32]>,
    /// Where each tree's root is in the nodes.
    pub trees: Cow<'static, [u32]>,
}

/// One node of a tree, as the training scripts write the fold models.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy, PartialEq, serde::Deserialize)]
pub struct Node {
    /// The feature split on, or 255 for a leaf.
    pub feature: u8,
    /// Where the values above the split point go.
    pub right: u16,
    /// The split point, or a leaf's value.
    pub value: f32,
}

/// A forest as the training scripts write the fold models.
#[cfg(not(target_arch = "wasm32"))]
#[derive(serde::Deserialize)]
struct ForestNodes {
    base: f32,
    nodes: Vec<Node>,
    trees: Vec<u32>,
}

#[cfg(not(target_arch = "wasm32"))]
impl From<ForestNodes> for Forest {
    fn from(f: ForestNodes) -> Forest {
        Forest {
            base: f.base,
            features: f.nodes.iter().map(|n| n.feature).collect(),
            rights: f.nodes.iter().map(|n| n.right).collect(),
            values: f.nodes.iter().map(|n| n.value).collect(),
            trees: f.trees.into(),
        }
    }
}

impl Forest {
    /// The prediction for these feature values (a feature past the end reads as zero).
    pub fn predict(&self, f: &[f32]) -> f32 {
        let mut sum = self.base;
        for &root in self.trees.iter() {
            let (root, mut i) = (root as usize, 0usize);
            loop {
                let (feature, value) = (self.features[root + i], self.values[root + i]);
                if feature == 255 {
                    sum += value;
                    break;
                }
                let v = f.get(feature as usize).copied().unwrap_or(0.0);
                i = if v <= value { i + 1 } else { self.rights[root + i] as usize };
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
        let forest = Forest {
            base: 0.5,
            features: Cow::Owned(vec![1, 255, 255, 255]),
            rights: Cow::Owned(vec![2, 0, 0, 0]),
            values: Cow::Owned(vec![0.5, -1.0, 2.0, 0.25]),
            trees: Cow::Owned(vec![0, 3]),
        };
        assert_eq!(forest.predict(&[9.0, 0.5]), 0.5 - 1.0 + 0.25);
        assert_eq!(forest.predict(&[9.0, 0.75]), 0.5 + 2.0 + 0.25);
        // A missing feature reads as zero.
        assert_eq!(forest.predict(&[9.0]), 0.5 - 1.0 + 0.25);
        // The training scripts' JSON reads as the same forest.
        let json = r#"{"base": 0.5, "trees": [0, 3], "nodes": [{"feature": 1, "right": 2, "value": 0.5},
            {"feature": 255, "right": 0, "value": -1.0}, {"feature": 255, "right": 0, "value": 2.0}, {"feature": 255, "right": 0, "value": 0.25}]}"#;
        assert_eq!(serde_json::from_str::<Forest>(json).expect("a forest"), forest);
    }
}
