//! Scoring names against gold as `../shared/eval/score.py` does (its
//! mention and typed metrics), and the label of each of gloss's entities
//! for training.

use std::collections::{BTreeMap, BTreeSet};

use gloss_core::annotate::learn::model::{Label, argmax};
use gloss_core::annotate::nested;
use gloss_core::export::entities;
use gloss_core::model::{Annotations, EntityKind, MentionForm};

use crate::data::{Doc, Gold};

/// Counts of matched names, summed over documents.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    /// Names matching a gold proper name.
    pub tp: usize,
    /// Names matching none (and not inside a gold actor mention).
    pub fp: usize,
    /// Gold proper names no name matched.
    pub fn_: usize,
    /// Matches whose kinds agree.
    pub typed_tp: usize,
    /// Entities (listed with a name) that are right: most of their matched
    /// names belong to one gold entity no larger entity claimed first.
    pub actors_good: usize,
    /// Entities listed with a name.
    pub actors_pred: usize,
    /// Gold entities with a proper name of an actor's kind.
    pub actors_gold: usize,
}

impl Counts {
    /// Adds another document's counts.
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
        self.typed_tp += other.typed_tp;
        self.actors_good += other.actors_good;
        self.actors_pred += other.actors_pred;
        self.actors_gold += other.actors_gold;
    }

    /// Mentions F1.
    pub fn mentions(&self) -> f64 {
        f1(self.tp, self.tp + self.fp, self.tp + self.fn_)
    }

    /// Typed F1: mentions whose kinds agree.
    pub fn typed(&self) -> f64 {
        f1(self.typed_tp, self.tp + self.fp, self.tp + self.fn_)
    }

    /// Actors F1: the entity list a reader sees against the gold entities.
    pub fn actors(&self) -> f64 {
        f1(self.actors_good, self.actors_pred, self.actors_gold)
    }
}

/// F1 of `right` out of `predicted` and out of `gold`.
pub fn f1(right: usize, predicted: usize, gold: usize) -> f64 {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(right, predicted), ratio(right, gold));
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// A span without a leading article or a trailing possessive.
fn norm(text: &str, s: usize, e: usize) -> (usize, usize) {
    let (mut s, mut e) = (s, e);
    for a in ["the ", "The ", "THE "] {
        if text[s..].starts_with(a) && e - s > a.len() {
            s += a.len();
            break;
        }
    }
    for p in ["'s", "\u{2019}s", "'", "\u{2019}"] {
        if e - s > p.len() && text[..e].ends_with(p) {
            e -= p.len();
            break;
        }
    }
    (s, e)
}

/// For each name span, the gold mention it matches: first the same span
/// (normalised), then, longest names first, the first unused gold mention
/// containing it and its head word.
pub fn matches(text: &str, names: &[(usize, usize)], gold: &[&Gold]) -> Vec<Option<usize>> {
    let mut found = vec![None; names.len()];
    let mut used = vec![false; gold.len()];
    let mut by_span = std::collections::HashMap::new();
    for (gi, g) in gold.iter().enumerate() {
        by_span.insert(norm(text, g.start, g.end), gi);
    }
    for (pi, &(s, e)) in names.iter().enumerate() {
        if let Some(&gi) = by_span.get(&norm(text, s, e))
            && !used[gi]
        {
            found[pi] = Some(gi);
            used[gi] = true;
        }
    }
    let mut order: Vec<usize> = (0..names.len()).collect();
    order.sort_by_key(|&i| names[i].0 as isize - names[i].1 as isize);
    for pi in order {
        if found[pi].is_some() {
            continue;
        }
        let (s, e) = names[pi];
        let hit = (0..gold.len()).find(|&gi| {
            let g = gold[gi];
            !used[gi] && g.start <= s && e <= g.end && s <= g.head_start && g.head_end <= e
        });
        if let Some(gi) = hit {
            found[pi] = Some(gi);
            used[gi] = true;
        }
    }
    found
}

/// The name mentions gloss exports for `ann` on `text` (names inside
/// longer names included, found here: `ann` comes from the entity stage,
/// perhaps with the model's decisions, not the whole annotator): span,
/// kind, entity.
fn names(text: &str, ann: &Annotations) -> Vec<(usize, usize, EntityKind, usize)> {
    let ann = Annotations {
        nested: nested::find(text, ann),
        ..ann.clone()
    };
    let mut out = Vec::new();
    for (e, listed) in entities::list(&ann).iter().enumerate() {
        for m in listed
            .mentions
            .iter()
            .filter(|m| m.form == MentionForm::Name)
        {
            out.push((m.span.start, m.span.end, listed.kind, e));
        }
    }
    out
}

