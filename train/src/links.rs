//! Training and cross-validating the link ranker (descriptions and
//! pronouns, see `gloss_core::annotate::learn::links`) from the
//! coreference chains of the gold documents.
//!
//! Each document is annotated up to the learned links with the kind model
//! trained without its genre (so that the kind evidence the ranker sees is
//! as good as on unseen text), its cases gathered, and each case labelled
//! by the gold mention it matches: the right candidate is the most recent
//! one whose names belong to that mention's chain; with none, "none".

use std::collections::HashMap;

use gloss_core::annotate::Prepared;
use gloss_core::annotate::learn::links::{self, Example, LinkModel, Ranker};
use gloss_core::annotate::learn::model::Model;
use gloss_core::annotate::learn::train::Options;
use gloss_core::annotate::until_links;
use gloss_core::model::{Annotations, MentionForm, Span};

use crate::data::{Doc, Gold};
use crate::score;

/// Thresholds tried for linking a case the rules left alone, in
/// thousandths (above 1000: never).
pub const THRESHOLDS: [u16; 8] = [300, 400, 500, 600, 700, 800, 900, 1001];
/// Thresholds tried for overruling the rules.
pub const OVERRULE: [u16; 5] = [500, 700, 800, 900, 1001];

/// The weight of recall against precision in the measure thresholds are
/// chosen by (F-beta): a wrong link misleads a reader more than a missing
/// one, so precision counts double (beta 0.5).
pub const BETA: f64 = 0.5;

/// How the ranker is trained.
pub const OPTIONS: Options = Options {
    epochs: 12,
    rate: 0.1,
    l2: 1e-4,
    seed: 12,
};

/// A document annotated up to the links, with its cases labelled.
pub struct LinkDoc<'a> {
    /// The gold document.
    pub doc: &'a Doc,
    ann: Annotations,
    prep: Prepared,
    kinds: Option<Model>,
    examples: Vec<Example>,
}

impl<'a> LinkDoc<'a> {
    /// Annotates `doc` up to the links with the `kinds` model and labels
    /// its cases.
    pub fn new(doc: &'a Doc, kinds: Option<Model>) -> LinkDoc<'a> {
        let (ann, prep) = until_links(&doc.text, kinds.as_ref(), &mut |_| {});
        let owners = owners(doc, &ann);
        let examples = links::cases(&doc.text, &prep, &ann, kinds.as_ref(), None)
            .into_iter()
            .map(|case| {
                let chain = gold_at(doc, case.span).map(|g| g.entity.as_str());
                let right = (0..case.candidates.len())
                    .filter(|&k| chain.is_some() && owners[case.candidates[k].0] == chain)
                    .collect();
                Example { case, right }
            })
            .collect();
        LinkDoc {
            doc,
            ann,
            prep,
            kinds,
            examples,
        }
    }

    /// The descriptions and pronouns score of the document with `ranker`
    /// linking (or the rules alone).
    pub fn score(&self, ranker: Option<&Ranker>) -> Descr {
        match ranker {
            Some(r) => {
                let mut ann = self.ann.clone();
                links::link(&self.doc.text, &self.prep, &mut ann, self.kinds.as_ref(), r);
                descr(self.doc, &ann)
            }
            None => descr(self.doc, &self.ann),
        }
    }
}

/// The gold chain each entity of `ann` stands for: the most frequent
/// among the gold proper names its names match.
fn owners<'d>(doc: &'d Doc, ann: &Annotations) -> Vec<Option<&'d str>> {
    let proper: Vec<&Gold> = doc
        .gold
        .iter()
        .filter(|g| g.is_actor() && g.proper)
        .collect();
    let names: Vec<(usize, usize, usize)> = ann
        .mentions
        .iter()
        .filter(|m| m.form == MentionForm::Name)
        .map(|m| (m.span.start, m.span.end, m.entity))
        .collect();
    let spans: Vec<(usize, usize)> = names.iter().map(|n| (n.0, n.1)).collect();
    let found = score::matches(&doc.text, &spans, &proper);
    let mut votes: Vec<HashMap<&str, usize>> = vec![HashMap::new(); ann.entities.len()];
    for (n, m) in names.iter().zip(&found) {
        if let Some(gi) = m {
            *votes[n.2].entry(proper[*gi].entity.as_str()).or_default() += 1;
        }
    }
    votes
        .iter()
        .map(|v| {
            v.iter()
                .max_by_key(|(chain, n)| (**n, std::cmp::Reverse(**chain)))
                .map(|(chain, _)| *chain)
        })
        .collect()
}

/// The gold actor mention a description or pronoun at `span` matches, as
/// `../shared/eval/score.py` matches them: the same span (or without a
/// leading article), else the first holding it and its head.
fn gold_at(doc: &Doc, span: Span) -> Option<&Gold> {
    let actors = || doc.gold.iter().filter(|g| g.is_actor());
    let (s, e) = (span.start, span.end);
    let bare = ["the ", "The ", "THE "]
        .iter()
        .find(|a| doc.text[s..].starts_with(**a) && e - s > a.len())
        .map_or(s, |a| s + a.len());
    actors()
        .find(|g| g.start == s && g.end == e)
        .or_else(|| actors().find(|g| g.start == bare && g.end == e))
        .or_else(|| {
            actors().find(|g| g.start <= s && e <= g.end && s <= g.head_start && g.head_end <= e)
        })
}

