//! The frames of a verb cue: what follows the cue words and where the
//! committed or demanded content starts. Each matcher looks at the words
//! after the cue (from `k`, past any -ly adverbs) and says whether its frame
//! holds; [`verb_frame`] tries them in order.

use std::ops::Range;

use crate::annotate::acts::Doc;
use crate::annotate::learn::tagger::Tag;
use crate::annotate::words::{DETERMINERS, is_ly_adverb};
use crate::model::CommitmentKind;

/// What may follow a cue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Frames {
    pub to: bool,
    pub obj: bool,
    pub that: bool,
    pub np: bool,
    pub agent: bool,
    pub noun: bool,
    /// An intent for "I" or "we", no cue for one person in the third
    /// person.
    pub own: bool,
}

/// One cue of the lexicon.
#[derive(Debug)]
pub(super) struct Cue {
    pub kind: CommitmentKind,
    pub frames: Frames,
    /// The forms each token position may take.
    pub seq: Vec<Vec<&'static str>>,
}

/// Where a verb cue's trigger ends and its content starts, and what the
/// frame says about its actor and counterpart.
pub(super) struct Frame {
    /// The first token after the trigger.
    pub trigger_end: usize,
    /// The first token of the content.
    pub content_start: usize,
    /// True when the subject is the one asked or invited ("was told to"):
    /// the actor is someone else.
    pub passive_obj: bool,
    /// The phrase naming the one asked ("urged Kim to").
    pub object: Option<Range<usize>>,
    /// The agent of a passive named before "to" ("were advised by the
    /// council to").
    pub by_phrase: Option<Range<usize>>,
}

impl Frame {
    /// A frame whose trigger ends at `trigger_end` and content starts at
    /// `content_start`, with the subject as actor.
    fn new(trigger_end: usize, content_start: usize) -> Self {
        Frame {
            trigger_end,
            content_start,
            passive_obj: false,
            object: None,
            by_phrase: None,
        }
    }
}

/// The cue matched at tokens `i..end` and what follows it, for one frame.
struct At<'d, 'a> {
    doc: &'d Doc<'a>,
    cue: &'d Cue,
    /// The first token after the cue words.
    end: usize,
    /// The first token after the cue words and any -ly adverbs.
    k: usize,
    /// True when a form of "be" stands before the cue ("was asked").
    passive: bool,
}

impl At<'_, '_> {
    /// True when token `t` is "to" before a verb (a word, no determiner
    /// and no number: "passed by 31 votes to 19"), which may open a
    /// quotation ("asked the society to “think again”").
    fn to_verb(&self, t: usize) -> bool {
        let doc = self.doc;
        let v = if matches!(doc.low(t + 1), "\"" | "“") {
            t + 2
        } else {
            t + 1
        };
        doc.low(t) == "to"
            && doc.is_word(v)
            && !DETERMINERS.contains(doc.low(v))
            && !doc.low(v).starts_with(|c: char| c.is_ascii_digit())
    }
}

/// The frame of the verb cue matched at tokens `i..end`, trying in order:
/// cue + to ([`to_verb`]), a passive directive ([`passive_to`],
/// [`passive_by_to`]), object + to ([`object_to`]), that + clause
/// ([`that_clause`]) and a phrase ([`phrase`]). None when no frame holds,
/// or when a passive cue that takes no object stands before "to" ("is
/// expected to": someone else's view).
pub(super) fn verb_frame(doc: &Doc, cue: &Cue, i: usize, end: usize) -> Option<Frame> {
    let mut k = end;
    while is_ly_adverb(doc.low(k)) {
        k += 1;
    }
    // "was also told by the judge to …": a passive past an adverb.
    let mut p = i;
    while p > 0 && (matches!(doc.low(p - 1), "also" | "still") || is_ly_adverb(doc.low(p - 1))) {
        p -= 1;
    }
    let prev = p.checked_sub(1).map_or("", |p| doc.low(p));
    let at = At {
        doc,
        cue,
        end,
        k,
        // "was demanding a rise" is progressive, not passive.
        passive: matches!(
            prev,
            "was" | "were" | "is" | "are" | "be" | "been" | "being"
        ) && !doc.low(i).ends_with("ing"),
    };
    if let Some(frame) = to_verb(&at) {
        return (!at.passive || cue.frames.obj).then_some(frame);
    }
    passive_to(&at)
        .or_else(|| passive_by_to(&at))
        .or_else(|| passive_by_that(&at))
        .or_else(|| object_to(&at))
        .or_else(|| that_clause(&at))
        .or_else(|| phrase(&at))
}

