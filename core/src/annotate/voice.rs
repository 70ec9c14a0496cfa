//! The text's own voice in interviews, speeches and letters.
//!
//! News reports speech between quotation marks; other genres are speech
//! themselves. An interview's turns (after "Q:"/"A:" or speaker labels such
//! as "PIKE:"), a speech under a title naming its speaker ("Address by
//! President Ann Lee to …") and a letter from its salutation ("Dear Mr.
//! Pryce,") to its closing ("Yours sincerely,") are each spoken by one
//! person. In such a passage, outside quotation marks, "I", "me" and "my"
//! are that person; "we", "us" and "our" the organisation the person speaks
//! for, when the text names it with the person's role ("Ann Lee, chief
//! executive of Acme"); and "you" the person addressed: the interviewee in
//! the interviewer's turns, the addressee named in a letter's salutation.
//! Speaker labels become name mentions of their speaker. A text with none
//! of these markers (news) is left as it is.

use std::sync::LazyLock;

use crate::annotate::acts::{Doc, Prepared, Turn};
use crate::annotate::affiliation::{speaks_for, within};
use crate::annotate::first_person;
use crate::annotate::learn::tagger::Tag;
use crate::annotate::lexicon::{LEXICON, set};
use crate::annotate::segment::{Line, lines_from};
use crate::annotate::words::{AUXILIARIES, DETERMINERS, WordSet, is_letter_closing, title_case};
use crate::model::{
    Annotations, Entity, EntityId, EntityKind, Mention, MentionForm, QuoteKind, Span,
};

/// Nouns opening a speech's title ("Remarks by …").
static SPEECH_TITLES: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/speech_titles.txt")));

/// Fewest speaker-label lines that make a text a transcript.
const MIN_LABELS: usize = 3;

/// Longest line read as a salutation, in bytes.
const MAX_SALUTATION: usize = 80;

/// The line of `text` holding byte `at`.
fn line_at(text: &str, at: usize) -> Line<'_> {
    let start = text
        .get(..at)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |n| n + 1);
    let end = text
        .get(at..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |n| at + n);
    Line::new(start, text.get(start..end).unwrap_or(""))
}

/// Finds the voiced passages of `text` (annotated as `ann`, prepared as
/// `prep`), adds a mention of its speaker for each speaker label and the
/// voice's pronouns to `ann`, and records the passages in `prep` for the
/// commitment stage.
pub fn apply(text: &str, prep: &mut Prepared, ann: &mut Annotations) {
    let lines = label_lines(text);
    if let Some(lines) = &lines {
        name_label_speakers(lines, ann);
    }
    let (turns, labels) = match lines.and_then(|lines| transcript(text, lines, ann)) {
        Some(found) => found,
        None => (
            speech(text, ann)
                .or_else(|| letter(text, ann))
                .into_iter()
                .collect(),
            Vec::new(),
        ),
    };
    if turns.is_empty() {
        return;
    }
    let mut added = labels;
    // Each speaker's organisation, found once.
    let mut orgs: Vec<(EntityId, Option<EntityId>)> = Vec::new();
    for turn in &turns {
        let org = turn
            .speaker
            .and_then(|s| match orgs.iter().find(|o| o.0 == s) {
                Some(o) => o.1,
                None => {
                    let org = speaks_for(text, &prep.toks, ann, s);
                    orgs.push((s, org));
                    org
                }
            });
        pronouns(text, prep, ann, turn, org, &mut added);
    }
    if !added.is_empty() {
        added.sort_unstable_by_key(|m| m.span.start);
        let replaced = |m: &Mention| {
            added
                .binary_search_by_key(&m.span.start, |a| a.span.start)
                .is_ok_and(|k| added[k].span == m.span)
        };
        let mut mentions: Vec<Mention> = ann
            .mentions
            .iter()
            .filter(|m| !replaced(m))
            .copied()
            .collect();
        first_person::merge(&mut mentions, added);
        first_person::set(ann, mentions);
    }
    prep.set_voice(turns);
    requote(text, prep, ann);
}

/// Words that may open a sentence before its imperative ("First, reopen
/// …", "So please write …").
const BEFORE_IMPERATIVE: [&str; 18] = [
    "first", "second", "third", "fourth", "fifth", "finally", "lastly", "then", "so", "and",
    "please", "now", "also", "today", "tonight", "tomorrow", "here", ",",
];

/// Most words of a vocative before an imperative ("Ladies and gentlemen,
/// ask me …").
const MAX_VOCATIVE: usize = 6;

/// The turn and the content's end (a token) of the imperative at token
/// `i`, a demand the text's own voice makes on its addressee: in a passage
/// whose speaker is known, outside quotation marks, a base-form verb
/// opening a sentence (see [`imperative_from`]).
pub fn imperative<'d>(doc: &'d Doc, i: usize) -> Option<(&'d Turn, usize)> {
    if !may_open_imperative(doc, i) {
        return None;
    }
    let turn = doc.voiced(i).filter(|t| t.speaker.is_some())?;
    let floor = doc.toks.partition_point(|t| t.start() < turn.span.start);
    let end = imperative_from(doc, i, floor, doc.toks.len())?;
    Some((turn, end))
}

/// The content's end (a token) of an imperative at token `i` inside
/// the quotation `quote` (an index into the marks: "Leave by Christmas
/// or pay more," he wrote): a base-form verb opening the quotation or a sentence within it (see
/// [`imperative_from`]), when the quotation opens with a capital, as
/// quoted sentences do (a quoted fragment, "would not be "bought off"",
/// does not).
pub fn quoted_imperative(doc: &Doc, i: usize, quote: usize) -> Option<usize> {
    if !may_open_imperative(doc, i) {
        return None;
    }
    let inner = doc.marks.get(quote)?.inner;
    let floor = doc.toks.partition_point(|t| t.start() < inner.start);
    let stop = doc.toks.partition_point(|t| t.start() < inner.end);
    if floor >= stop || !doc.word(floor).starts_with(char::is_uppercase) {
        return None;
    }
    imperative_from(doc, i, floor, stop)
}