/// Counts of linked descriptions and pronouns, as the shared scorer's
/// `descr` metric counts them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Descr {
    /// Linked ones matching a gold mention of the right chain.
    pub right: usize,
    /// Linked ones matching a gold mention.
    pub total: usize,
    /// Gold descriptions and pronouns of named chains.
    pub gold: usize,
}

impl Descr {
    /// Adds another document's counts.
    pub fn add(&mut self, o: Descr) {
        self.right += o.right;
        self.total += o.total;
        self.gold += o.gold;
    }

    /// Precision.
    pub fn p(&self) -> f64 {
        self.right as f64 / self.total.max(1) as f64
    }

    /// Recall.
    pub fn r(&self) -> f64 {
        self.right as f64 / self.gold.max(1) as f64
    }

    /// F1.
    pub fn f1(&self) -> f64 {
        crate::score::f1(self.right, self.total, self.gold)
    }

    /// F-beta with [`BETA`]: precision weighted above recall.
    pub fn f_beta(&self) -> f64 {
        let (p, r, b2) = (self.p(), self.r(), BETA * BETA);
        if p + r == 0.0 {
            0.0
        } else {
            (1.0 + b2) * p * r / (b2 * p + r)
        }
    }
}

/// The descriptions and pronouns counts of `ann` on `doc`.
fn descr(doc: &Doc, ann: &Annotations) -> Descr {
    let owners = owners(doc, ann);
    let named: std::collections::HashSet<&str> = doc
        .gold
        .iter()
        .filter(|g| g.is_actor() && g.proper)
        .map(|g| g.entity.as_str())
        .collect();
    let mut c = Descr {
        gold: doc
            .gold
            .iter()
            .filter(|g| g.is_actor() && !g.proper && named.contains(g.entity.as_str()))
            .count(),
        ..Descr::default()
    };
    let mut linked = std::collections::HashSet::new();
    for m in ann.mentions.iter().filter(|m| m.form != MentionForm::Name) {
        let Some(g) = gold_at(doc, m.span) else {
            continue;
        };
        c.total += 1;
        if owners[m.entity] == Some(g.entity.as_str()) && linked.insert((g.start, g.end)) {
            c.right += 1;
        }
    }
    c
}

/// A ranker trained on the documents `keep` accepts.
pub fn train_on(
    docs: &[LinkDoc],
    keep: impl Fn(&Doc) -> bool,
    (threshold, overrule): (u16, u16),
) -> LinkModel {
    let examples: Vec<Example> = docs
        .iter()
        .filter(|d| keep(d.doc))
        .flat_map(|d| d.examples.iter().cloned())
        .collect();
    links::train(&examples, OPTIONS, threshold, overrule)
}

/// The pooled counts of the documents of `genre` with `model` at
/// the thresholds `at` (both above 1000: the rules alone).
pub fn evaluate(docs: &[LinkDoc], genre: &str, model: &LinkModel, at: (u16, u16)) -> Descr {
    let ranker = Ranker::new(model.clone()).at(at.0, at.1);
    let mut total = Descr::default();
    for d in docs.iter().filter(|d| d.doc.genre == genre) {
        total.add(d.score(Some(&ranker)));
    }
    total
}

/// Cross-validates by genre (each genre scored by a ranker trained
/// without it), prints the table, and returns the thresholds (link,
/// overrule) with the best pooled F-beta ([`BETA`]).
pub fn cross_validate(docs: &[LinkDoc], genres: &[String]) -> (u16, u16) {
    let folds: Vec<(&String, LinkModel)> = genres
        .iter()
        .map(|g| (g, train_on(docs, |d| &d.genre != g, (1001, 1001))))
        .collect();
    let mut best = (f64::MIN, (1001, 1001));
    println!(
        "links: descriptions and pronouns P / R by held-out genre, at each pair of thresholds (link, overrule)"
    );
    for &t in &THRESHOLDS {
        for &o in &OVERRULE {
            let mut pooled = Descr::default();
            let mut row = String::new();
            for (g, model) in &folds {
                let c = evaluate(docs, g, model, (t, o));
                pooled.add(c);
                row.push_str(&format!(" {g} {:.3}/{:.3}", c.p(), c.r()));
            }
            println!(
                "  at {t:>4} {o:>4}: pooled P {:.3} R {:.3} F1 {:.3} F{BETA} {:.4} |{row}",
                pooled.p(),
                pooled.r(),
                pooled.f1(),
                pooled.f_beta()
            );
            if pooled.f_beta() > best.0 + 1e-9 {
                best = (pooled.f_beta(), (t, o));
            }
        }
    }
    best.1
}
