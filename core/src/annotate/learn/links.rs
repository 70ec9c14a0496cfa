//! Descriptions and pronouns linked by a learned antecedent ranker.
//!
//! After the rules and the quote stage, every pronoun ("he", "its",
//! "they", "we", "I") and every "the X" description whose head the model
//! knows, that no rule made a mention, is a *case*. Its candidates are the
//! actors mentioned in the sentences before it (by any form), the speaker
//! of the quotation it stands in, and the article's most mentioned actors.
//! A log-linear model scores each candidate from hashed features of the
//! pair (distance, the actor's kind and the kind model's probabilities,
//! gender evidence, salience, position, quotation) and the choice "none of
//! them" from features of the case alone; the case joins the best
//! candidate when its probability, among all choices, reaches the model's
//! threshold.
//!
//! The model is trained by `cargo run --release -p gloss-train` from the
//! coreference chains of the GUM documents in `../shared/data/` and
//! embedded in the binary (see `core/src/annotate/models/README.md`). The
//! environment variable `GLOSS_LINKS_MODEL` names another model file to use
//! instead, or is `off` for the rules alone.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use super::features::{self, Name, hash};
use super::kinds::active;
use super::model::{LINKS, Label, Model, ModelError, argmax, chosen};
use super::train::{Options, descend};
use crate::annotate::acts::Prepared;
use crate::annotate::cursor::Cursor;
use crate::annotate::first_person;
use crate::annotate::lexicon::{Gender, LEXICON};
use crate::annotate::segment::{TokenKind, sentence_range};
use crate::model::{
    Annotations, Entity, EntityId, EntityKind, Mention, MentionForm, QuoteKind, Span,
};

/// The embedded model's file.
static EMBEDDED: &[u8] = include_bytes!("../models/links.bin");

/// The ranker the annotator uses, if any.
static ACTIVE: LazyLock<Option<Ranker>> =
    LazyLock::new(|| chosen("GLOSS_LINKS_MODEL", EMBEDDED, LINKS, "link").map(Ranker::new));

/// Sentences back a candidate may be mentioned in.
const SENTENCES: usize = 3;

/// At most this many candidates by recency.
const RECENT: usize = 8;

/// Past forms that are no description's head ("the team won").
const VERBS: [&str; 24] = [
    "won", "lost", "made", "took", "came", "went", "got", "saw", "held", "began", "became", "left",
    "met", "told", "found", "gave", "built", "ran", "led", "fell", "rose", "grew", "knew", "sent",
];

/// Words that end a description's head run ("the team won", "the city of").
const STOP: [&str; 40] = [
    "of", "in", "on", "at", "to", "for", "with", "by", "from", "and", "or", "but", "that", "which",
    "who", "whom", "whose", "was", "were", "is", "are", "be", "been", "has", "have", "had", "will",
    "would", "could", "should", "can", "may", "said", "says", "as", "than", "into", "about", "not",
    "also",
];

/// A link model: one class, whose summed weights score each choice.
pub type LinkModel = Model<1>;

/// The embedded model (tested to load).
pub fn embedded() -> Result<LinkModel, ModelError> {
    Model::from_static(EMBEDDED, LINKS)
}

/// A link model ready to score: its weights, and its thresholds in
/// thousandths (the model's two: link a case the rules left alone from
/// the first, overrule the rules' answer from the second).
pub struct Ranker(LinkModel);

impl Ranker {
    /// The ranker of a link model.
    pub fn new(model: LinkModel) -> Ranker {
        Ranker(model)
    }

    /// True when the model knows a feature (a description head it was
    /// trained on).
    fn knows(&self, f: u32) -> bool {
        self.0.knows(f)
    }

    /// The score of a set of features.
    fn score(&self, features: &[u32]) -> f32 {
        self.0.sums(features)[0]
    }

    /// The probabilities of "none" and of each candidate of `case`.
    fn probabilities(&self, case: &Case) -> Vec<f32> {
        // The scores, turned into probabilities in place.
        let mut p: Vec<f32> = std::iter::once(self.score(&case.null))
            .chain(case.candidates.iter().map(|(_, f)| self.score(f)))
            .collect();
        let max = p.iter().fold(f32::NEG_INFINITY, |m, &s| m.max(s));
        p.iter_mut().for_each(|s| *s = (*s - max).exp());
        let sum: f32 = p.iter().sum();
        p.iter_mut().for_each(|x| *x /= sum);
        p
    }