/// True when token `i` stands where an imperative may open (see
/// [`imperative_from`]): first in its sentence, after a mark (a quotation
/// mark, a colon, a vocative's comma), after "and"/"or", or after a word
/// that may open a sentence before it. A cheap test, made per token before
/// the dearer ones.
pub fn may_open_imperative(doc: &Doc, i: usize) -> bool {
    i == 0 || doc.starts_sentence(i) || !doc.is_word(i - 1) || {
        let prev = doc.low(i - 1);
        matches!(prev, "and" | "or") || BEFORE_IMPERATIVE.contains(&prev)
    }
}

/// The content's end (a token) of the imperative at token `i` in a
/// stretch of tokens from `floor` to `stop` (a turn, a quotation): a
/// base-form verb opening a sentence there that is no question (after at
/// most sequence words such as "First," or "Please", a vocative and a
/// comma, or a colon), or joined by "and" or "or" to such a verb ("… and
/// staff it"). Its content runs to its clause's end or the next joined
/// imperative.
fn imperative_from(doc: &Doc, i: usize, floor: usize, stop: usize) -> Option<usize> {
    let sentence = doc.whole_sentence(i);
    let sentence_end = sentence.end.min(stop);
    let last = sentence_end.checked_sub(1)?;
    if doc.low(last) == "?" {
        return None;
    }
    // The sentence's first token in the stretch (after a speaker label).
    let first = sentence.start.max(floor);
    let opens = |v: usize| {
        first <= v && {
            let before = first..v;
            before.clone().all(|k| BEFORE_IMPERATIVE.contains(&doc.low(k)))
                // "I say to them: keep singing".
                || (v > first && doc.low(v - 1) == ":")
                || (v > first
                    && doc.low(v - 1) == ","
                    && v - 1 - first <= MAX_VOCATIVE
                    && (first..v - 1).all(|k| {
                        !matches!(doc.tag(k), Tag::Verb | Tag::Aux | Tag::Pron) && doc.low(k) != ","
                    }))
        }
    };
    let joins = |k: usize| matches!(doc.low(k), "and" | "or");
    // Where it stands is cheaper to test than what it is (the tags), so
    // that comes first.
    let joined =
        || i > first && joins(i - 1) && (first..i - 1).any(|v| base_verb(doc, v) && opens(v));
    if !(opens(i) || joined()) || !base_verb(doc, i) {
        return None;
    }
    let mut end = doc.act_end(i).min(sentence_end);
    if let Some(k) = (i + 1..end).find(|&k| joins(k) && base_verb(doc, k + 1)) {
        end = k;
        while end > i + 1 && !doc.is_word(end - 1) {
            end -= 1;
        }
    }
    Some(end)
}

/// True when the lowercase word `w` is a function word ("in", "into"),
/// which the list holds capitalised.
fn is_function_word(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(|first| {
        let cap: String = first.to_uppercase().chain(chars).collect();
        LEXICON.function_words.contains(cap.as_str())
    })
}

/// True when token `i` is a verb in its base form: tagged a verb (or an
/// adjective right before a determiner, which only a verb can be there:
/// "open the ward", "clear a backlog"), not a participle or a past form,
/// not a word that may open a sentence before its imperative ("today",
/// "then"), and not one of the verbs of courtesy or of suggestion that
/// open a sentence without demanding ("Thank you", "Let us").
fn base_verb(doc: &Doc, i: usize) -> bool {
    let w = doc.low(i);
    // A participle ("-ing", "-ed" past "need") or a contraction ("let's").
    let inflected = w.ends_with("ing") || w.ends_with("'s") || (w.ends_with("ed") && w.len() > 4);
    // What the word alone rules out is tested before its tag, which costs
    // tagging the sentence: a determiner or a pronoun is never an
    // imperative either.
    if inflected
        || DETERMINERS.contains(w)
        || matches!(w, "i" | "we" | "you" | "he" | "she" | "it" | "they")
        || BEFORE_IMPERATIVE.contains(&w)
        || matches!(
            w,
            "let" | "let's" | "thank" | "thanks" | "welcome" | "do" | "be" | "have" | "say"
        )
    {
        return false;
    }
    let next = if i + 1 < doc.toks.len() {
        doc.low(i + 1)
    } else {
        ""
    };
    match doc.tag(i) {
        Tag::Verb => true,
        // A preposition that is no function word is a tagging slip too
        // ("First, open a formal inquiry").
        Tag::Adj | Tag::Adp if next != "that" && DETERMINERS.contains(next) => !is_function_word(w),
        // A capitalised word that names nothing, opening a quotation before
        // a preposition, is a verb too ("\"Leave by Christmas\"").
        Tag::Propn
            if doc.quote(i).is_some()
                && doc.tag(i.saturating_sub(1)) == Tag::Punct
                && doc.is_word(i + 1)
                && doc.tag(i + 1) == Tag::Adp =>
        {
            w.chars().all(char::is_alphabetic) && doc.ann.mention_at(doc.toks[i].start()).is_none()
        }
        // So is a noun, a preposition or an auxiliary that is no function
        // word or auxiliary, in the singular, before a word that is no verb
        // or noun ("First, ban no-fault evictions", "Second, order Acme to
        // pay"), and a capitalised word that names nothing before a
        // determiner ("Close the depot"): a noun opening a sentence would be
        // followed by its verb or by the rest of a compound.
        tag @ (Tag::Noun | Tag::Propn | Tag::Aux | Tag::Adp) => {
            let next_tag = if doc.is_word(i + 1) {
                doc.tag(i + 1)
            } else {
                Tag::Punct
            };
            let fits = match tag {
                Tag::Propn => next_tag == Tag::Det,
                _ => !matches!(next_tag, Tag::Verb | Tag::Noun | Tag::Punct),
            };
            fits && w.chars().all(char::is_alphabetic)
                && !w.ends_with('s')
                && !AUXILIARIES.contains(w)
                && !is_function_word(w)
                && !AUXILIARIES.contains(next)
                && !matches!(next, "of" | "and" | "or")
                && doc.ann.mention_at(doc.toks[i].start()).is_none()
        }
        _ => false,
    }
}