/// A name mention of gloss whose kind differs from that of the gold proper
/// name it matches.
#[derive(Clone, Debug, PartialEq)]
pub struct KindError {
    /// The name as written.
    pub text: String,
    /// The gold kind.
    pub gold: String,
    /// gloss's kind.
    pub predicted: EntityKind,
    /// The name of gloss's entity the mention belongs to (a placeholder for
    /// an entity named only inside longer names).
    pub entity: String,
}

/// The name mentions of `ann` on `doc` whose kinds disagree with the gold
/// proper names they match (the scorer's typed errors), in text order.
pub fn kind_errors(doc: &Doc, ann: &Annotations) -> Vec<KindError> {
    let (names, proper, found) = matched(doc, ann);
    names
        .iter()
        .zip(&found)
        .filter_map(|(n, m)| {
            let g = proper[(*m)?];
            (n.2.as_str() != g.kind).then(|| KindError {
                text: doc.text[n.0..n.1].to_owned(),
                gold: g.kind.clone(),
                predicted: n.2,
                entity: ann.entities.get(n.3).map_or_else(
                    || "(only inside longer names)".to_owned(),
                    |e| e.name.clone(),
                ),
            })
        })
        .collect()
}

/// The name mentions of `ann` on `doc`, the gold actor proper names, and
/// for each name mention the gold name it matches.
#[allow(clippy::type_complexity)]
fn matched<'a>(
    doc: &'a Doc,
    ann: &Annotations,
) -> (
    Vec<(usize, usize, EntityKind, usize)>,
    Vec<&'a Gold>,
    Vec<Option<usize>>,
) {
    let names = names(&doc.text, ann);
    let spans: Vec<_> = names.iter().map(|n| (n.0, n.1)).collect();
    let proper: Vec<&Gold> = doc
        .gold
        .iter()
        .filter(|g| g.is_actor() && g.proper)
        .collect();
    let found = matches(&doc.text, &spans, &proper);
    (names, proper, found)
}

/// The mention and typed counts of `ann` on `doc`.
pub fn score(doc: &Doc, ann: &Annotations) -> Counts {
    let (names, proper, found) = matched(doc, ann);
    let actors: Vec<&Gold> = doc.gold.iter().filter(|g| g.is_actor()).collect();
    let mut c = Counts::default();
    // Each listed entity's votes: the gold entity of each of its names
    // that matches one, or that lies inside a gold actor mention (the
    // smallest).
    let mut votes: BTreeMap<usize, BTreeMap<&str, usize>> = BTreeMap::new();
    for (n, m) in names.iter().zip(&found) {
        let vote = match m {
            Some(gi) => {
                c.tp += 1;
                if n.2.as_str() == proper[*gi].kind {
                    c.typed_tp += 1;
                }
                Some(proper[*gi].entity.as_str())
            }
            None => {
                let inside = actors
                    .iter()
                    .filter(|g| g.start <= n.0 && n.1 <= g.end)
                    .min_by_key(|g| g.end - g.start);
                if inside.is_none() {
                    c.fp += 1;
                }
                inside.map(|g| g.entity.as_str())
            }
        };
        let entity = votes.entry(n.3).or_default();
        if let Some(v) = vote {
            *entity.entry(v).or_default() += 1;
        }
    }
    c.fn_ = proper.len() - c.tp;
    c.actors_pred = votes.len();
    c.actors_gold = proper
        .iter()
        .map(|g| g.entity.as_str())
        .collect::<BTreeSet<_>>()
        .len();
    c.actors_good = right_entities(&votes);
    c
}

/// How many entities are right, given each one's votes for gold entities:
/// the entities with most votes first, each right when the gold entity it
/// votes most for (the first such, by name) is not claimed yet; it claims it.
fn right_entities(votes: &BTreeMap<usize, BTreeMap<&str, usize>>) -> usize {
    let mut order: Vec<_> = votes.iter().collect();
    order.sort_by_key(|(_, v)| std::cmp::Reverse(v.values().sum::<usize>()));
    let mut claimed = BTreeSet::new();
    order
        .into_iter()
        .filter_map(|(_, v)| {
            let best = v.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
            Some(claimed.insert(*best.0))
        })
        .filter(|&new| new)
        .count()
}