    /// The entity `case` refers to: the most probable choice when its
    /// probability reaches the threshold, else the rules' answer.
    pub fn choose(&self, case: &Case) -> Option<EntityId> {
        let p = self.probabilities(case);
        let best = argmax(&p);
        let at = if case.rule.is_some() {
            self.0.drop_at
        } else {
            self.0.override_at
        };
        if (p[best] * 1000.0) as u16 >= at {
            best.checked_sub(1).map(|c| case.candidates[c].0)
        } else {
            case.rule
        }
    }

    /// The same weights deciding at other thresholds (in thousandths):
    /// for linking a case the rules left alone, and for overruling them.
    pub fn at(self, threshold: u16, overrule: u16) -> Ranker {
        Ranker(self.0.with_thresholds(threshold, overrule))
    }
}

/// A pronoun or description to link, with its candidates' features.
#[derive(Clone, Debug)]
pub struct Case {
    /// Where it stands.
    pub span: Span,
    /// Pronoun or role.
    pub form: MentionForm,
    /// The entity the rules linked it to, if they did.
    pub rule: Option<EntityId>,
    /// Features of the choice "none of the candidates".
    pub null: Vec<u32>,
    /// Each candidate, most recently mentioned first, with the features
    /// of the pair.
    pub candidates: Vec<(EntityId, Vec<u32>)>,
}

/// Links the cases of `ann` with the active ranker and kind model.
pub fn apply(text: &str, prep: &Prepared, ann: &mut Annotations) {
    if let Some(ranker) = &*ACTIVE {
        link(text, prep, ann, active(), ranker);
    }
}

/// Links the cases of `ann` (over `text`, prepared as `prep`) as
/// `ranker` decides: a new mention for a case it links, and the rules'
/// mentions kept, moved to another entity or dropped.
pub fn link(
    text: &str,
    prep: &Prepared,
    ann: &mut Annotations,
    kinds: Option<&Model>,
    ranker: &Ranker,
) {
    // The rules' mentions that are cases are decided again: each case
    // says what becomes of the mention starting where it does, if any.
    let mut decided: Vec<(usize, Option<Mention>)> = Vec::new();
    each_case(text, prep, ann, kinds, Some(ranker), &mut |c| {
        let chosen = ranker.choose(c);
        if c.rule.is_some() || chosen.is_some() {
            let mention = chosen.map(|entity| Mention {
                span: c.span,
                form: c.form,
                entity,
            });
            decided.push((c.span.start, mention));
        }
    });
    // Both lists are in text order, and no two mentions share a start:
    // the rules' mentions no case decides again, merged with the cases'
    // mentions, are in order as they are built.
    let mut again = decided.iter().map(|d| d.0).peekable();
    let mut linked = decided.iter().filter_map(|d| d.1).peekable();
    let mut mentions = Vec::with_capacity(ann.mentions.len() + decided.len());
    for m in &ann.mentions {
        while again.next_if(|&start| start < m.span.start).is_some() {}
        while let Some(n) = linked.next_if(|n| n.span.start < m.span.start) {
            mentions.push(n);
        }
        if again.peek() != Some(&m.span.start) {
            mentions.push(*m);
        }
    }
    mentions.extend(linked);
    first_person::set(ann, mentions);
}

/// The class of a case: pronouns by person, number and gender, or a
/// description.
// Inlined (asked of nearly every token), so that the test of the first
// byte costs no call.
#[inline]
fn class_of(word: &str) -> Option<&'static str> {
    // Every word of a class starts with one of these letters, in either
    // case: most words are ruled out by their first byte.
    let first = word.as_bytes().first()?.to_ascii_lowercase();
    if word.len() > 10 || !matches!(first, b'h' | b's' | b'i' | b't' | b'u' | b'o' | b'w' | b'm') {
        return None;
    }
    class_of_word(word)
}

/// [`class_of`] of a word of at most ten bytes that opens with one of
/// the letters a class's words open with.
fn class_of_word(word: &str) -> Option<&'static str> {
    let mut buf = [0u8; 10];
    for (l, b) in buf.iter_mut().zip(word.bytes()) {
        *l = b.to_ascii_lowercase();
    }
    Some(match &buf[..word.len()] {
        b"he" | b"him" | b"his" | b"himself" => "m",
        b"she" | b"her" | b"hers" | b"herself" => "f",
        b"it" | b"its" | b"itself" => "n",
        b"they" | b"them" | b"their" | b"theirs" | b"themselves" => "p",
        b"we" | b"us" | b"our" | b"ours" | b"ourselves" => "w",
        _ if first_person::is_first_person(word) => "i",
        _ => return None,
    })
}