/// The quotes of `ann` reported in the text's own voice (their cue in a
/// passage of `prep`'s voice) by a pronoun the quote stage could not
/// resolve: the voice reporting its own words ("I have told the trust that
/// …") is no quote, and dropped, but its own words in quotation marks are
/// its speaker's quote; a "you" ("Last year you said …") is the
/// passage's addressee. A "he" or "she" speaking in a passage ("He told
/// our conference, …") is neither its voice nor whom it addresses or
/// answers: it is resolved again knowing the voice.
fn requote(text: &str, prep: &Prepared, ann: &mut Annotations) {
    let toks = &prep.toks;
    let resolved: Vec<(usize, Option<EntityId>, Option<String>)> = {
        let doc = Doc::new(text, ann, prep);
        ann.quotes
            .iter()
            .enumerate()
            .filter_map(|(n, q)| {
                let (e, cue) = (q.speaker?, q.cue?);
                let at = toks.partition_point(|t| t.start() < cue.start);
                let turn = prep.voiced(at)?;
                let own = [turn.speaker, turn.addressee, turn.partner].contains(&Some(e));
                let p = at.checked_sub(1)?;
                (own && matches!(doc.low(p), "he" | "she")).then(|| {
                    let a = doc.resolve_pronoun(p);
                    (n, a.entity, a.name)
                })
            })
            .collect()
    };
    for (n, entity, name) in resolved {
        ann.quotes[n].speaker = entity;
        ann.quotes[n].speaker_name = name;
    }
    ann.quotes.retain_mut(|q| {
        let (Some(cue), None, Some(name)) = (q.cue, q.speaker, q.speaker_name.as_deref()) else {
            return true;
        };
        let at = toks.partition_point(|t| t.start() < cue.start);
        let Some(turn) = prep.voiced(at) else {
            return true;
        };
        let last = name.rsplit(' ').next().unwrap_or(name).to_ascii_lowercase();
        // "I'll", "we'd", "I've": the pronoun before its contracted auxiliary.
        match crate::annotate::words::before_apostrophe(&last) {
            // Its own earlier words in quotation marks ("As I told the
            // panel in October, “…”") are quoted, by the passage's speaker;
            // not what it says now ("I say this: “…”").
            "i" | "we" if q.kind == QuoteKind::Direct && earlier(cue.slice(text)) => {
                if let Some(e) = turn.speaker {
                    q.speaker = Some(e);
                    q.speaker_name = None;
                }
                true
            }
            // "Let me say that …": the voice speaking now, as "I say".
            "i" | "we" | "me" | "us" => false,
            "you" => {
                if let Some(e) = turn.addressee {
                    q.speaker = Some(e);
                    q.speaker_name = None;
                }
                true
            }
            _ => true,
        }
    });
}

/// True when the speech verb `cue` tells of speech before now: a past
/// form ("told", "said", "wrote", "warned"), not a present one ("say",
/// "ask", "tell").
fn earlier(cue: &str) -> bool {
    let w = cue.to_ascii_lowercase();
    w.ends_with("ed") || matches!(w.as_str(), "said" | "told" | "wrote" | "spoke")
}