/// A commissive, intent or directive verb + to + verb ("pledged to
/// rebuild", "plans to strike"), with at most a short phrase of time,
/// place or partner before "to" ("pledged on Tuesday to provide", "agreed
/// with Seoul to open", "promised in 2023 to publish", "vowed at his first
/// meeting to cut"): the trigger takes the "to" when nothing stands
/// between. After such a phrase the verb after "to" is lowercase ("wrote
/// in a letter to Smith" is no promise to act).
fn to_verb(at: &At) -> Option<Frame> {
    if !(at.cue.frames.to || at.cue.frames.agent) {
        return None;
    }
    let (doc, k) = (at.doc, at.k);
    let to = (k..k + 6)
        .take_while(|&t| doc.is_word(t))
        .find(|&t| at.to_verb(t))
        .filter(|&t| {
            t == k
                || (matches!(
                    doc.low(k),
                    "on" | "last" | "this" | "next" | "earlier" | "again" | "with"
                ) && t < k + 4)
                || (matches!(doc.low(k), "in" | "at" | "during" | "after" | "before")
                    && doc.word(t + 1).starts_with(char::is_lowercase))
        })?;
    Some(if to == k {
        Frame::new(k + 1, k + 1)
    } else {
        Frame::new(at.end, to + 1)
    })
}

/// An agentless passive directive: "was told to leave", "were asked to
/// wait", "were asked not to water" (the content keeps its "not", as
/// after an object). The subject is the one asked, not the actor.
fn passive_to(at: &At) -> Option<Frame> {
    if !(at.cue.frames.obj && at.passive) {
        return None;
    }
    // "were told on Thursday night to boil": a phrase of time may stand
    // before "to".
    let k = at.doc.after_time_phrase(at.k);
    let frame = if at.to_verb(k) {
        if k == at.k {
            Frame::new(k + 1, k + 1)
        } else {
            Frame::new(at.end, k + 1)
        }
    } else if at.doc.low(k) == "not" && at.to_verb(k + 1) {
        Frame::new(at.end, k)
    } else {
        return None;
    };
    Some(Frame {
        passive_obj: true,
        ..frame
    })
}

/// A passive directive with its agent before "to": "were advised by the
/// council to stay indoors", "were urged by the chairman, Martin Greaves,
/// to wait" (the agent with its apposition).
fn passive_by_to(at: &At) -> Option<Frame> {
    if !(at.cue.frames.obj && at.passive && at.doc.low(at.k) == "by") {
        return None;
    }
    let doc = at.doc;
    let np = doc.agent_after_by(at.k)?;
    // The agent, and the "to" after it.
    let (agent, to) = match doc.np_after(np.end + 1) {
        Some(appos) if doc.low(np.end) == "," && doc.low(appos.end) == "," => {
            (np.start..appos.end, appos.end + 1)
        }
        _ => (np.clone(), np.end),
    };
    at.to_verb(to).then(|| Frame {
        passive_obj: true,
        by_phrase: Some(agent),
        ..Frame::new(at.end, to + 1)
    })
}

/// A passive cue with its agent before a that-clause: "were promised by
/// the company that visits would resume". The subject is the one promised
/// or asked; the agent acts.
fn passive_by_that(at: &At) -> Option<Frame> {
    if !(at.cue.frames.that && at.passive && at.doc.low(at.k) == "by") {
        return None;
    }
    let np = at.doc.agent_after_by(at.k)?;
    (at.doc.low(np.end) == "that").then(|| Frame {
        passive_obj: true,
        by_phrase: Some(np.clone()),
        ..Frame::new(at.end, np.end + 1)
    })
}

/// A directive with its object: "asked/urged/called on X to …", also past
/// a phrase of time ("asked the mayor on Monday to …"), and "asked the
/// mayor not to raise fees" (the content keeps its "not"). An object
/// that holds a clause ("told investors the carmaker expected …") is no
/// object.
fn object_to(at: &At) -> Option<Frame> {
    if !at.cue.frames.obj {
        return None;
    }
    let doc = at.doc;
    let mut np = doc.np_after(at.k)?;
    // "urged Kim and her staff not to strike": coordinated objects, when
    // "to" + a verb follows the second.
    if doc.low(np.end) == "and"
        && let Some(second) = doc.np_after(np.end + 1)
        && (at.to_verb(second.end) || (doc.low(second.end) == "not" && at.to_verb(second.end + 1)))
    {
        np = np.start..second.end;
    }
    if holds_clause(doc, &np) {
        return None;
    }
    // "asked the board in February to …": a phrase of time may stand
    // between the object and "to" + a lowercase verb.
    let timed = doc.after_time_phrase(np.end);
    let content = if at.to_verb(np.end) {
        np.end + 1
    } else if let Some(to) = object_extended(at, &np) {
        return Some(Frame {
            object: Some(np.start..to),
            ..Frame::new(at.end, to + 1)
        });
    } else if timed > np.end
        && at.to_verb(timed)
        && doc.word(timed + 1).starts_with(char::is_lowercase)
    {
        timed + 1
    } else {
        (doc.low(np.end) == "not" && at.to_verb(np.end + 1)).then_some(np.end)?
    };
    Some(Frame {
        object: Some(np),
        ..Frame::new(at.end, content)
    })
}