/// A small bucket of a count: 0, 1, 2, 3-5, 6+.
fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3",
        _ => "6",
    }
}

/// Feature hashes gathered for one choice, each plain and joined with the
/// case's class, into buffers used again from case to case.
#[derive(Default)]
struct Gather<'a> {
    class: &'a str,
    out: Vec<u32>,
    spare: Vec<Vec<u32>>,
}

impl Gather<'_> {
    fn add(&mut self, name: Name, value: &str) {
        self.out
            .extend_from_slice(&name.hash_both(self.class, value));
    }

    /// [`Gather::add`] of `value` with its ASCII letters lowercased.
    fn add_ascii_lower(&mut self, name: Name, value: &str) {
        self.out.push(name.hash_ascii_lower(value));
        self.out
            .push(name.joined(self.class).hash_ascii_lower(value));
    }

    /// The features gathered, leaving an empty buffer to gather into.
    fn take(&mut self) -> Vec<u32> {
        let mut next = self.spare.pop().unwrap_or_default();
        next.clear();
        std::mem::swap(&mut next, &mut self.out);
        next
    }

    /// Takes back the buffers of a case that is done with.
    fn recycle(&mut self, case: &mut Case) {
        self.spare.push(std::mem::take(&mut case.null));
        self.spare.extend(case.candidates.drain(..).map(|(_, f)| f));
    }
}

/// What is known of an actor from its name and the words before the case.
struct Actor {
    /// Mentions so far.
    count: usize,
    /// Its last mention so far.
    last: Option<usize>,
    /// He / she pronouns linked to it so far.
    male: usize,
    female: usize,
}

/// Whether an entity fits a case of `class`: "Y" (a person of the
/// pronoun's gender), "y" (of a fitting kind, gender unknown), "n" (of
/// another kind or gender), "-" (a description: no say).
fn agreement(class: &str, entity: &Entity, name: Gender, a: &Actor) -> &'static str {
    let gender = match name {
        Gender::Unknown if a.male > a.female => Gender::Male,
        Gender::Unknown if a.female > a.male => Gender::Female,
        g => g,
    };
    let person = entity.kind == EntityKind::Person;
    let fits = |want: Gender| match (person, gender) {
        (false, _) => "n",
        (true, g) if g == want => "Y",
        (true, Gender::Unknown) => "y",
        _ => "n",
    };
    match class {
        "m" => fits(Gender::Male),
        "f" => fits(Gender::Female),
        "i" if person => "y",
        "n" | "p" | "w" if !person => "y",
        "p" | "w" => "n",
        "d" | "o" => "-",
        _ => "n",
    }
}

/// The gender a name tells by its first word (or a title before it).
fn name_gender(name: &str) -> Gender {
    let first = name.split_whitespace().next().unwrap_or("");
    LEXICON
        .first_names
        .get(first)
        .or_else(|| LEXICON.titles.get(first))
        .copied()
        .unwrap_or(Gender::Unknown)
}

/// The kind model's most probable label for entity `e`, bucketed by its
/// probability, as a feature value ("person.9").
fn kind_evidence(
    text: &str,
    ann: &Annotations,
    kinds: Option<&Model>,
    e: EntityId,
) -> &'static str {
    let Some(model) = kinds else { return "" };
    let f = features::of_entity(text, ann, e);
    if f.is_empty() {
        return "";
    }
    let (label, p) = model.predict(&f);
    let high = p >= 0.85;
    match (label, high) {
        (Label::Person, true) => "person.9",
        (Label::Person, false) => "person.5",
        (Label::Organization, true) => "org.9",
        (Label::Organization, false) => "org.5",
        (Label::Place, true) => "place.9",
        (Label::Place, false) => "place.5",
        (Label::NotActor, true) => "none.9",
        (Label::NotActor, false) => "none.5",
    }
}

/// The head noun of a "the X" / "the X Y" description starting at token
/// `i`, with the description's last token.
fn description_at(text: &str, prep: &Prepared, i: usize) -> Option<(usize, String)> {
    let toks = &prep.toks;
    if !matches!(toks[i].text(text), "the" | "The") {
        return None;
    }
    let lower_word = |k: usize| {
        toks.get(k)
            .filter(|t| t.kind() == TokenKind::Word && t.sent() == toks[i].sent())
            .map(|t| t.text(text))
            .filter(|w| {
                w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                    && !STOP.contains(w)
                    && !VERBS.contains(w)
                    && (w.len() <= 4 || !w.ends_with("ed"))
            })
    };
    let first = lower_word(i + 1)?;
    match lower_word(i + 2) {
        None => Some((i + 1, first.to_owned())),
        Some(second) if lower_word(i + 3).is_none() => Some((i + 2, second.to_owned())),
        Some(_) => None,
    }
}