/// The speaker label opening `line` ("PIKE", "Q", "DR. LEE"): capitals,
/// spaces, periods, apostrophes and hyphens before a colon and a space.
fn label(line: &str) -> Option<&str> {
    let (head, rest) = line.split_once(':')?;
    let fits = !head.is_empty()
        && head.len() <= 24
        && head.starts_with(|c: char| c.is_ascii_uppercase())
        && head
            .chars()
            .all(|c| c.is_ascii_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-'))
        && (rest.is_empty() || rest.starts_with(' '));
    fits.then_some(head)
}

/// The person entity a speaker label names: the one whose name ends in the
/// label's last word ("PIKE" → "Dan Pike").
fn labelled(ann: &Annotations, label: &str) -> Option<EntityId> {
    let last = label.split([' ', '.']).rfind(|w| !w.is_empty())?;
    if last.len() < 2 {
        return None;
    }
    ann.entities.iter().position(|e| {
        e.kind == EntityKind::Person
            && e.name
                .split_whitespace()
                .last()
                .is_some_and(|w| w.eq_ignore_ascii_case(last))
    })
}

/// The turns of an interview set out as a transcript (its
/// `labelled_lines`, see [`label_lines`]), and a name mention for each
/// label that names a person. The
/// first speaker asks; the other who speaks most is the interviewee, whom
/// every other speaker's "you" addresses (the host's, a caller's, each
/// reporter's at a press conference), and whose answers answer the last
/// of them who spoke. With "Q:"/"A:" the answers are the
/// interviewee's: the first person the text names outside quotation marks
/// and bylines before the first turn.
fn transcript(
    text: &str,
    labelled_lines: Vec<(Line, &str)>,
    ann: &Annotations,
) -> Option<(Vec<Turn>, Vec<Mention>)> {
    let first = labelled_lines.first()?;
    let interviewee_named = first_person_named(text, ann, first.0.span.start);
    let speaker_of = |h: &str| match h {
        "Q" => None,
        "A" => interviewee_named,
        _ => labelled(ann, h),
    };
    let asker = speaker_of(first.1);
    // The interviewee: of the other speakers, the one with the most turns.
    let mut counts: Vec<(EntityId, usize)> = Vec::new();
    for (_, h) in &labelled_lines {
        if let Some(e) = speaker_of(h).filter(|&e| Some(e) != asker) {
            match counts.iter_mut().find(|(c, _)| *c == e) {
                Some(c) => c.1 += 1,
                None => counts.push((e, 1)),
            }
        }
    }
    let interviewee = counts.iter().rev().max_by_key(|(_, n)| *n).map(|&(e, _)| e);
    let mut turns = Vec::new();
    let mut labels = Vec::new();
    // Who spoke last to the interviewee: whom the next answer answers.
    let mut last_asker = None;
    for (n, &(line, h)) in labelled_lines.iter().enumerate() {
        let head = line.trimmed_start;
        let body_start = head + h.len() + 1;
        let end = labelled_lines
            .get(n + 1)
            .map_or(text.len(), |(next, _)| next.span.start);
        let speaker = speaker_of(h);
        if let Some(e) = speaker.filter(|_| !matches!(h, "Q" | "A")) {
            let span = Span::new(head, head + h.len());
            if ann.mention_at(span.start).is_none() && ann.mention_at(span.end - 1).is_none() {
                labels.push(Mention {
                    span,
                    form: MentionForm::Name,
                    entity: e,
                });
            }
        }
        let answers = speaker.is_some() && speaker == interviewee;
        turns.push(Turn {
            span: Span::new(body_start.min(end), end),
            speaker,
            addressee: if answers { None } else { interviewee },
            partner: if answers {
                last_asker.or(asker)
            } else {
                interviewee
            },
        });
        if !answers && speaker.is_some() {
            last_asker = speaker;
        }
    }
    Some((turns, labels))
}

/// The lines of a transcript that open with a speaker label, with their
/// labels: None unless there are [`MIN_LABELS`] such lines at least, with
/// two labels at least.
fn label_lines(text: &str) -> Option<Vec<(Line<'_>, &str)>> {
    let lines: Vec<(Line, &str)> = lines_from(text, 0)
        .filter_map(|l| label(l.trimmed).map(|h| (l, h)))
        .collect();
    let first = lines.first()?.1;
    (lines.len() >= MIN_LABELS && lines.iter().any(|(_, h)| *h != first)).then_some(lines)
}

/// Gives each speaker label of a transcript (its `lines`, see
/// [`label_lines`]) that names no person of `ann` a person ("MAYOR
/// DELANEY:" → Delaney, the mayor): the entity the label's own words were
/// read as (a place or a body, by their capitals alone) becomes that
/// person, or else a new one is added. Labels of a role ("HOST:",
/// "CALLER:") or a single letter name nobody.
fn name_label_speakers(lines: &[(Line, &str)], ann: &mut Annotations) {
    for &(line, h) in lines {
        if labelled(ann, h).is_some() {
            continue;
        }
        let cased = title_case(h);
        let words: Vec<&str> = cased.split(' ').filter(|w| !w.is_empty()).collect();
        let titled = words
            .iter()
            .take_while(|w| LEXICON.titles.contains_key(**w))
            .count();
        let common = |w: &&str| {
            let low = w.trim_end_matches('.').to_lowercase();
            LEXICON.role_nouns.contains(low.as_str()) || LEXICON.function_words.contains(*w)
        };
        let Some(last) = words[titled..].last() else {
            continue;
        };
        if last.trim_end_matches('.').chars().count() < 2 || words[titled..].iter().any(common) {
            continue;
        }
        let name = words[titled..].join(" ");
        let roles: Vec<String> = (titled > 0)
            .then(|| words[..titled].join(" "))
            .into_iter()
            .collect();
        let at = line.trimmed_start;
        let read = ann
            .mention_at(at)
            .or_else(|| ann.mention_at(at + h.len() - 1))
            .map(|m| ann.mentions[m].entity);
        match read {
            Some(e) if ann.entities[e].kind != EntityKind::Person => {
                let x = &mut ann.entities[e];
                x.kind = EntityKind::Person;
                x.name = name;
                x.roles = roles;
            }
            Some(_) => {}
            None => ann.entities.push(Entity {
                kind: EntityKind::Person,
                name,
                roles,
                mentions: Vec::new(),
            }),
        }
    }
}

/// The first person `ann` names in `text` before byte `before`, outside
/// quotation marks and bylines ("Interview by …").
fn first_person_named(text: &str, ann: &Annotations, before: usize) -> Option<EntityId> {
    let byline = |at: usize| {
        let l = line_at(text, at);
        let low = l.trimmed.to_ascii_lowercase();
        low.starts_with("by ") || low.contains(" by ") && l.trimmed.len() < 60
    };
    let quoted = |m: &Mention| {
        let l = line_at(text, m.span.start);
        let upto = text.get(l.span.start..m.span.start).unwrap_or("");
        upto.matches(['"', '“', '”']).count() % 2 == 1
    };
    within(ann, Span::new(0, before))
        .find(|m| {
            m.form == MentionForm::Name
                && ann.entities[m.entity].kind == EntityKind::Person
                && !byline(m.span.start)
                && !quoted(m)
        })
        .map(|m| m.entity)
}

/// Where, in the lowercase title `low`, the speaker of a speech is named:
/// just after its opening noun of [`SPEECH_TITLES`] and "by" or "of"
/// ("remarks by …", "keynote address of …"), or after a later " by "
/// when the noun is followed by its audience or occasion ("address to
/// the graduates, given by its chancellor, …"). The byte offset in `low`
/// where that naming starts.
fn speech_title_speaker(low: &str) -> Option<usize> {
    let mut words = low.split_whitespace();
    let noun = words.next()?;
    let noun = if noun == "keynote" && words.clone().next() == Some("address") {
        words.next().unwrap_or("")
    } else {
        noun
    };
    if !SPEECH_TITLES.contains(noun) {
        return None;
    }
    let next = words.next()?;
    if matches!(next, "by" | "of") {
        return Some(0);
    }
    matches!(next, "to" | "at" | "on" | "before")
        .then(|| low.find(" by "))
        .flatten()
}

/// A speech: its first line opens with a noun of [`SPEECH_TITLES`] and
/// names its speaker (see [`speech_title_speaker`]: "Remarks by Mayor Ann
/// Lee to the council", "Address to the graduates, given by Ann Lee"), or
/// does so after a topic and a colon ("Budget debate: speech by Ann Lee");
/// that person speaks the rest of the text.
fn speech(text: &str, ann: &Annotations) -> Option<Turn> {
    let title = lines_from(text, 0).find(|l| !l.trimmed.is_empty())?;
    let low = title.trimmed.to_ascii_lowercase();
    let after_topic = low
        .split_once(": ")
        .map(|(topic, rest)| (topic.len() + 2, rest));
    let at = speech_title_speaker(&low).or_else(|| {
        let (skip, rest) = after_topic?;
        speech_title_speaker(rest).map(|at| skip + at)
    })?;
    let speaker = person_in(ann, Span::new(title.trimmed_start + at, title.span.end))?;
    Some(Turn {
        span: Span::new(title.span.end, text.len()),
        speaker: Some(speaker),
        addressee: None,
        partner: None,
    })
}

/// The first person with a name mention within `span`.
fn person_in(ann: &Annotations, span: Span) -> Option<EntityId> {
    within(ann, span)
        .find(|m| m.form == MentionForm::Name && ann.entities[m.entity].kind == EntityKind::Person)
        .map(|m| m.entity)
}

/// A letter: from its salutation ("Dear Mr. Pryce,", whose named person or
/// organisation its "you" addresses) to its closing ("Yours sincerely,"),
/// spoken by the first person named after the closing, who signs it.
fn letter(text: &str, ann: &Annotations) -> Option<Turn> {
    let mut all = lines_from(text, 0);
    let greeting = all
        .find(|l| {
            l.trimmed.len() <= MAX_SALUTATION
                && l.trimmed.starts_with("Dear ")
                && l.trimmed.ends_with([',', ':', '!'])
        })?
        .span;
    let closing = all
        .find(|l| l.trimmed.len() <= MAX_SALUTATION && is_letter_closing(l.trimmed))
        .map(|l| l.span);
    let addressee = within(ann, greeting)
        .find(|m| ann.entities[m.entity].kind != EntityKind::Place)
        .map(|m| m.entity)
        .or_else(|| addressed_in_title(text, ann, greeting.start));
    let end = closing.map_or(text.len(), |c| c.start);
    let signer = closing.and_then(|c| person_in(ann, Span::new(c.end, text.len())));
    Some(Turn {
        span: Span::new(greeting.end, end.max(greeting.end)),
        speaker: signer,
        addressee,
        partner: None,
    })
}

/// The person a letter's title line addresses, for a salutation by title
/// alone ("Dear Minister,"): the first person named after " to " in the
/// text's first line ("Open letter on the estuary to the Environment
/// Minister, Petra Lowe"), which must come before byte `before`.
fn addressed_in_title(text: &str, ann: &Annotations, before: usize) -> Option<EntityId> {
    let title = lines_from(text, 0).find(|l| !l.trimmed.is_empty())?;
    if title.span.end > before {
        return None;
    }
    let to = title.trimmed.find(" to ")?;
    let from = title.trimmed_start + to;
    person_in(ann, Span::new(from, title.span.end))
}

/// Adds to `added` a pronoun mention for each first-person or
/// second-person word of `turn` outside quotation marks whose referent the
/// turn knows ("we" its speaker's organisation `org`), unless a longer
/// mention holds it ("my office").
fn pronouns(
    text: &str,
    prep: &Prepared,
    ann: &Annotations,
    turn: &Turn,
    org: Option<EntityId>,
    added: &mut Vec<Mention>,
) {
    let toks = &prep.toks;
    let doc = Doc::new(text, ann, prep);
    let from = toks.partition_point(|t| t.start() < turn.span.start);
    for (i, t) in toks.iter().enumerate().skip(from) {
        if t.start() >= turn.span.end {
            break;
        }
        let w = t.text(text);
        let entity = if first_person::is_first_person(w) {
            turn.speaker
        } else if first_person::is_first_person_plural(w) {
            org
        } else {
            match doc.low(i) {
                // The answer's "Thank you" thanks the asker.
                "you" if i > 0 && doc.low(i - 1) == "thank" => turn.addressee.or(turn.partner),
                "you" | "your" | "yours" | "yourself" => turn.addressee,
                _ => None,
            }
        };
        let Some(entity) = entity else { continue };
        if prep.quote(i).is_some() {
            continue;
        }
        let holder = ann.mention_at(t.start()).map(|k| ann.mentions[k]);
        if holder.is_some_and(|h| h.span != t.span()) {
            continue;
        }
        added.push(Mention {
            span: t.span(),
            form: MentionForm::Pronoun,
            entity,
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::annotate::annotate;
    use crate::model::{Annotations, CommitmentKind, MentionForm};

    /// The name of the entity of the mention at the `nth` (0-based)
    /// occurrence of `word` in `text`.
    fn entity_at(ann: &Annotations, text: &str, word: &str, nth: usize) -> Option<String> {
        let at = text.match_indices(word).nth(nth).expect("in the text").0;
        let m = ann.mention_at(at)?;
        Some(ann.entities[ann.mentions[m].entity].name.clone())
    }

    #[test]
    fn the_voices_earlier_words_in_marks_are_its_quote_not_what_it_says_now() {
        let text = "Speech by Oskar Lindahl, mayor of Tarrow, to the town council\n\n\
                    Friends, the ferry matters. As I told the harbour board in May, \
                    \"a town without a ferry is an island.\" So I say this to you now: \
                    \"Keep the ferry running.\"\n";
        let ann = annotate(text);
        let quoted: Vec<&str> = ann.quotes.iter().map(|q| q.span.slice(text)).collect();
        let earlier = ann
            .quotes
            .iter()
            .find(|q| q.span.slice(text).starts_with("a town without"))
            .expect("the earlier words are quoted");
        assert_eq!(
            earlier.speaker.map(|e| ann.entities[e].name.as_str()),
            Some("Oskar Lindahl")
        );
        assert!(
            !quoted.iter().any(|q| q.starts_with("Keep the ferry")),
            "{quoted:?}"
        );
    }

    #[test]
    fn let_me_say_in_the_voice_is_no_quote_but_speech_it_reports_is() {
        let text = "Speech by Oskar Lindahl, mayor of Tarrow, to the town council\n\n\
                    Friends, let me say first that the ferry matters. Some people say \
                    the ferry is too dear.\n";
        let ann = annotate(text);
        let quoted: Vec<&str> = ann.quotes.iter().map(|q| q.span.slice(text)).collect();
        assert_eq!(quoted, ["the ferry is too dear"]);
    }

    #[test]
    fn a_label_naming_no_one_of_the_text_is_a_person_of_its_own() {
        let text = "Minutes of the harbour meeting, Tarrow.\n\n\
                    MAYOR QUILLAN: Welcome. I will keep the ferry running.\n\n\
                    HOST: Thank you, mayor.\n\n\
                    MAYOR QUILLAN: I thank you all.\n";
        let ann = annotate(text);
        let quillan = ann
            .entities
            .iter()
            .find(|e| e.name == "Quillan")
            .expect("the label's person");
        assert_eq!(quillan.kind, crate::model::EntityKind::Person);
        assert_eq!(quillan.roles, ["Mayor"]);
        assert_eq!(
            entity_at(&ann, text, "I will", 0).as_deref(),
            Some("Quillan")
        );
        // A role's label names nobody.
        assert!(
            !ann.entities
                .iter()
                .any(|e| e.name.eq_ignore_ascii_case("host"))
        );
    }

    #[test]
    fn a_speech_title_names_whose_i_and_we_they_are() {
        let text = "Speech by Marta Ilves, chief executive of the Norland Ferry Company, to its shareholders\n\n\
                    Good morning. I am proud of this year. We will add two ships, and \
                    I thank my crews.\n";
        let ann = annotate(text);
        assert_eq!(
            entity_at(&ann, text, "I am", 0).as_deref(),
            Some("Marta Ilves")
        );
        assert_eq!(
            entity_at(&ann, text, "my", 0).as_deref(),
            Some("Marta Ilves")
        );
        assert_eq!(
            entity_at(&ann, text, "We", 0).as_deref(),
            Some("Norland Ferry Company")
        );
        let c = ann
            .commitments
            .iter()
            .find(|c| text[c.trigger.start..].starts_with("will"));
        assert_eq!(
            c.and_then(|c| c.actor)
                .map(|e| ann.entities[e].name.as_str()),
            Some("Norland Ferry Company")
        );
    }

    #[test]
    fn a_transcript_labels_its_speakers_and_the_askers_you_is_the_guest() {
        let text = "Dana Whitcombe talks to Piet Harmsen, mayor of Eldon.\n\n\
                    WHITCOMBE: Welcome. Will you close the pool?\n\n\
                    HARMSEN: No. I will keep it open.\n\n\
                    WHITCOMBE: And the library?\n\n\
                    HARMSEN: I have asked the staff to stay. Thank you.\n";
        let ann = annotate(text);
        let label = ann
            .mention_at(text.find("HARMSEN").unwrap())
            .expect("a mention");
        assert_eq!(ann.mentions[label].form, MentionForm::Name);
        assert_eq!(
            ann.entities[ann.mentions[label].entity].name,
            "Piet Harmsen"
        );
        assert_eq!(
            entity_at(&ann, text, "WHITCOMBE", 1).as_deref(),
            Some("Dana Whitcombe")
        );
        assert_eq!(
            entity_at(&ann, text, "you", 0).as_deref(),
            Some("Piet Harmsen")
        );
        // The guest's "Thank you" thanks the host.
        let thanked = entity_at(&ann, text, "you.", 0);
        assert_eq!(thanked.as_deref(), Some("Dana Whitcombe"));
        assert_eq!(
            entity_at(&ann, text, "I will", 0).as_deref(),
            Some("Piet Harmsen")
        );
    }

    #[test]
    fn a_speech_title_may_follow_its_topic_and_a_colon() {
        let text = "Budget debate: speech by Orla Penrose, member for Hatherley\n\n\
                    Madam Speaker, I will vote against this budget. First, scrap the fuel levy.\n";
        let ann = annotate(text);
        assert_eq!(
            entity_at(&ann, text, "I will", 0).as_deref(),
            Some("Orla Penrose")
        );
        assert!(
            ann.commitments
                .iter()
                .any(|c| c.kind == CommitmentKind::Demand
                    && text[c.trigger.start..].starts_with("scrap"))
        );
        // A topic alone before the colon makes no speech.
        let text =
            "Budget debate: what the parties said\n\nI will vote against it, said Orla Penrose.\n";
        let ann = annotate(text);
        assert_ne!(
            entity_at(&ann, text, "I will", 0).as_deref(),
            Some("Orla Penrose")
        );
    }

    #[test]
    fn a_speech_title_may_name_its_audience_before_its_speaker() {
        let text = "Address to the graduates of Tarnby College, given by its principal, Owen Castell, on 2 July\n\n\
                    Thank you. I will be brief. I say this to you as a former student.\n";
        let ann = annotate(text);
        assert_eq!(
            entity_at(&ann, text, "I will", 0).as_deref(),
            Some("Owen Castell")
        );
        // "I say …" in the speech is its voice, not a quote.
        assert!(ann.quotes.is_empty(), "{:?}", ann.quotes);
        // An address's audience alone names no speaker.
        let text =
            "Address to the graduates of Tarnby College\n\nI will be brief, said Owen Castell.\n";
        let ann = annotate(text);
        assert_ne!(
            entity_at(&ann, text, "I will", 0).as_deref(),
            Some("Owen Castell")
        );
    }

    #[test]
    fn each_reporters_you_is_the_official_who_answers() {
        let text = "Press conference of the Water Ministry with Ines Calder, water minister.\n\n\
                    MODERATOR: First question, Tom Ashe of the Vale Courier.\n\n\
                    ASHE: Will you close the reservoir?\n\n\
                    CALDER: No, we will keep it open.\n\n\
                    MODERATOR: Next, Ruth Penn of Radio Oster.\n\n\
                    PENN: Can you name the contractor?\n\n\
                    CALDER: Not yet. Thank you.\n";
        let ann = annotate(text);
        assert_eq!(
            entity_at(&ann, text, "you close", 0).as_deref(),
            Some("Ines Calder")
        );
        assert_eq!(
            entity_at(&ann, text, "you name", 0).as_deref(),
            Some("Ines Calder")
        );
        // The answer's "Thank you" thanks the reporter who asked last.
        assert_eq!(
            entity_at(&ann, text, "you.", 0).as_deref(),
            Some("Ruth Penn")
        );
    }

    #[test]
    fn a_noun_tagged_imperative_and_a_time_word_before_the_subject() {
        let text = "Dear Minister Ashe,\n\nWe write about the river. First, ban night fishing on the \
                    upper river. Second, order Tarrow Water to publish its figures. Today our members \
                    will meet. The water is low.\n\nYours sincerely,\n\nRuth Ambler\n";
        let ann = annotate(text);
        let demands: Vec<&str> = ann
            .commitments
            .iter()
            .filter(|c| c.kind == CommitmentKind::Demand)
            .map(|c| &text[c.trigger.start..c.trigger.end])
            .collect();
        assert!(demands.contains(&"ban"), "{demands:?}");
        assert!(!demands.contains(&"Today"), "{demands:?}");
        let order = ann
            .commitments
            .iter()
            .find(|c| text[c.trigger.start..].starts_with("order"));
        assert_eq!(
            order
                .and_then(|c| c.actor)
                .map(|e| ann.entities[e].name.as_str()),
            Some("Ruth Ambler")
        );
    }

    #[test]
    fn a_salutation_by_title_alone_addresses_the_person_the_title_line_names() {
        let text = "Open letter on the river to the water minister, Petra Lowe\n\n\
                    Dear Minister,\n\nWe ask you to close the weir. In May you said it would close.\n\n\
                    Yours sincerely,\n\nRuth Ambler\n";
        let ann = annotate(text);
        assert_eq!(
            entity_at(&ann, text, "you to", 0).as_deref(),
            Some("Petra Lowe")
        );
        // A title line that names no one: "you" is the minister addressed,
        // known by the office alone.
        let text = "Open letter on the river\n\nDear Minister,\n\nWe ask you to close the weir.\n\n\
                    Yours sincerely,\n\nRuth Ambler\n";
        let ann = annotate(text);
        assert_eq!(
            entity_at(&ann, text, "you to", 0).as_deref(),
            Some("Minister")
        );
    }

    #[test]
    fn signatures_after_a_letters_close_are_names_not_a_headline() {
        let text = "Dear Mr. Orrin,\n\nWe ask you to close the weir.\n\nYours sincerely,\n\n\
                    Hilde Marrow, Chair, Tessel Anglers Club\nJonas Pirrie, Secretary, Wend Valley Trust\n";
        let ann = annotate(text);
        assert_eq!(
            entity_at(&ann, text, "Hilde", 0).as_deref(),
            Some("Hilde Marrow")
        );
        assert_eq!(
            entity_at(&ann, text, "Jonas", 0).as_deref(),
            Some("Jonas Pirrie")
        );
        // The same title-case line above the letter is a headline still.
        let text = "Hilde Marrow Backs Tessel Anglers Club Plan\n\nDear Mr. Orrin,\n\nWe ask you to act.\n";
        let ann = annotate(text);
        assert_ne!(
            entity_at(&ann, text, "Hilde", 0).as_deref(),
            Some("Hilde Marrow Backs")
        );
    }

    #[test]
    fn q_and_a_answers_are_the_interviewees() {
        let text = "Interview by Sam Orr\n\nLotte Brandvik runs a bakery in Hove.\n\n\
                    Q: Do you sell bread?\n\nA: Yes. I bake it myself.\n\nQ: And cakes?\n\n\
                    A: My sister bakes them.\n";
        let ann = annotate(text);
        assert_eq!(
            entity_at(&ann, text, "you", 0).as_deref(),
            Some("Lotte Brandvik")
        );
        assert_eq!(
            entity_at(&ann, text, "I bake", 0).as_deref(),
            Some("Lotte Brandvik")
        );
        // "Q" and "A" name no one.
        assert!(ann.mention_at(text.find("Q:").unwrap()).is_none());
    }

    #[test]
    fn a_letter_is_its_signers_and_its_you_the_addressee() {
        let text = "Dear Mr. Okafor,\n\nI write about the bridge. Can you repair it? \
                    The mayor said \"I will\" last year.\n\nYours sincerely,\n\nRuth Ambler\n";
        let ann = annotate(text);
        assert_eq!(
            entity_at(&ann, text, "I write", 0).as_deref(),
            Some("Ruth Ambler")
        );
        assert_eq!(entity_at(&ann, text, "you", 0).as_deref(), Some("Okafor"));
        // Inside quotation marks the voice is someone else's.
        let quoted = text.find("I will").unwrap();
        assert!(
            ann.mention_at(quoted)
                .is_none_or(|m| ann.entities[ann.mentions[m].entity].name != "Ruth Ambler")
        );
    }

    #[test]
    fn a_letters_we_is_the_body_in_its_signature_block() {
        let text = "Dear Mr. Okafor,\n\nWe write about the bridge. Our members cross it daily, \
                    and we ask you to repair it.\n\nYours sincerely,\n\n\
                    Ruth Ambler, Chair\nOwen Pask, Secretary\nHeddon Walkers' Society\n";
        let ann = annotate(text);
        for (word, nth) in [("We", 0), ("Our", 0), ("we", 0)] {
            assert_eq!(
                entity_at(&ann, text, word, nth).as_deref(),
                Some("Heddon Walkers' Society"),
                "{word}"
            );
        }
        // Not a body after a blank line, a body as a place of work, or one
        // body of several that sign together.
        for signed in [
            "Ruth Ambler, Chair\n\nHeddon Walkers' Society is copied in.\n",
            "Ruth Ambler, nurse\non behalf of 40 nurses at Heddon Walkers' Society (list attached)\n",
            "Ruth Ambler, Chair, Heddon Walkers' Society\nOwen Pask, Secretary, Brill Rail Users Group\n",
        ] {
            let text = format!(
                "Dear Mr. Okafor,\n\nWe write about the bridge.\n\nYours sincerely,\n\n{signed}"
            );
            let ann = annotate(&text);
            assert_ne!(
                entity_at(&ann, &text, "We", 0).as_deref(),
                Some("Heddon Walkers' Society"),
                "{signed}"
            );
        }
    }

    #[test]
    fn an_address_block_and_a_salutation_keep_their_names() {
        let text = "Mrs. Halla Brunsted\nDirector, Vesterby Museum\n\nDear Director Brunsted,\n\n\
                    We thank you for the loan.\n";
        let ann = annotate(text);
        assert_eq!(
            entity_at(&ann, text, "Brunsted", 0).as_deref(),
            Some("Halla Brunsted")
        );
        assert_eq!(
            entity_at(&ann, text, "Brunsted", 1).as_deref(),
            Some("Halla Brunsted")
        );
        assert_eq!(
            entity_at(&ann, text, "you", 0).as_deref(),
            Some("Halla Brunsted")
        );
    }

    #[test]
    fn the_voice_telling_its_own_words_is_no_quote() {
        let text = "Dear Mr. Okafor,\n\nI have told the council that the bridge is unsafe. \
                    Last year you said the bridge would be repaired.\n\nYours sincerely,\n\nRuth Ambler\n";
        let ann = annotate(text);
        assert!(
            !ann.quotes
                .iter()
                .any(|q| text[q.span.start..].starts_with("the bridge is"))
        );
        let q = ann
            .quotes
            .iter()
            .find(|q| text[q.span.start..].starts_with("the bridge would"))
            .expect("the addressee's words are quoted");
        assert_eq!(
            q.speaker.map(|e| ann.entities[e].name.as_str()),
            Some("Okafor")
        );
    }

    #[test]
    fn the_voices_imperatives_are_its_demands_on_the_addressee() {
        let text = "Dear Mr. Okafor,\n\nWe ask the council for two things. First, close the road, \
                    and build a new bridge. Second, publish the costs. Will you answer? \
                    Thank you for reading.\n\nYours sincerely,\n\nRuth Ambler\n";
        let ann = annotate(text);
        let demands: Vec<&str> = ann
            .commitments
            .iter()
            .filter(|c| c.kind == CommitmentKind::Demand)
            .map(|c| &text[c.trigger.start..c.trigger.end])
            .collect();
        assert_eq!(demands, ["close", "build", "publish"]);
        for c in ann
            .commitments
            .iter()
            .filter(|c| c.kind == CommitmentKind::Demand)
        {
            assert_eq!(
                c.actor.map(|e| ann.entities[e].name.as_str()),
                Some("Ruth Ambler")
            );
        }
        let close = &ann
            .commitments
            .iter()
            .find(|c| &text[c.trigger.start..c.trigger.end] == "close");
        let content = close.map(|c| &text[c.content.start..c.content.end]);
        assert_eq!(content, Some("close the road"));
    }

    #[test]
    fn a_cue_verb_as_imperative_and_we_past_an_adverb_are_the_voices() {
        let text = "Dear Mr. Okafor,\n\nThe depot floods every winter. We therefore ask the \
                    council to act. Third, require the contractor to raise the wall.\n\n\
                    Yours sincerely,\n\nRuth Ambler\n";
        let ann = annotate(text);
        let actors: Vec<(&str, Option<&str>)> = ann
            .commitments
            .iter()
            .map(|c| {
                (
                    &text[c.trigger.start..c.trigger.end],
                    c.actor.map(|e| ann.entities[e].name.as_str()),
                )
            })
            .collect();
        assert_eq!(
            actors,
            [
                ("ask", Some("Ruth Ambler")),
                ("require", Some("Ruth Ambler"))
            ]
        );
        let require = &ann.commitments[1];
        assert_eq!(require.kind, CommitmentKind::Demand);
        assert_eq!(
            &text[require.content.start..require.content.end],
            "require the contractor to raise the wall"
        );
    }

    #[test]
    fn a_cue_verb_with_no_subject_outside_a_voice_keeps_no_actor() {
        let text = "Residents were required to leave the estate by noon.";
        let ann = annotate(text);
        assert_eq!(ann.commitments.len(), 1, "{:?}", ann.commitments);
        assert_eq!(ann.commitments[0].actor, None);
    }

    #[test]
    fn he_in_a_turn_is_neither_its_speaker_nor_the_asker() {
        let text = "LENA PORT: The transport secretary says the fares are fixed. Are they?\n\n\
                    GREGOR VALE: He told our union, \"There is no more money,\" in May.\n\n\
                    LENA PORT: And then?\n\nGREGOR VALE: We will strike.\n";
        let ann = annotate(text);
        let told = ann
            .quotes
            .iter()
            .find(|q| q.span.slice(text).starts_with("There"))
            .expect("the quote is found");
        assert_eq!(told.speaker, None, "{told:?}");
        assert_eq!(
            told.speaker_name.as_deref(),
            Some("The transport secretary")
        );
    }

    #[test]
    fn an_imperative_the_tagger_reads_as_adjective_or_preposition() {
        let text = "Dear Ms. Kerr,\n\nFirst, open an inquiry into the delays. Second, clear the \
                    backlog. Finally, in the spring the road floods.\n\nYours sincerely,\n\nTom Reed\n";
        let ann = annotate(text);
        let demands: Vec<&str> = ann
            .commitments
            .iter()
            .map(|c| &text[c.trigger.start..c.trigger.end])
            .collect();
        assert_eq!(demands, ["open", "clear"]);
    }

    #[test]
    fn my_predecessor_is_not_the_speaker() {
        let text = "Address by Governor Nina Sorel to the Assembly\n\nFriends,\n\n\
                    My predecessor promised to dredge the harbour. I will finish \
                    the work by June.\n\nThank you.\n";
        let ann = annotate(text);
        let actors: Vec<(&str, Option<&str>, Option<&str>)> = ann
            .commitments
            .iter()
            .map(|c| {
                (
                    &text[c.trigger.start..c.trigger.end],
                    c.actor.map(|e| ann.entities[e].name.as_str()),
                    c.actor_name.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            actors,
            [
                ("promised to", None, Some("My predecessor")),
                ("will finish", Some("Nina Sorel"), None)
            ]
        );
    }

    #[test]
    fn a_memos_header_fields_are_no_headline() {
        let text = "To: Ms. Ilse Varga, Chair, Brackwater Housing Trust\n\
                    From: The Tenants of Mill Court\n\nDear Ms. Varga,\n\nWe write about the lifts.\n";
        let ann = annotate(text);
        let trust = entity_at(&ann, text, "Brackwater", 0);
        assert_eq!(trust.as_deref(), Some("Brackwater Housing Trust"));
        assert_eq!(
            entity_at(&ann, text, "Ms. Ilse", 0).as_deref(),
            Some("Ilse Varga")
        );
    }

    #[test]
    fn dear_is_no_part_of_the_name_it_greets() {
        let text =
            "Dear Minister,\n\nWe write about the lifts.\n\nDear Dr. Okafor,\n\nThank you.\n";
        let ann = annotate(text);
        assert!(ann.mention_at(text.find("Dear").unwrap()).is_none());
        assert_eq!(
            entity_at(&ann, text, "Dr. Okafor", 0).as_deref(),
            Some("Okafor")
        );
        assert!(ann.mention_at(text.rfind("Dear").unwrap()).is_none());
    }

    #[test]
    fn news_has_no_voice() {
        let text = "The minister, Ana Lutz, said: \"I will resign.\" We asked her why.\n\
                    NOTE: corrected.\n";
        let ann = annotate(text);
        let we = text.find("We").unwrap();
        assert!(
            ann.mention_at(we)
                .is_none_or(|m| ann.mentions[m].form != MentionForm::Pronoun
                    || ann.entities[ann.mentions[m].entity].name != "Ana Lutz")
        );
        assert!(super::label("NOTE: corrected.").is_some());
        assert!(super::label("Note: corrected.").is_none());
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in [
            "",
            "Q:",
            "A: \nQ: \nA:",
            "Dear ,\n",
            "Speech by\n",
            "Dear X,\nYours sincerely,",
            "É:\nÉ:\nÉ:\n",
        ] {
            let _ = annotate(text);
        }
    }
}