/// For an object `np` that goes on past its first phrase before "to" + a
/// lowercase verb: the "to". The object may hold a prepositional phrase
/// ("urged other providers in the region to …"), a second phrase after
/// "and" opening with a determiner or a capital ("asked the union and the
/// company to …") or a short relative clause ("urged anyone who owns one
/// to …"); words only, at most eight of them, and no subject pronoun (which
/// would open a clause: "told reporters he wants to …").
fn object_extended(at: &At, np: &Range<usize>) -> Option<usize> {
    let doc = at.doc;
    let e = np.end;
    // "asked the finance minister, Tomas Varga, to …": a name in apposition
    // between commas.
    if doc.low(e) == ","
        && let Some(app) = doc.np_after(e + 1)
        && doc.low(app.end) == ","
        && at.to_verb(app.end + 1)
    {
        return doc
            .word(app.end + 2)
            .starts_with(char::is_lowercase)
            .then_some(app.end + 1);
    }
    let opens = match doc.low(e) {
        "in" | "of" | "at" | "for" | "from" | "on" | "with" | "who" => true,
        "and" => {
            DETERMINERS.contains(doc.low(e + 1)) || doc.word(e + 1).starts_with(char::is_uppercase)
        }
        _ => false,
    };
    if !opens {
        return None;
    }
    let relative = doc.low(e) == "who";
    let to = (e + 1..e + 9)
        .take_while(|&k| {
            doc.is_word(k)
                && !matches!(
                    doc.low(k),
                    "he" | "she" | "they" | "we" | "i" | "it" | "that"
                )
                && (relative || !doc.tag(k).is_verbal() || doc.low(k) == "to")
        })
        .find(|&k| at.to_verb(k))?;
    doc.word(to + 1)
        .starts_with(char::is_lowercase)
        .then_some(to)
}

/// A cue + that + clause: "demanded that wages rise". A passive cue ("were
/// promised that …") has an actor who is not the subject.
fn that_clause(at: &At) -> Option<Frame> {
    (at.cue.frames.that && at.doc.low(at.k) == "that").then(|| Frame {
        passive_obj: at.passive,
        ..Frame::new(at.end, at.k + 1)
    })
}

/// A cue + phrase: "called for lower taxes", "pledged $2 million". A
/// passive cue ("was invited to the fair", "we were promised a park", "were
/// asked for their views") has an actor who is not the subject.
fn phrase(at: &At) -> Option<Frame> {
    let doc = at.doc;
    let k = at.k;
    if !at.cue.frames.np {
        return None; // before the tags below, which cost a tagged sentence
    }
    // "a rule they can plan around": a preposition or adverb right after a
    // one-word cue opens no phrase of its content (but "invited to the fair").
    let opens_phrase = doc.is_mark(k)
        || matches!(doc.low(k), "$" | "£" | "€" | "¥")
        || (doc.is_word(k)
            && (at.cue.seq.len() > 1
                || doc.low(k) == "to"
                || !matches!(doc.tag(k), Tag::Adp | Tag::Adv | Tag::Part)));
    // "signed a treaty on Tuesday that sets …": the content is what the
    // treaty does, not when it was signed.
    let start = if at.cue.seq.len() > 1 {
        doc.after_time_phrase(k)
    } else {
        k
    };
    opens_phrase.then(|| Frame {
        passive_obj: at.passive,
        ..Frame::new(at.end, start)
    })
}

/// True when the phrase `np` after a directive verb is really an object and
/// a clause ("told investors the carmaker expected growth to slow", "told
/// reporters she plans to run"): a verb in -ed inside it, a subject pronoun
/// after its first word, or a determiner right after a plain word (not
/// after "and"/"or", which coordinate two objects: "ordered the bank and
/// the insurer to pay").
fn holds_clause(doc: &Doc, np: &Range<usize>) -> bool {
    (np.start + 1..np.end).any(|k| {
        let w = doc.low(k);
        let prev = doc.low(k - 1);
        doc.is_past_form(k)
            || matches!(w, "he" | "she" | "they" | "we" | "i" | "it")
            || (matches!(w, "the" | "a" | "an")
                && doc.is_word(k - 1)
                && !DETERMINERS.contains(prev)
                && !matches!(
                    prev,
                    "of" | "for"
                        | "at"
                        | "in"
                        | "on"
                        | "with"
                        | "from"
                        | "by"
                        | "to"
                        | "and"
                        | "or"
                ))
    })
}