/// The cases of `ann` over `text` (see [`each_case`]).
pub fn cases(
    text: &str,
    prep: &Prepared,
    ann: &Annotations,
    kinds: Option<&Model>,
    ranker: Option<&Ranker>,
) -> Vec<Case> {
    let mut out = Vec::new();
    each_case(text, prep, ann, kinds, ranker, &mut |c| out.push(c.clone()));
    out
}

/// What the cases of one document share, found once: the text, its
/// tokens and annotations, and where each mention stands.
struct Context<'a> {
    text: &'a str,
    prep: &'a Prepared,
    ann: &'a Annotations,
    /// The gender each entity's name tells.
    genders: Vec<Gender>,
    /// The token each mention starts at.
    mention_tok: Vec<usize>,
    /// The quotation each mention stands in.
    mention_quote: Vec<Option<usize>>,
    /// The direct quotes with a speaker, in order.
    speakers: Vec<(Span, EntityId)>,
    /// Where the document's last 400 bytes start.
    last_para: usize,
}

impl<'a> Context<'a> {
    fn new(text: &'a str, prep: &'a Prepared, ann: &'a Annotations) -> Self {
        let toks = &prep.toks;
        // The token each mention starts at (found by galloping on from the
        // last: a binary search each misses the cache on a long document).
        let mut cursor = Cursor::default();
        let mention_tok: Vec<usize> = ann
            .mentions
            .iter()
            .map(|m| cursor.seek(toks, m.span.start, |t, at| t.start() < at))
            .collect();
        let mut cursor = Cursor::default();
        let mention_quote = mention_tok
            .iter()
            .map(|&k| prep.quote_from(&mut cursor, k))
            .collect();
        let speakers = ann
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .filter_map(|q| Some((q.span, q.speaker?)))
            .collect();
        Context {
            text,
            prep,
            ann,
            genders: ann.entities.iter().map(|e| name_gender(&e.name)).collect(),
            mention_tok,
            mention_quote,
            speakers,
            last_para: text.len().saturating_sub(400),
        }
    }
}

/// The mentions before the current token, counted per actor.
struct Tally {
    actors: Vec<Actor>,
    /// The two most mentioned so far (the earlier first on a tie).
    top2: [Option<EntityId>; 2],
    /// Mentions before the current token.
    seen: usize,
}

impl Tally {
    fn new(entities: usize) -> Self {
        let actors = (0..entities)
            .map(|_| Actor {
                count: 0,
                last: None,
                male: 0,
                female: 0,
            })
            .collect();
        Tally {
            actors,
            top2: [None, None],
            seen: 0,
        }
    }

    /// Counts the mentions of `cx` that start before byte `start`.
    fn count_until(&mut self, cx: &Context, start: usize) {
        let (ann, actors) = (cx.ann, &mut self.actors);
        while self.seen < ann.mentions.len() && ann.mentions[self.seen].span.start < start {
            let m = ann.mentions[self.seen];
            let a = &mut actors[m.entity];
            a.count += 1;
            a.last = Some(self.seen);
            if m.form == MentionForm::Pronoun {
                match class_of(m.span.slice(cx.text)) {
                    Some("m") => a.male += 1,
                    Some("f") => a.female += 1,
                    _ => {}
                }
            }
            let top2 = &mut self.top2;
            if !top2.contains(&Some(m.entity)) {
                let last = top2[1].map_or(0, |x| actors[x].count);
                if actors[m.entity].count > last {
                    top2[1] = Some(m.entity);
                }
            }
            if let [Some(a), Some(b)] = *top2
                && actors[b].count > actors[a].count
            {
                *top2 = [Some(b), Some(a)];
            }
            if top2[0].is_none() {
                *top2 = [top2[1], None];
            }
            self.seen += 1;
        }
    }
}

/// A case found at a token, before its features.
struct Found {
    /// Its class (see [`class_of`]; "d" for a description).
    class: &'static str,
    /// Its last token.
    end: usize,
    /// A description's head noun.
    head: Option<String>,
    /// The entity the rules linked it to.
    rule: Option<EntityId>,
    span: Span,
}

