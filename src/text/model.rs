//! The line model: two logistic regressions over `features.rs`. The first reads each line
//! with its neighbours' shape; the second reads it again with what the first made of the lines
//! around it (`features::context`), so that a short line inside a run of kept lines (a spec, a
//! poster's name, a list item) is kept with them and a stray good line in the furniture is not.
//! A segment model, the first regression as it was learned from the readability corpus alone
//! (over the first `SEGMENT_COUNT` features), values the lines for finding the span of a page
//! that is one story; it is always the shipped one, since it never learned from wcxb-dev.
//! A third regression scores the lines near the start of what is kept as the headline, and a
//! forest reorders the ten it scores best (`title_forest.rs`).
//! The shipped weights are in `weights.rs`; [`LineModel::new`] takes others (the benchmark's
//! out-of-fold weights, say).

use super::features::{CONTEXT_COUNT, COUNT, SEGMENT_COUNT, TITLE_COUNT};
use super::features::{rerank_rows, RERANK_COUNT};
use super::{page, page_weights, title_forest, weights};
use crate::forest::Forest;

/// How the body of a copied page of some length is chosen (see `page.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BodyChoice {
    /// As the page model says.
    #[default]
    Learned,
    /// Always the span of prose that reads as one story.
    Span,
    /// Always every line the line model keeps.
    Kept,
}

/// The weights of the line model.
#[derive(Debug, Clone, PartialEq)]
pub struct LineModel {
    first: Vec<f64>,
    second: Vec<f64>,
    title: Vec<f64>,
    threshold: f64,
    page: Vec<f64>,
    choice: BodyChoice,
    title_forest: Forest,
}

/// The shipped title forest.
fn shipped_title_forest() -> Forest {
    use std::borrow::Cow::Borrowed;
    Forest {
        base: 0.0,
        features: Borrowed(&title_forest::FEATURES),
        rights: Borrowed(&title_forest::RIGHTS),
        values: Borrowed(&title_forest::VALUES),
        trees: Borrowed(&title_forest::TREES),
    }
}

impl Default for LineModel {
    /// The shipped weights.
    fn default() -> LineModel {
        LineModel {
            first: weights::FIRST.to_vec(),
            second: weights::SECOND.to_vec(),
            title: weights::TITLE.to_vec(),
            threshold: weights::THRESHOLD,
            page: page_weights::PAGE.to_vec(),
            choice: BodyChoice::Learned,
            title_forest: shipped_title_forest(),
        }
    }
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

impl LineModel {
    /// A model from its weights: `first` one per feature ([`LineModel::FEATURES`] of them),
    /// `second` one per feature and then one per context feature ([`LineModel::CONTEXT`]), and
    /// `title` one per title feature ([`LineModel::TITLE`]), and the probability from which a
    /// line is kept. `None` when a length is wrong.
    pub fn new(first: Vec<f64>, second: Vec<f64>, title: Vec<f64>, threshold: f64) -> Option<LineModel> {
        (first.len() == COUNT && second.len() == COUNT + CONTEXT_COUNT && title.len() == TITLE_COUNT && (0.0..=1.0).contains(&threshold))
            .then_some(LineModel { first, second, title, threshold, page: page_weights::PAGE.to_vec(), choice: BodyChoice::Learned, title_forest: shipped_title_forest() })
    }

    /// The same model with other weights for the page-level choice, one per page feature
    /// ([`LineModel::PAGE`] of them); `None` when the length is wrong.
    pub fn with_page(self, page: Vec<f64>) -> Option<LineModel> {
        (page.len() == page::COUNT).then_some(LineModel { page, ..self })
    }

    /// The same model with another forest for reordering the title candidates (over
    /// [`LineModel::RERANK`] features).
    pub fn with_title_forest(self, title_forest: Forest) -> LineModel {
        LineModel { title_forest, ..self }
    }

    /// The same model, choosing the body as `choice` says.
    pub fn choosing(self, choice: BodyChoice) -> LineModel {
        LineModel { choice, ..self }
    }

    /// The number of page features.
    pub const PAGE: usize = page::COUNT;

    /// The number of title features.
    pub const TITLE: usize = TITLE_COUNT;

    /// The number of features the title forest reads.
    pub const RERANK: usize = RERANK_COUNT;

    /// The number of line features.
    pub const FEATURES: usize = COUNT;

    /// The number of context features.
    pub const CONTEXT: usize = CONTEXT_COUNT;

    /// The probability from which a line is kept.
    pub fn threshold(&self) -> f64 {
        self.threshold
    }

    /// The first reading: the probability that a line belongs to the main content.
    pub(super) fn first(&self, features: &[f64; COUNT]) -> f64 {
        sigmoid(self.first.iter().zip(features).map(|(w, f)| w * f).sum())
    }

    /// The second reading, with the context of the first.
    pub(super) fn second(&self, features: &[f64; COUNT], context: &[f64; CONTEXT_COUNT]) -> f64 {
        let z: f64 = self.second.iter().zip(features.iter().chain(context)).map(|(w, f)| w * f).sum();
        sigmoid(z)
    }

    /// The segment model's probability that a line belongs to the story.
    pub(super) fn segment(&self, features: &[f64; COUNT]) -> f64 {
        sigmoid(weights::SEGMENT.iter().zip(&features[..SEGMENT_COUNT]).map(|(w, f)| w * f).sum())
    }

    /// Whether the body of a page with these page features is every line the line model keeps
    /// rather than the span that reads as one story.
    pub(super) fn spread(&self, features: &[f64; page::COUNT]) -> bool {
        match self.choice {
            BodyChoice::Span => false,
            BodyChoice::Kept => true,
            BodyChoice::Learned => self.page_logit(features) > 0.0,
        }
    }

    /// The page model's logit for every kept line over the span.
    pub(super) fn page_logit(&self, features: &[f64; page::COUNT]) -> f64 {
        self.page.iter().zip(features).map(|(w, f)| w * f).sum()
    }

    /// How much a candidate reads like the headline (a logit: higher is likelier).
    pub(super) fn title_score(&self, features: &[f64; TITLE_COUNT]) -> f64 {
        self.title.iter().zip(features).map(|(w, f)| w * f).sum()
    }

    /// The headline among the candidates (line index and title features): the regression's
    /// best few, reordered by the forest; the first of equal values.
    pub(super) fn title_choice(&self, candidates: &[(usize, [f64; TITLE_COUNT])]) -> Option<usize> {
        let scores: Vec<f64> = candidates.iter().map(|(_, row)| self.title_score(row)).collect();
        let mut best: Option<(f32, usize)> = None;
        for (c, row) in rerank_rows(candidates, &scores) {
            let value = self.title_forest.predict(&row);
            if best.is_none_or(|(b, _)| value > b) {
                best = Some((value, candidates[c].0));
            }
        }
        best.map(|(_, i)| i)
    }
}