/// The right label of each entity of `ann` (by the rules, on `doc`), when
/// known: the most frequent among its names, each taking the type of the
/// gold proper name it matches or whose head it holds (an actor's kind, or
/// not an actor for a work, an event, …); another name is no actor unless
/// it lies inside a gold actor mention (then it says nothing).
pub fn labels(doc: &Doc, ann: &Annotations) -> Vec<Option<Label>> {
    let names = names(&doc.text, ann);
    let spans: Vec<_> = names.iter().map(|n| (n.0, n.1)).collect();
    let proper: Vec<&Gold> = doc.gold.iter().filter(|g| g.proper).collect();
    let found = matches(&doc.text, &spans, &proper);
    let mut votes = vec![[0usize; Label::COUNT]; ann.entities.len()];
    for (n, m) in names.iter().zip(&found) {
        // A name matching no gold name but holding a gold name's head (a
        // title before it: "Home Secretary Yvette Cooper") is that name.
        let hit = m.or_else(|| {
            (0..proper.len()).find(|&gi| n.0 <= proper[gi].head_start && proper[gi].head_end <= n.1)
        });
        let label = match hit {
            Some(gi) => Some(match proper[gi].kind.as_str() {
                "person" => Label::Person,
                "organization" => Label::Organization,
                "place" => Label::Place,
                _ => Label::NotActor,
            }),
            None if doc
                .gold
                .iter()
                .any(|g| g.is_actor() && g.start <= n.0 && n.1 <= g.end) =>
            {
                None
            }
            None => Some(Label::NotActor),
        };
        // Entities named only inside longer names are not the model's.
        if let (Some(l), Some(v)) = (label, votes.get_mut(n.3)) {
            v[l.index()] += 1;
        }
    }
    votes
        .iter()
        .map(|v| {
            let best = argmax(v);
            (v[best] > 0).then_some(Label::ALL[best])
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use gloss_core::model::{Entity, Mention, Span};

    fn gold(text: &str, name: &str, head: &str, kind: &str) -> Gold {
        let start = text.find(name).expect("in the text");
        let head_start = start + name.find(head).expect("in the name");
        Gold {
            start,
            end: start + name.len(),
            head_start,
            head_end: head_start + head.len(),
            kind: kind.to_owned(),
            proper: true,
            entity: name.to_owned(),
        }
    }

    /// Annotations with one entity per name, of the given kinds.
    fn ann(text: &str, names: &[(&str, EntityKind)]) -> Annotations {
        let mut ann = Annotations::default();
        for (i, (name, kind)) in names.iter().enumerate() {
            let start = text.find(name).expect("in the text");
            ann.mentions.push(Mention {
                span: Span::new(start, start + name.len()),
                form: MentionForm::Name,
                entity: i,
            });
            ann.entities.push(Entity {
                kind: *kind,
                name: (*name).to_owned(),
                roles: Vec::new(),
                mentions: vec![i],
            });
        }
        ann
    }

    #[test]
    fn names_are_scored_and_labelled_as_the_shared_scorer_matches_them() {
        let text = "The Home Secretary Yvette Cooper met the Acme board in Basel about Hamlet.";
        let doc = Doc {
            name: "t".into(),
            genre: "news".into(),
            text: text.into(),
            gold: vec![
                gold(text, "Yvette Cooper", "Cooper", "person"),
                gold(text, "the Acme board", "board", "organization"),
                gold(text, "Basel", "Basel", "place"),
                gold(text, "Hamlet", "Hamlet", "abstract"),
            ],
        };
        let ann = ann(
            text,
            &[
                ("Home Secretary Yvette Cooper", EntityKind::Person),
                ("Acme", EntityKind::Organization),
                ("Basel", EntityKind::Organization),
                ("Hamlet", EntityKind::Person),
            ],
        );
        let c = score(&doc, &ann);
        // Basel matches (wrong kind); the title run matches nothing; Acme
        // lies inside a gold actor mention (neutral); Hamlet is no actor.
        assert_eq!((c.tp, c.fp, c.fn_, c.typed_tp), (1, 2, 2, 0));
        // Basel and Acme (by the gold mention around it) are right among
        // four listed; three gold entities.
        assert_eq!((c.actors_good, c.actors_pred, c.actors_gold), (2, 4, 3));
        assert_eq!(
            labels(&doc, &ann),
            [
                Some(Label::Person),
                None,
                Some(Label::Place),
                Some(Label::NotActor)
            ]
        );
        assert_eq!(norm("the Acme's", 0, 10), (4, 8));
        // The one typed error: Basel, a place taken for an organization.
        assert_eq!(
            kind_errors(&doc, &ann),
            [KindError {
                text: "Basel".into(),
                gold: "place".into(),
                predicted: EntityKind::Organization,
                entity: "Basel".into(),
            }]
        );
    }
}