/// The case at token `i`, if any, given `here`, the first mention not
/// ending before it: a rule's description or pronoun starting there
/// (decided again, unless the ranker never overrules the rules), or a
/// pronoun or description no mention covers. With a `ranker`, a
/// description whose head it does not know is no case.
fn case_at(
    cx: &Context,
    ranker: Option<&Ranker>,
    i: usize,
    here: Option<&Mention>,
) -> Option<Found> {
    let (text, toks) = (cx.text, &cx.prep.toks);
    let t = toks[i];
    let word = t.text(text);
    match here.filter(|m| m.span.start < t.end()) {
        Some(m)
            if m.span.start == t.start()
                && matches!(m.form, MentionForm::Pronoun | MentionForm::Role)
                && ranker.is_none_or(|r| r.0.drop_at <= 1000) =>
        {
            let end = i + toks[i..].partition_point(|x| x.end() <= m.span.end) - 1;
            let head = (m.form != MentionForm::Pronoun).then(|| {
                let last = m.span.slice(text).rsplit(' ').next().unwrap_or("");
                last.to_ascii_lowercase()
            });
            let class = match &head {
                Some(_) => "d",
                None => class_of(word).unwrap_or("o"),
            };
            Some(Found {
                class,
                end,
                head,
                rule: Some(m.entity),
                span: m.span,
            })
        }
        Some(_) => None,
        None => {
            let (class, end, head) = match class_of(word) {
                Some(c) => (c, i, None),
                None => {
                    let (end, head) = description_at(text, cx.prep, i)?;
                    ("d", end, Some(head))
                }
            };
            let span = Span::new(t.start(), toks[end].end());
            let overlaps = here.is_some_and(|m| m.span.start < span.end);
            let unknown = head
                .as_deref()
                .is_some_and(|h| ranker.is_some_and(|r| !r.knows(hash("dhead", h))));
            (!overlaps && !unknown).then_some(Found {
                class,
                end,
                head,
                rule: None,
                span,
            })
        }
    }
}

/// Where a case stands: its first token, its quotation and the speaker of
/// the direct quote around it.
struct Setting {
    i: usize,
    quote: Option<usize>,
    speaker: Option<EntityId>,
}

/// Gathers into `g` the features of the case alone ("none of them").
fn null_features(g: &mut Gather, cx: &Context, found: &Found, at: &Setting) {
    let (text, toks) = (cx.text, &cx.prep.toks);
    g.add(const { Name::new("0") }, "bias");
    g.add_ascii_lower(const { Name::new("0w") }, toks[at.i].text(text));
    g.add(
        const { Name::new("0q") },
        if at.quote.is_some() { "q" } else { "-" },
    );
    g.add(
        const { Name::new("0s") },
        if at.speaker.is_some() { "s" } else { "-" },
    );
    g.add(
        const { Name::new("0rule") },
        if found.rule.is_some() { "r" } else { "-" },
    );
    let next = toks.get(found.end + 1).map_or("", |t| t.text(text));
    g.add_ascii_lower(const { Name::new("0next") }, next);
    let prev = at.i.checked_sub(1).map_or("", |k| toks[k].text(text));
    g.add_ascii_lower(const { Name::new("0prev") }, prev);
    if let Some(h) = &found.head {
        g.add(const { Name::new("dhead") }, h);
    }
}

/// The candidates of a case into `ids`: the recent, the speaker, the
/// salient, and the rules' choice.
fn candidates(cx: &Context, tally: &Tally, found: &Found, at: &Setting, ids: &mut Vec<EntityId>) {
    let (ann, toks) = (cx.ann, &cx.prep.toks);
    ids.clear();
    let first_sent = toks[at.i].sent().saturating_sub(SENTENCES);
    let seen = tally.seen;
    // A byline's writer, named nowhere else so far, is no "he" or "she" of
    // the story.
    let writer = |e: EntityId| {
        matches!(found.class, "m" | "f")
            && tally.actors[e]
                .last
                .is_some_and(|m| in_byline(cx, cx.mention_tok[m]))
    };
    for m in ann.mentions[..seen]
        .iter()
        .zip(&cx.mention_tok[..seen])
        .rev()
    {
        if toks.get(*m.1).is_none_or(|mt| mt.sent() < first_sent) || ids.len() >= RECENT {
            break;
        }
        if !writer(m.0.entity) && !ids.contains(&m.0.entity) {
            ids.push(m.0.entity);
        }
    }
    for &e in tally
        .top2
        .iter()
        .flatten()
        .chain(at.speaker.iter())
        .chain(found.rule.iter())
    {
        if !writer(e) && !ids.contains(&e) {
            ids.push(e);
        }
    }
}

/// True when token `i` stands in a byline: a heading line opening with
/// "By" ("By Ann Lee, Health Correspondent").
fn in_byline(cx: &Context, i: usize) -> bool {
    let toks = &cx.prep.toks;
    cx.prep.in_heading(i)
        && toks
            .get(sentence_range(toks, i).start)
            .is_some_and(|t| t.text(cx.text) == "By")
}

/// Gathers into `g` the bias and agreement features of the candidate at
/// `rank`, given every candidate's `agreement` (see [`agreement`]) and how
/// many agreeing ones came before it (`agreeing`, counted on).
fn agreement_features(g: &mut Gather, agreement: &[&str], rank: usize, agreeing: &mut usize) {
    g.add(const { Name::new("bias") }, "1");
    let agree = agreement[rank];
    g.add(const { Name::new("agree") }, agree);
    if agree != "n" {
        g.add(const { Name::new("arank") }, bucket(*agreeing));
        let others = agreement.iter().filter(|x| **x != "n").count();
        g.add(
            const { Name::new("alone") },
            if others == 1 { "1" } else { "-" },
        );
        *agreeing += 1;
    }
}

/// Gathers into `g` the features of candidate `e` of a case, besides its
/// agreement: its kind and the model's evidence for it (`kev`), its rank,
/// how often and how recently it was mentioned, and what ties it to the
/// case's quotation, speaker, rule and head noun.
fn candidate_features(
    g: &mut Gather,
    cx: &Context,
    tally: &Tally,
    found: &Found,
    at: &Setting,
    (e, rank, kev): (EntityId, usize, &str),
) {
    let (ann, toks) = (cx.ann, &cx.prep.toks);
    let t = toks[at.i];
    let a = &tally.actors[e];
    let entity = &ann.entities[e];
    let kind = entity.kind.as_str();
    g.add(const { Name::new("kind") }, kind);
    g.add(const { Name::new("kev") }, kev);
    g.add(const { Name::new("rank") }, bucket(rank));
    g.add(const { Name::new("count") }, bucket(a.count));
    if tally.top2[0] == Some(e) {
        g.add(const { Name::new("top") }, "1");
    }
    let gender = match cx.genders[e] {
        Gender::Male => "m",
        Gender::Female => "f",
        Gender::Unknown => "-",
    };
    g.add(const { Name::new("gender") }, gender);
    g.add(const { Name::new("he") }, bucket(a.male));
    g.add(const { Name::new("she") }, bucket(a.female));
    if at.speaker == Some(e) {
        g.add(const { Name::new("speaker") }, kind);
    }
    if found.rule == Some(e) {
        g.add(const { Name::new("rule") }, kind);
    }
    if let Some(last) = a.last {
        let m = ann.mentions[last];
        let mt = cx.mention_tok[last];
        let d = t.sent() - toks.get(mt).map_or(0, |x| x.sent()).min(t.sent());
        g.add(const { Name::new("sdist") }, bucket(d));
        g.add(const { Name::new("form") }, m.form.as_str());
        let starts = mt == 0 || toks[mt - 1].sent() != toks[mt].sent();
        g.add(
            const { Name::new("lstart") },
            if starts { "s" } else { "-" },
        );
        let q = (at.quote.is_some(), cx.mention_quote[last].is_some());
        g.add(
            const { Name::new("quote") },
            ["--", "-q", "q-", "qq"][usize::from(q.0) * 2 + usize::from(q.1)],
        );
        if at.quote.is_some() && at.quote == cx.mention_quote[last] {
            g.add(const { Name::new("samequote") }, "1");
        }
    } else {
        g.add(const { Name::new("sdist") }, "far");
    }
    if entity
        .mentions
        .last()
        .is_some_and(|&m| ann.mentions[m].span.start >= cx.last_para)
    {
        g.add(const { Name::new("end") }, kind);
    }
    if let Some(h) = &found.head {
        head_features(g, entity, h);
    }
}

/// Gathers into `g` what ties `entity` to a description's head noun `h`:
/// the head by the entity's kind, and whether its name or a role holds it.
fn head_features(g: &mut Gather, entity: &Entity, h: &str) {
    g.add(
        match entity.kind {
            EntityKind::Person => const { Name::new("hk.person") },
            EntityKind::Organization => const { Name::new("hk.organization") },
            EntityKind::Place => const { Name::new("hk.place") },
        },
        h,
    );
    let named = entity.name.split(' ').any(|w| w.eq_ignore_ascii_case(h));
    let role = entity
        .roles
        .iter()
        .any(|r| r.split(' ').any(|w| w.eq_ignore_ascii_case(h)));
    if named {
        g.add(const { Name::new("inname") }, "1");
    }
    if role {
        g.add(const { Name::new("inrole") }, "1");
    }
}

/// Calls `f` on each case of `ann` over `text`, in order: pronouns and
/// descriptions, with their candidates (the rules' mentions of those forms
/// included, to be decided again). With a `ranker`, descriptions whose
/// head it does not know are left out (they were never linked in
/// training).
pub fn each_case(
    text: &str,
    prep: &Prepared,
    ann: &Annotations,
    kinds: Option<&Model>,
    ranker: Option<&Ranker>,
    f: &mut dyn FnMut(&Case),
) {
    let toks = &prep.toks;
    let cx = Context::new(text, prep, ann);
    let mut tally = Tally::new(ann.entities.len());
    // The kind evidence of each entity, found when first needed.
    let mut evidence: Vec<Option<&str>> = vec![None; ann.entities.len()];
    let mut covered = 0; // mentions ending at or before the current token
    let mut g = Gather::default();
    let mut case = Case {
        span: Span::new(0, 0),
        form: MentionForm::Pronoun,
        rule: None,
        null: Vec::new(),
        candidates: Vec::new(),
    };
    let mut ids: Vec<EntityId> = Vec::new();
    // Each candidate's agreement with the case (see [`agreement`]).
    let mut agreements: Vec<&str> = Vec::new();
    // The cases come in order: their quotation and speaker are found by
    // galloping on from the last case's.
    let (mut quote_cursor, mut speaker_cursor) = (Cursor::default(), Cursor::default());
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        tally.count_until(&cx, t.start());
        while covered < ann.mentions.len() && ann.mentions[covered].span.end <= t.start() {
            covered += 1;
        }
        let Some(found) = case_at(&cx, ranker, i, ann.mentions.get(covered)) else {
            i += 1;
            continue;
        };
        g.class = found.class;
        let spoken = speaker_cursor.seek(&cx.speakers, t.start(), |(s, _), at| s.start <= at);
        let at = Setting {
            i,
            quote: prep.quote_from(&mut quote_cursor, i),
            speaker: cx.speakers[..spoken]
                .last()
                .filter(|(s, _)| t.end() <= s.end)
                .map(|&(_, e)| e),
        };
        null_features(&mut g, &cx, &found, &at);
        g.recycle(&mut case);
        case.null = g.take();
        candidates(&cx, &tally, &found, &at, &mut ids);
        agreements.clear();
        agreements.extend(ids.iter().map(|&e| {
            agreement(
                found.class,
                &ann.entities[e],
                cx.genders[e],
                &tally.actors[e],
            )
        }));
        let mut agreeing = 0;
        for (rank, &e) in ids.iter().enumerate() {
            agreement_features(&mut g, &agreements, rank, &mut agreeing);
            let kev = *evidence[e].get_or_insert_with(|| kind_evidence(text, ann, kinds, e));
            candidate_features(&mut g, &cx, &tally, &found, &at, (e, rank, kev));
            let features = g.take();
            case.candidates.push((e, features));
        }
        case.span = found.span;
        case.form = if found.head.is_some() {
            MentionForm::Role
        } else {
            MentionForm::Pronoun
        };
        case.rule = found.rule;
        f(&case);
        i = found.end + 1;
    }
}

/// A case for training: its right choices (indices into its candidates;
/// none when "none of them" is right).
#[derive(Clone, Debug)]
pub struct Example {
    /// The case.
    pub case: Case,
    /// The right candidates (several when gloss split the actor).
    pub right: Vec<usize>,
}

/// A link model trained on `examples`: the choice among "none" and each
/// candidate of a case is a softmax over their scores, learned by
/// stochastic gradient descent in a fixed order. The model deciding at
/// `threshold` and overruling the rules at `overrule` (thousandths).
pub fn train(examples: &[Example], options: Options, threshold: u16, overrule: u16) -> LinkModel {
    let mut weights: BTreeMap<u32, f64> = BTreeMap::new();
    descend(examples.len(), options, |i, rate| {
        let ex = &examples[i];
        let choices: Vec<&[u32]> = std::iter::once(ex.case.null.as_slice())
            .chain(ex.case.candidates.iter().map(|(_, f)| f.as_slice()))
            .collect();
        let scores: Vec<f64> = choices
            .iter()
            .map(|f| f.iter().filter_map(|k| weights.get(k)).sum())
            .collect();
        let max = scores.iter().fold(f64::NEG_INFINITY, |m, &s| m.max(s));
        let e: Vec<f64> = scores.iter().map(|s| (s - max).exp()).collect();
        let sum: f64 = e.iter().sum();
        // The gradient of the log of the probability of the right
        // choices together.
        let is_right = |c: usize| match c {
            0 => ex.right.is_empty(),
            c => ex.right.contains(&(c - 1)),
        };
        let right_sum: f64 = (0..choices.len())
            .filter(|&c| is_right(c))
            .map(|c| e[c])
            .sum();
        for (c, f) in choices.iter().enumerate() {
            let target = if is_right(c) { e[c] / right_sum } else { 0.0 };
            let g = target - e[c] / sum;
            for k in *f {
                let w = weights.entry(*k).or_insert(0.0);
                *w += rate * (g - options.l2 * *w);
            }
        }
    });
    let kept = weights
        .into_iter()
        .filter(|(_, w)| w.abs() >= 1e-4)
        .map(|(k, w)| (k, [w]))
        .collect();
    Model::new(kept, threshold, overrule)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_model_loads() {
        embedded().expect("the embedded link model loads");
    }

    #[test]
    fn pronoun_classes() {
        assert_eq!(class_of("His"), Some("m"));
        assert_eq!(class_of("herself"), Some("f"));
        assert_eq!(class_of("its"), Some("n"));
        assert_eq!(class_of("our"), Some("w"));
        assert_eq!(class_of("I"), Some("i"));
        assert_eq!(class_of("the"), None);
    }

    #[test]
    fn descriptions_end_at_their_head() {
        let text = "Then the team won. The city council met. The old city of rain.";
        let toks = crate::annotate::segment::segment(text);
        let quotations = crate::annotate::quotations::Quotations::new(text, &toks);
        let prep = Prepared::new(text, toks, quotations);
        let at = |w: &str| {
            let b = text.find(w).expect("in the text");
            prep.toks
                .iter()
                .position(|t| t.start() == b)
                .expect("a token")
        };
        let head = |i| description_at(text, &prep, i).map(|(_, h)| h);
        assert_eq!(head(at("the team")).as_deref(), Some("team"));
        assert_eq!(head(at("The city")).as_deref(), Some("council"));
        assert_eq!(head(at("The old")).as_deref(), Some("city"));
    }

    #[test]
    fn a_tiny_ranking_is_learned_exactly() {
        let case = |null: &[u32], cands: &[&[u32]]| Case {
            span: Span::new(0, 1),
            form: MentionForm::Pronoun,
            rule: None,
            null: null.to_vec(),
            candidates: cands
                .iter()
                .enumerate()
                .map(|(i, f)| (i, f.to_vec()))
                .collect(),
        };
        // "he" (10) with an organization (12) and a person (11); "it" (20)
        // with the same (22, 21); 30: a pleonastic "it", no antecedent.
        let examples = [
            Example {
                case: case(&[10], &[&[12], &[11]]),
                right: vec![1],
            },
            Example {
                case: case(&[20], &[&[22], &[21]]),
                right: vec![0],
            },
            Example {
                case: case(&[20, 30], &[&[22], &[21]]),
                right: vec![],
            },
        ];
        let options = Options {
            epochs: 300,
            rate: 0.5,
            ..Options::default()
        };
        let model = train(&examples, options, 500, 500);
        let ranker = Ranker::new(model.clone());
        let chosen: Vec<_> = examples.iter().map(|e| ranker.choose(&e.case)).collect();
        assert_eq!(chosen, [Some(1), Some(0), None]);
        assert_eq!(
            model.to_bytes(LINKS),
            train(&examples, options, 500, 500).to_bytes(LINKS)
        );
    }

    #[test]
    fn cases_skip_names_and_list_recent_actors_first() {
        let text = "Angela Merkel met Acme Corp in Paris. She said the company would grow.";
        let (ann, prep) = crate::annotate::until_links(text, None, &mut |_| {});
        let found = cases(text, &prep, &ann, None, None);
        let she = found
            .iter()
            .find(|c| c.span.slice(text) == "She")
            .expect("she is a case");
        let names: Vec<&str> = she
            .candidates
            .iter()
            .map(|(e, _)| ann.entities[*e].name.as_str())
            .collect();
        assert_eq!(names.first(), Some(&"Paris"), "{names:?}");
        assert!(names.contains(&"Angela Merkel"), "{names:?}");
        assert!(found.iter().any(|c| c.span.slice(text) == "the company"));
        for c in &found {
            assert!(
                ann.mentions
                    .iter()
                    .all(|m| m.form != MentionForm::Name || !m.span.overlaps(c.span)),
                "{:?}",
                c.span
            );
        }
    }
}
