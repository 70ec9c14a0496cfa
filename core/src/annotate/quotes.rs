//! Quotes: direct speech between quotation marks and reported speech, each
//! attributed to a speaker.
//!
//! Direct quotes take their speaker, in this order, from an attribution right
//! after the closing mark (`“…,” said Smith` · `“…,” Smith said` · `“…,”
//! according to Smith` · `“…” — Smith`), one right before the opening mark
//! (`Smith said: “…”` · `Smith told reporters, “…”` · `Smith said that “…”`),
//! the quote before them (a quote split by its attribution, or a paragraph
//! that continues a quote), a reported clause just before them (`Smith said
//! the plan works. “We tested it.”`), or the only person named in the
//! paragraph. Quotes with no speaker (scare quotes, titles) are dropped.
//!
//! Indirect quotes are clauses reported by a speech verb (`Smith said (that)
//! …` · `…, Smith said.` · `…, said Smith.` · `Smith told Reuters …`) or
//! introduced by "according to". Reported questions, negated speech, noun
//! phrases after the verb ("tweeted support of …") and speech inside a
//! quotation are not quotes.
//!
//! Speakers are resolved by [`crate::annotate::acts::agent`]: the entity at
//! the subject position, an apposition's name, a document's issuer, or a
//! pronoun's referent; otherwise the words as written ("researchers").

use crate::annotate::acts::agent::{Agent, is_standing_quantifier};
use crate::annotate::acts::{Doc, Marked};
use crate::annotate::fasthash::{Map, Set};
use crate::annotate::learn::tagger::Tag;
use crate::annotate::lexicon::{Gender, LEXICON};
use crate::annotate::segment::{Token, TokenKind};
use crate::annotate::words::{
    AUXILIARIES, BETWEEN_SUBJECT_AND_VERB, DETERMINERS, PRONOUNS, SPEECH_PREFILTER, SPEECH_VERBS,
    SpeechUse,
};
use crate::model::{EntityKind, Quote, QuoteKind, Span};

/// Words opening a reported question, which is not a quote ("asked how").
const QUESTION_WORDS: [&str; 9] = [
    "how", "whether", "if", "why", "what", "when", "where", "who", "which",
];

/// Object pronouns that may stand between "told" and a reported clause.
const OBJECT_PRONOUNS: [&str; 5] = ["him", "her", "them", "me", "us"];

/// How many quotations back a rule looks for an attributed one.
const MAX_BETWEEN: usize = 16;

/// Most tokens between a speech verb and the comma or colon right before
/// the quotation it attributes ("told the police and crime panel in
/// October, “…”").
const MAX_BEFORE_MARK: usize = 8;

/// Shortest unattributed quote (in words) credited to the only person named
/// in its paragraph.
const MIN_LONE_QUOTE_WORDS: usize = 6;

/// Finds the quotes of a document, given its sentences and entities.
pub fn find(doc: &Doc) -> Vec<Quote> {
    let mut attr = attribute_marks(doc);
    // The cues of direct quotes, sorted (a few per article: a list, not a
    // flag per token, which would cost a byte per word of a long text).
    let mut used_cues: Vec<usize> = attr.iter().flatten().filter_map(|a| a.cue).collect();
    used_cues.sort_unstable();
    let attributed = build_direct(doc, &attr);
    let mut reported = indirect(doc, &used_cues, &attributed);
    reported.sort_by_key(|q| (q.span.end, q.span.start));
    inherit_from_reports(doc, &mut attr, &reported);
    propagate(doc, &mut attr);
    let mut lone = Map::default();
    for (i, a) in attr.iter_mut().enumerate() {
        if a.is_none() {
            *a = lone_person(doc, &doc.marks[i], &mut lone)
                .or_else(|| introduced_by(doc, &doc.marks[i]));
        }
    }
    propagate(doc, &mut attr);
    let mut out = build_direct(doc, &attr);
    out.extend(reported);
    let (blocks, completed) = block_quotes(doc, &out);
    // A clause left open before a list ("said it would:") is completed by
    // the list's lines, which stand for it.
    out.retain(|q| {
        !(q.kind == QuoteKind::Indirect
            && completed
                .iter()
                .any(|&(cue, colon)| q.cue == Some(cue) && q.span.end <= colon))
    });
    out.extend(blocks);
    out.sort_by_key(|q| (q.span.start, q.span.end));
    keep_speaker(doc, &mut out);
    out
}

/// "Kessler said his client was innocent. He said Lantz …": a "he" or
/// "she" opening a sentence as the subject of its speech verb goes on with
/// the person who spoke in the sentence before, in the same paragraph,
/// when that person's given name agrees with the pronoun (the subject of
/// the last report stays the topic, whoever else that sentence named); an
/// "it" goes on with the organisation that spoke ("…, according to the
/// union. It says …").
fn keep_speaker(doc: &Doc, quotes: &mut [Quote]) {
    let cues: Vec<Option<usize>> = quotes
        .iter()
        .map(|q| q.cue.and_then(|c| doc.token_at(c.start)))
        .collect();
    // The quotes whose cue stands outside quotation marks, by their cue's
    // token: a sentence's reports are found by a binary search, not a walk
    // back over every quote before.
    let mut by_cue: Vec<(usize, usize)> = cues
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.filter(|&c| doc.quote(c).is_none()).map(|c| (c, i)))
        .collect();
    by_cue.sort_unstable();
    for k in 1..quotes.len() {
        let Some(c) = cues[k] else {
            continue;
        };
        let start = doc.sentence_of(c).start;
        let pronoun = doc.low(start);
        let gender = match pronoun {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            "it" => None,
            _ => continue,
        };
        let opens = doc
            .subject_before(c)
            .is_some_and(|s| s.np == (start..start + 1));
        if !opens || start == 0 || doc.para(start - 1) != doc.para(start) {
            continue;
        }
        let before = doc.sentence_of(start - 1);
        let from = by_cue.partition_point(|&(c, _)| c < before.start);
        let to = by_cue.partition_point(|&(c, _)| c < before.end);
        let previous = by_cue[from..to]
            .iter()
            .map(|&(_, i)| i)
            .filter(|&i| i < k)
            .max()
            .map(|i| quotes[i].speaker);
        let Some(Some(e)) = previous else { continue };
        let agrees = doc.ann.entities.get(e).is_some_and(|x| match gender {
            Some(g) => {
                x.kind == EntityKind::Person
                    && x.name
                        .split(' ')
                        .next()
                        .and_then(|first| LEXICON.first_names.get(first))
                        == Some(&g)
            }
            None => x.kind == EntityKind::Organization,
        });
        if agrees {
            quotes[k].speaker = Some(e);
            quotes[k].speaker_name = None;
        }
    }
}

/// Block quotes: a paragraph without quotation marks after a paragraph
/// whose last sentence is an attribution ending in a colon ("Voss said in
/// a statement:"), quoted whole and direct, unless a quote `found` already
/// covers some of it. A list after a reported clause left open ("The
/// society said it would:" then "- keep …;" lines) completes that clause:
/// each line is an indirect quote, and the cue and colon of each such
/// clause come back too, to drop its stub.
fn block_quotes(doc: &Doc, found: &[Quote]) -> (Vec<Quote>, Vec<(Span, usize)>) {
    let mut out = Vec::new();
    let mut completed = Vec::new();
    // A colon is a token of one byte: its byte is read, not its text.
    let colon_at =
        |t: &Token| t.end() == t.start() + 1 && doc.text.as_bytes().get(t.start()) == Some(&b':');
    for colon in (0..doc.toks.len()).filter(|&k| colon_at(&doc.toks[k])) {
        let next = colon + 1;
        if next >= doc.toks.len() || doc.quote(colon).is_some() || doc.is_mark(next) {
            continue;
        }
        // "They said: the fish are coming back, …": a clause after a speech
        // verb and its colon, within the paragraph, is quoted to the end of
        // its sentence.
        let inline = doc.para(next) == doc.para(colon);
        let sent = doc.sentence_of(colon);
        let Some(v) = (sent.start..colon)
            .rev()
            .find(|&u| doc.quote(u).is_none() && SPEECH_VERBS.contains_key(doc.low(u)))
        else {
            continue;
        };
        let end = sent.end.min(doc.toks.len());
        // ("They said:", "the engineers told me:")
        let right_after = v + 1 == colon
            || (v + 2 == colon && is_tell(doc.low(v)) && OBJECT_PRONOUNS.contains(&doc.low(v + 1)));
        if inline
            && !(right_after
                && doc.tag(v) == Tag::Verb
                && end > next
                && (next..end).all(|k| !doc.is_mark(k))
                && looks_finite(doc, next, end)
                && subject_and_verb(doc, next, end))
        {
            continue;
        }
        let Some(attr) = speaker_of_verb(doc, v).or_else(|| {
            let np = doc.np_after(v + 1)?;
            (np.end == colon).then(|| Attribution {
                agent: doc.resolve(&np),
                cue: Some(v),
            })
        }) else {
            continue;
        };
        let para = doc.para(next);
        let last = if inline {
            end - 1
        } else {
            (next..doc.toks.len())
                .take_while(|&k| doc.para(k) == para)
                .last()
                .unwrap_or(next)
        };
        if (next..=last).any(|k| doc.is_mark(k)) {
            continue;
        }
        let span = doc.span(next, last + 1);
        if found
            .iter()
            .any(|q| q.span.start < span.end && span.start < q.span.end)
        {
            continue;
        }
        let cue = attr.cue.map(|c| cue_span(doc, c));
        let open_clause = colon > v + 1
            && (AUXILIARIES.contains(doc.low(colon - 1)) || doc.low(colon - 1) == "to");
        let lines = list_lines(doc.text, span);
        if open_clause && let (Some(cue), false) = (cue, lines.is_empty()) {
            completed.push((cue, doc.toks[colon].start()));
            out.extend(lines.into_iter().map(|line| Quote {
                kind: QuoteKind::Indirect,
                speaker: attr.agent.entity,
                speaker_name: attr.agent.name.clone(),
                cue: Some(cue),
                span: line,
            }));
            continue;
        }
        out.push(Quote {
            kind: QuoteKind::Direct,
            speaker: attr.agent.entity,
            speaker_name: attr.agent.name,
            cue,
            span,
        });
    }
    (out, completed)
}

/// The items of the list at `span` of `text`, when every line of it opens
/// with a list marker ("- ", "* ", "• "): each line without its marker and
/// its closing ";", ",", "." or "and"/"or". Empty when it is no list.
fn list_lines(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = span.start;
    for line in span.slice(text).split('\n') {
        let start = at;
        at += line.len() + 1;
        let body = line.trim_end();
        let Some(item) = ["- ", "* ", "• "].iter().find_map(|m| body.strip_prefix(m)) else {
            return Vec::new();
        };
        let item = item.trim_start();
        let item = item
            .strip_suffix(" and")
            .or_else(|| item.strip_suffix(" or"))
            .unwrap_or(item)
            .trim_end_matches([';', ',', '.'])
            .trim_end();
        if item.is_empty() {
            continue;
        }
        let from = start + (line.len() - line.trim_start_matches(['-', '*', '•', ' ']).len());
        out.push(Span::new(from, from + item.len()));
    }
    out
}

/// An attribution: who, and by which cue.
#[derive(Clone, Debug, Default)]
struct Attribution {
    agent: Agent,
    cue: Option<usize>,
}

/// True when a speech verb of this use may attribute a direct quote.
fn attributes(w: &str) -> bool {
    SPEECH_VERBS.contains_key(w)
}

/// The attribution of each quotation: from the words around it, or from
/// the quotation it continues.
fn attribute_marks(doc: &Doc) -> Vec<Option<Attribution>> {
    let mut attr: Vec<Option<Attribution>> = doc
        .marks
        .iter()
        .map(|m| {
            // “…” closed by a period ends its sentence: a clause opening the
            // next one ("Lee told me, “Sell.” Her son said no.") speaks there,
            // and an attribution ending in a comma, colon or "that" right
            // before the quotation names its speaker.
            let introduced = m
                .open_tok
                .and_then(|o| o.checked_sub(1))
                .is_some_and(|k| matches!(doc.low(k), "," | ":" | "that"));
            let before_first = introduced && m.closed && m.inner.slice(doc.text).ends_with('.');
            if before_first {
                before(doc, m).or_else(|| after(doc, m))
            } else {
                after(doc, m).or_else(|| before(doc, m))
            }
        })
        .collect();
    propagate(doc, &mut attr);
    attr
}

/// Passes attributions along quotations that continue one another: a quote
/// split by its attribution, or running over several paragraphs.
fn propagate(doc: &Doc, attr: &mut [Option<Attribution>]) {
    let n = attr.len().min(doc.marks.len());
    for i in 1..n {
        if attr[i].is_none() && continues_previous(doc, i) {
            attr[i] = attr[i - 1].clone();
        }
    }
    for i in (0..n.saturating_sub(1)).rev() {
        if attr[i].is_none() && doc.marks[i].continues {
            attr[i] = attr[i + 1].clone();
        }
    }
}

/// Gives a sentence-opening quotation with no attribution the speaker of a
/// reported clause just before it, in its paragraph or (when it opens its
/// paragraph) in the previous one: "Smith said the plan works. “We tested
/// it twice.”"
fn inherit_from_reports(doc: &Doc, attr: &mut [Option<Attribution>], reported: &[Quote]) {
    for (i, m) in doc.marks.iter().enumerate() {
        let Some(open) = m.open_tok else { continue };
        if attr[i].is_some() || !opens_sentence(doc, open) {
            continue;
        }
        let at = m.outer.start;
        let k = reported.partition_point(|q| q.span.end <= at);
        let Some(q) = k.checked_sub(1).and_then(|k| reported.get(k)) else {
            continue;
        };
        // A directly quoted sentence in between would have given its speaker.
        let later_direct = (i.saturating_sub(MAX_BETWEEN)..i)
            .rev()
            .take_while(|&j| doc.marks[j].outer.start >= q.span.end)
            .any(|j| attr[j].is_some());
        let Some(qt) = doc.token_at(q.span.start) else {
            continue;
        };
        let (qp, mp) = (doc.para(qt), m.para);
        let opens_para = open == 0 || doc.para(open - 1) != mp;
        if !later_direct && (qp == mp || (qp + 1 == mp && opens_para)) {
            attr[i] = Some(Attribution {
                agent: Agent {
                    entity: q.speaker,
                    name: q.speaker_name.clone(),
                },
                cue: q.cue.and_then(|c| doc.token_at(c.start)),
            });
        }
    }
}

/// The direct quotes of the attributed quotations.
fn build_direct(doc: &Doc, attr: &[Option<Attribution>]) -> Vec<Quote> {
    doc.marks
        .iter()
        .zip(attr)
        .filter_map(|(m, a)| {
            let a = a.as_ref()?;
            Some(Quote {
                kind: QuoteKind::Direct,
                speaker: a.agent.entity,
                speaker_name: a.agent.name.clone(),
                cue: a.cue.map(|c| cue_span(doc, c)),
                span: m.inner,
            })
        })
        .collect()
}

/// True when quote `i` opens its sentence and goes on from quote `i - 1`:
/// in the same paragraph, or in the next one when that one was left open or
/// this quote opens its paragraph.
fn continues_previous(doc: &Doc, i: usize) -> bool {
    let (prev, cur) = (&doc.marks[i - 1], &doc.marks[i]);
    let Some(open) = cur.open_tok else {
        return false;
    };
    let opens_sentence = opens_sentence(doc, open);
    let opens_para = open == 0 || doc.para(open - 1) != cur.para;
    opens_sentence
        && (prev.para == cur.para || (prev.para + 1 == cur.para && (prev.continues || opens_para)))
}

/// True when the opening mark at token `open` starts a sentence (the
/// segmenter may leave it with the previous sentence: `said. "Next`).
fn opens_sentence(doc: &Doc, open: usize) -> bool {
    open == 0
        || doc.starts_sentence(open)
        || matches!(doc.low(open - 1), "." | "?" | "!" | ":" | "…")
        || doc.para(open - 1) != doc.para(open)
}

/// The attribution right after the closing mark of `m`.
fn after(doc: &Doc, m: &Marked) -> Option<Attribution> {
    let close = m.close_tok?;
    let mut i = close + 1;
    // A hyphen set off by spaces stands for a dash (`" - Jane Smith`).
    let spaced_hyphen = doc.low(i) == "-"
        && doc.toks.get(i).map(|t| t.start()) > doc.toks.get(close).map(|t| t.end());
    let dash = matches!(doc.low(i), "—" | "–") || spaced_hyphen;
    if dash || doc.low(i) == "," {
        i += 1;
    }
    if i >= doc.toks.len() || doc.para(i) != m.para {
        return None;
    }
    let w = doc.low(i);
    // “…”: Lena Varga on … — a quotation opening its paragraph (a headline)
    // and a colon before a name: that entity speaks (no cue).
    if w == ":"
        && m.open_tok
            .is_some_and(|o| o == 0 || doc.para(o - 1) != m.para)
        && let Some(np) = doc.np_after(i + 1)
        && let agent = doc.resolve(&np)
        && agent.entity.is_some()
    {
        return Some(Attribution { agent, cue: None });
    }
    if dash
        && let Some(np) = doc.np_after(i)
        && (np.end >= doc.toks.len() || doc.para(np.end) != m.para)
    {
        // “…” — Jane Smith (a signature: no cue)
        return Some(Attribution {
            agent: doc.resolve(&np),
            cue: None,
        });
    }
    if attributes(w) {
        // “…,” said Smith (but not “…,” said the firm would …)
        let np = doc.np_after(i + 1)?;
        if !ends_attribution(doc, np.end) {
            return None;
        }
        return Some(Attribution {
            agent: doc.inverted_speaker(&np).0,
            cue: Some(i),
        });
    }
    if w == "according" && doc.low(i + 1) == "to" {
        let np = doc.np_after(i + 2)?;
        return Some(Attribution {
            agent: doc.resolve(&np),
            cue: Some(i),
        });
    }
    // A common noun right after the closing mark: the quotation modifies
    // it ("a “shop local” campaign"), nobody says it.
    if i == close + 1 && doc.tag(i) == Tag::Noun {
        return None;
    }
    // “…,” Smith said / “…,” the statement noted
    let sent = doc.sentence_of(i);
    let verb = (i + 1..sent.end.min(i + 10)).find(|&v| attributes(doc.low(v)))?;
    let subject = doc.subject_before(verb)?;
    if subject.np.start != i || subject.negated {
        return None;
    }
    Some(Attribution {
        agent: doc.resolve_subject(&subject),
        cue: Some(verb),
    })
}

/// True when an inverted attribution ("said Smith") may end before token
/// `k`: at punctuation, the end of its sentence, or a phrase about the
/// speaker or the occasion ("said Smith of the union", "said Smith on Monday").
fn ends_attribution(doc: &Doc, k: usize) -> bool {
    k >= doc.sentence_of(k.saturating_sub(1)).end
        || !doc.is_word(k)
        || matches!(
            doc.low(k),
            "in" | "on"
                | "at"
                | "of"
                | "from"
                | "during"
                | "after"
                | "before"
                | "when"
                | "while"
                | "as"
                | "who"
                | "adding"
                | "noting"
        )
}

/// The attribution right before the opening mark of `m`.
fn before(doc: &Doc, m: &Marked) -> Option<Attribution> {
    let open = m.open_tok?;
    let mut i = open;
    if i > 0 && doc.para(i - 1) != m.para && doc.low(i - 1) != ":" {
        return None;
    }
    if i > 0 && matches!(doc.low(i - 1), "," | ":" | "—" | "–") {
        i -= 1;
    }
    if i < open
        && let Some(found) = in_the_words_of(doc, i)
    {
        return Some(found);
    }
    if i > 0 && doc.low(i - 1) == "that" {
        i -= 1;
    }
    let v = i.checked_sub(1)?;
    // Smith said: “…” (but not a noun after its modifier: "promising new
    // rules: “…”")
    // (Tagging is lazy, by sentence: the word is looked at first.)
    let noun = || v > 0 && matches!(doc.tag(v - 1), Tag::Adj | Tag::Det) && doc.tag(v) == Tag::Noun;
    if attributes(doc.low(v)) && !noun() {
        return asked_to_speak(doc, v).or_else(|| speaker_of_verb(doc, v));
    }
    // Smith told reporters: “…” / Smith said in a statement: “…”
    if i == open {
        return None;
    }
    let floor = doc
        .sentence_of(v)
        .start
        .max(v.saturating_sub(MAX_BEFORE_MARK));
    // "A fisherman put it best last week: “…”": "put it" attributes too.
    let verb = (floor..v)
        .rev()
        .find(|&k| attributes(doc.low(k)) || (doc.low(k) == "put" && doc.low(k + 1) == "it"))?;
    // Only a short phrase between verb and colon or comma: "told reporters",
    // "tweeted from his @handle account", "told the police and crime panel
    // in October", or an aside set off by commas ("says, in black and
    // white,", "said, and I quote,").
    let between_words = (verb + 1..=v).all(|k| {
        !doc.is_mark(k)
            && (doc.is_word(k) || matches!(doc.low(k), "@" | "#" | "-" | "'s" | "’s" | ","))
    });
    if !between_words {
        return None;
    }
    if doc.low(verb) == "according" {
        return None;
    }
    // "Their answer came in a letter on Friday: “…”": a speech noun after
    // a possessive is the possessor's.
    if verb > 0
        && matches!(
            doc.low(verb - 1),
            "their" | "its" | "his" | "her" | "our" | "my" | "your"
        )
    {
        return Some(Attribution {
            agent: doc.resolve_pronoun(verb - 1),
            cue: Some(verb),
        });
    }
    asked_to_speak(doc, verb)
        .or_else(|| speaker_of_verb(doc, verb))
        .or_else(|| {
            // said Smith: “…” (never a participle: "promising new laws: “…”"
            // names what was promised, not who spoke)
            let np = doc.np_after(verb + 1)?;
            let finite =
                !doc.low(verb).ends_with("ing") && (verb == 0 || doc.low(verb - 1) != "to");
            (np.end == v + 1 && finite).then(|| Attribution {
                agent: doc.resolve(&np),
                cue: Some(verb),
            })
        })
}

/// For a quotation opening right after a comma (or colon) at token `comma`:
/// the speaker named by "in the words of X," earlier in its sentence ("in
/// the words of the prosecutor, Mark Tedeschi, “…”", "In the words of X,
/// speaking in the Commons in July, “…”"), the person of a role's
/// apposition, with "in" as the cue; likewise "To quote the harbour
/// master, Denis Roe, “…”", with "quote".
fn in_the_words_of(doc: &Doc, comma: usize) -> Option<Attribution> {
    let floor = doc.sentence_of(comma).start;
    // "in the words of X," (cue "in"), or "to quote X," (cue "quote").
    let (cue, first) = (floor + 1..comma).rev().find_map(|k| {
        let words = k >= floor + 2
            && doc.low(k) == "words"
            && doc.low(k - 1) == "the"
            && doc.low(k - 2) == "in"
            && doc.low(k + 1) == "of";
        let quote = doc.low(k) == "quote" && doc.low(k - 1) == "to";
        words
            .then(|| (k - 2, k + 2))
            .or(quote.then_some((k, k + 1)))
    })?;
    let np = doc.np_after(first)?;
    let agent = match doc.apposed_actor(&np) {
        Some((e, _)) => Agent::of(e),
        None => doc.resolve(&np),
    };
    Some(Attribution {
        agent,
        cue: Some(cue),
    })
}

/// For a speech verb at token `v` in the infinitive ("He asked me to tell
/// you this: “…”", "She wants to say this: “…”"): the subject of the
/// sentence's main clause, who speaks through it.
fn asked_to_speak(doc: &Doc, v: usize) -> Option<Attribution> {
    if v == 0 || doc.low(v - 1) != "to" {
        return None;
    }
    // "as my late father liked to say, “…”": the subject of the verb
    // before "to", when the sentence's main subject is not found.
    let agent = doc.main_subject(v).or_else(|| {
        let s = doc.subject_before(v.checked_sub(2)?)?;
        (!s.negated).then(|| doc.resolve_subject(&s))
    })?;
    Some(Attribution {
        agent,
        cue: Some(v),
    })
}

/// The speaker of the speech verb at token `v`: its subject, or for a
/// participle after a comma ("…, adding: “…”") the sentence's first actor.
fn speaker_of_verb(doc: &Doc, v: usize) -> Option<Attribution> {
    // "…, he said, adding that …": the speaker of the verb before.
    if v >= 2
        && doc.low(v - 1) == ","
        && doc.low(v).ends_with("ing")
        && SPEECH_VERBS.contains_key(doc.low(v - 2))
    {
        let before = speaker_of_verb(doc, v - 2)?;
        return Some(Attribution {
            agent: before.agent,
            cue: Some(v),
        });
    }
    // "He thanked Germany for its aid and said …": the subject of the
    // first verb, not the phrase before "and".
    // "Gomez said A but warned that B": the speaker of the nearest verb
    // before that reports a clause (a verb: not "state" in "the state
    // union"), else of the nearest speech verb ("has
    // urged its members …, and said"); "continue" inside A only goes on
    // with a quotation ("said the work would continue on schedule but
    // added that …").
    let earlier = |reports: bool| {
        (doc.sentence_of(v).start..v.saturating_sub(1))
            .rev()
            .find(|&u| {
                doc.quote(u).is_none()
                    && SPEECH_VERBS
                        .get(doc.low(u))
                        .is_some_and(|s| !reports || matches!(s, SpeechUse::Any | SpeechUse::That))
                    && (!reports || doc.tag(u) == Tag::Verb)
            })
    };
    if v > 1
        && matches!(doc.low(v - 1), "and" | "but")
        && let Some(u) = earlier(true).or_else(|| earlier(false))
        && u + 1 < v - 1
        && let Some(first) = speaker_of_verb(doc, u)
    {
        return Some(Attribution {
            agent: first.agent,
            cue: Some(v),
        });
    }
    if v > 0
        && matches!(doc.low(v - 1), "and" | "but")
        && let Some(agent) = doc.main_subject(v)
    {
        return Some(Attribution {
            agent,
            cue: Some(v),
        });
    }
    let agent = match doc.subject_before(v) {
        Some(s) if s.negated => return None,
        Some(s) => doc.resolve_subject(&s),
        None if v > 0 && matches!(doc.low(v - 1), "," | "and" | "but") => doc.main_subject(v)?,
        None => return None,
    };
    Some(Attribution {
        agent,
        cue: Some(v),
    })
}

/// For a long quote with no attribution: the only person named outside
/// quotes in its paragraph, if there is exactly one (`lone` caches the
/// answer per paragraph).
fn lone_person(doc: &Doc, m: &Marked, lone: &mut Map<usize, Option<usize>>) -> Option<Attribution> {
    let open = m.open_tok?;
    let words = m.inner.slice(doc.text).split_whitespace().count();
    if words < MIN_LONE_QUOTE_WORDS || !opens_sentence(doc, open) {
        return None;
    }
    let entity = *lone.entry(m.para).or_insert_with(|| {
        let first = (0..=open)
            .rev()
            .take_while(|&k| doc.para(k) == m.para)
            .last()?;
        let people: Set<usize> = (first..doc.toks.len())
            .take_while(|&k| doc.para(k) == m.para)
            .filter(|&k| doc.quote(k).is_none())
            .map(|k| doc.toks[k])
            .filter_map(|t| doc.ann.mention_at(t.start()))
            .map(|i| doc.ann.mentions[i].entity)
            .filter(|&e| {
                doc.ann
                    .entities
                    .get(e)
                    .is_some_and(|e| e.kind == EntityKind::Person)
            })
            .collect();
        (people.len() == 1)
            .then(|| people.into_iter().next())
            .flatten()
    });
    entity.map(|e| Attribution {
        agent: Agent::of(e),
        cue: None,
    })
}

/// For a quoted sentence with no attribution opening its sentence: the
/// person who is the subject of the sentence just before it, in its
/// paragraph or closing the one before ("Ortega was defiant. “We did
/// nothing wrong.”", "Then Ortega spoke: “…”"), when that sentence holds no
/// quotation of its own and its subject stands right before its verb.
fn introduced_by(doc: &Doc, m: &Marked) -> Option<Attribution> {
    let open = m.open_tok?;
    let inner = m.inner.slice(doc.text);
    let whole = !m.closed || inner.ends_with(['.', '!', '?', '…']);
    if open == 0 || !whole || inner.split_whitespace().count() < 3 || !opens_sentence(doc, open) {
        return None;
    }
    let last = open - 1;
    if doc.para(last) + 1 < m.para {
        return None;
    }
    let sent = doc.sentence_of(last);
    let e = if doc.low(last) == ":" {
        // "Sunak defended the record whilst promising a “formal update”:
        // “…”": a clause ending in a colon introduces the quote, whatever
        // words it quotes itself.
        doc.main_subject(last)?.entity?
    } else {
        if (sent.start..=last).any(|k| doc.quote(k).is_some() || doc.is_mark(k)) {
            return None;
        }
        let first = doc.after_dateline(sent.start, last);
        let np = doc.np_after(first)?;
        if np.end >= last || !matches!(doc.tag(np.end), Tag::Verb | Tag::Aux) {
            return None;
        }
        doc.resolve(&np).entity?
    };
    let person = doc
        .ann
        .entities
        .get(e)
        .is_some_and(|x| x.kind == EntityKind::Person);
    person.then_some(Attribution {
        agent: Agent::of(e),
        cue: None,
    })
}

/// Indirect quotes: clauses reported by a speech verb or "according to"
/// (not by the cues in `used`, sorted, which attribute direct quotes).
fn indirect(doc: &Doc, used: &[usize], direct: &[Quote]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut covered_to = 0; // end byte of the last reported clause
    for (i, t) in doc.toks.iter().enumerate() {
        if t.kind() == TokenKind::Punct {
            continue;
        }
        if !SPEECH_PREFILTER.may_contain_folded(doc.word(i)) {
            continue;
        }
        let w = doc.low(i);
        let according = w == "according" && doc.low(i + 1) == "to";
        let usage = if according {
            None
        } else {
            match SPEECH_VERBS.get(w) {
                Some(u) => Some(*u),
                None => continue,
            }
        };
        if doc.quote(i).is_some()
            || (used.binary_search(&i).is_ok() && !after_closed_quote(doc, i))
            || t.start() < covered_to
            || doc.ann.mention_at(t.start()).is_some()
        {
            continue;
        }
        let found = match usage {
            None => according_to(doc, i),
            Some(SpeechUse::Any) => reported(doc, i, false),
            Some(SpeechUse::That) => reported(doc, i, true),
            Some(SpeechUse::Quote) => None,
        };
        let Some((attr, span)) = found else { continue };
        if according && reports_speech(doc, span) {
            continue;
        }
        let near = direct.partition_point(|q| q.span.end <= span.start);
        let inside_direct = direct[near..]
            .iter()
            .take_while(|q| q.span.start < span.end)
            .any(|q| mostly_inside(span, q.span));
        if span.is_empty() || inside_direct {
            continue;
        }
        let span = with_closing_mark(doc, span);
        covered_to = covered_to.max(span.end);
        out.push(Quote {
            kind: QuoteKind::Indirect,
            speaker: attr.agent.entity,
            speaker_name: attr.agent.name,
            cue: attr.cue.map(|c| cue_span(doc, c)),
            span,
        });
    }
    out
}

/// `span` with the closing mark of the quotation it ends in, when it
/// holds that quotation's opening mark too (a reported clause ending in
/// quoted words: "its offer was “fair and final”").
fn with_closing_mark(doc: &Doc, span: Span) -> Span {
    let last = doc.toks.partition_point(|t| t.start() < span.end);
    let Some(m) = last
        .checked_sub(1)
        .and_then(|k| doc.quote(k))
        .map(|q| &doc.marks[q])
    else {
        return span;
    };
    if m.closed && m.inner.end == span.end && span.start <= m.outer.start {
        Span::new(span.start, m.outer.end)
    } else {
        span
    }
}

/// True when the speech verb at token `v` and its subject open a sentence
/// after a quotation that closed its own ('"… to save." She said the
/// building …'): the verb may attribute the quotation before and still
/// report a clause of its own.
fn after_closed_quote(doc: &Doc, v: usize) -> bool {
    let Some(s) = doc.subject_before(v) else {
        return false;
    };
    let start = s.np.start;
    start >= 2
        && s.appos.is_none()
        && doc.is_mark(start - 1)
        && matches!(doc.low(start - 2), "." | "!" | "?")
        && doc.word(start).starts_with(char::is_uppercase)
}

/// The span of the cue at token `c`: the speech verb, or "according to".
fn cue_span(doc: &Doc, c: usize) -> Span {
    let end = if doc.low(c) == "according" {
        c + 2
    } else {
        c + 1
    };
    doc.span(c, end)
}

/// True when at least half of `a` lies inside `b`.
fn mostly_inside(a: Span, b: Span) -> bool {
    let overlap = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    overlap * 2 >= a.len()
}

/// The clause reported by the speech verb at token `v`, with its speaker.
fn reported(doc: &Doc, v: usize, needs_that: bool) -> Option<(Attribution, Span)> {
    let prev = v.checked_sub(1).map_or("", |p| doc.low(p));
    if prev == "as" && v >= 2 && doc.low(v - 2) == "quoted" {
        return quoted_as_saying(doc, v);
    }
    if matches!(
        prev,
        "to" | "is" | "are" | "was" | "were" | "been" | "be" | "being"
    ) {
        // "is said to", "was told", "to say"; but "I was told by the
        // board that …" names its speaker.
        return told_by(doc, v);
    }
    if asks_whether(doc, v) {
        return None;
    }
    // "the neighbouring state of Ostia", "a formal report": a base form
    // after its modifier, tagged a noun, is the noun (the word is looked
    // at first: "said", "says", "told" never are, and cost no tagging).
    let base = !matches!(doc.low(v).as_bytes().last(), Some(b's' | b'd'));
    // A noun after a determiner modifies it too ("the inspection report
    // that …").
    let modifier = |m: usize| {
        matches!(doc.tag(m), Tag::Adj | Tag::Det)
            || ((doc.low(m).ends_with("ing") || doc.tag(m) == Tag::Noun)
                && m > 0
                && DETERMINERS.contains(doc.low(m - 1)))
    };
    if base && v > 0 && modifier(v - 1) && doc.tag(v) == Tag::Noun {
        return None;
    }
    // "I've seen reports that …", "had heard claims that …": a plural
    // after a verb that is no auxiliary (or a participle after "have") is
    // that verb's object, a noun.
    let perfect = v > 1 && {
        let w = doc.low(v - 2);
        matches!(w, "have" | "has" | "had") || w.ends_with("'ve") || w.ends_with("’ve")
    };
    if doc.low(v).ends_with('s')
        && v > 0
        && (doc.tag(v - 1) == Tag::Verb || perfect)
        && !AUXILIARIES.contains(prev)
        && !BETWEEN_SUBJECT_AND_VERB.contains(prev)
    {
        return None;
    }
    // "the number of confirmed cases rose": a participle after a
    // preposition modifies the noun after it and reports nothing.
    if doc.low(v).ends_with("ed") && v > 0 && doc.tag(v - 1) == Tag::Adp {
        return None;
    }
    if prev == ","
        && let Some(found) = clause_before(doc, v)
    {
        return Some(found);
    }
    if let Some(found) = as_told(doc, v) {
        return Some(found);
    }
    // "the said …" is no verb; "Another said …" opening its sentence is.
    let standing = v > 0 && doc.sentence_of(v).start == v - 1 && is_standing_quantifier(prev);
    if (!DETERMINERS.contains(prev) || standing)
        && let Some(c) = clause_after(doc, v, needs_that)
    {
        let end = doc.clause_end(c);
        let with_that = doc.low(c - 1) == "that";
        // "announced a closure to suspend it until …": a noun phrase whose
        // first verb is an infinitive is an object, not a clause.
        // (A finite verb the tagger missed may stand before "to": "the
        // agency plans to open", "it had promised to keep".)
        let infinitive_first = (c..end).find(|&k| doc.tag(k).is_verbal()).is_some_and(|k| {
            k > c + 1
                && doc.low(k - 1) == "to"
                && !doc.is_past_form(k - 2)
                && !doc.low(k - 2).ends_with('s')
                && !(c..k - 1).any(|j| doc.is_past_form(j))
        });
        if end <= c
            || doc.is_mark(c)
            || !(with_that
                || (!infinitive_first
                    && looks_finite(doc, c, end)
                    && subject_and_verb(doc, c, end)))
        {
            return None;
        }
        if in_relative_clause(doc, v) {
            return None;
        }
        let attr = speaker_of_verb(doc, v)?;
        return Some((attr, doc.span(c, end)));
    }
    if needs_that || prev == "," {
        return None;
    }
    clause_before(doc, v)
}

/// True when the speech verb at token `v` and its subject make a relative
/// clause whose reported clause lacks the noun it modifies ("Publish the
/// review the trust says it relied on", "pay what it said it would pay"):
/// the subject follows "what" or "which", or a verb's object noun right
/// before it. Such a clause reports no whole statement.
fn in_relative_clause(doc: &Doc, v: usize) -> bool {
    let Some(s) = doc.subject_before(v) else {
        return false;
    };
    let Some(b) = s.np.start.checked_sub(1) else {
        return false;
    };
    if matches!(doc.low(b), "what" | "which") {
        return true;
    }
    let floor = doc.sentence_of(v).start;
    doc.tag(b) == Tag::Noun
        && DETERMINERS.contains(doc.low(s.np.start))
        && doc
            .np_before(b, floor)
            .and_then(|np| np.start.checked_sub(1))
            .is_some_and(|k| k >= floor && doc.tag(k) == Tag::Verb)
}

/// True when the speech verb at token `v` stands in a yes-no question,
/// an auxiliary or modal opening its sentence before the verb's subject
/// ("Can you promise that …?", "Did the minister say that …?"): a
/// question about speech, which reports none.
fn asks_whether(doc: &Doc, v: usize) -> bool {
    let sentence = doc.whole_sentence(v);
    let question = sentence.clone().rev().take(3).any(|k| doc.low(k) == "?");
    if !question {
        return false;
    }
    let Some(s) = doc.subject_before(v) else {
        return false;
    };
    let k = s.np.start;
    k > sentence.start
        && AUXILIARIES.contains(doc.low(k - 1))
        && (k - 1 == sentence.start || doc.low(k - 2) == ":")
}

/// True when tokens `a..b` open with a subject and its verb by their
/// part-of-speech tags: the first verb comes after a noun or pronoun and
/// not right after a conjunction. "denied these allegations" (no verb) and
/// "admitted the error and apologised" (a second verb of the same subject)
/// report no clause.
fn subject_and_verb(doc: &Doc, a: usize, b: usize) -> bool {
    // "they'd asked …", "we'll see": a pronoun with its contracted
    // auxiliary is both.
    if contracted_auxiliary(doc.low(a)) {
        return true;
    }
    // A verb form that modifies a noun ("the alleged crime") is no verb of
    // the clause.
    let verbal = |k: usize| {
        (doc.tag(k).is_verbal() || AUXILIARIES.contains(doc.low(k)))
            && !(k > a && matches!(doc.tag(k - 1), Tag::Det | Tag::Adj | Tag::Adp))
    };
    let b = b.min(a + 15);
    let Some(v) = (a..b).find(|&k| verbal(k)) else {
        return false;
    };
    if v == a && doc.low(a).ends_with("ing") {
        // A gerund subject: "adding salt is the simplest way", "adding it
        // to salt is best" (an auxiliary is the clause's verb whatever the
        // tagger takes the word before it for), not "admitted taking it
        // and was fired".
        return (a + 1..b).any(|k| {
            verbal(k)
                && (doc.tag(k - 1).is_nominal()
                    || (AUXILIARIES.contains(doc.low(k)) && doc.tag(k - 1) != Tag::Cconj))
        });
    }
    // "argued the case, told reporters …": a lone comma never parts a
    // subject from its verb (an apposition or aside takes two).
    let lone_comma = |v: usize| doc.low(v - 1) == "," && !(a..v - 1).any(|k| doc.low(k) == ",");
    v > a
        && doc.tag(v - 1) != Tag::Cconj
        && !lone_comma(v)
        && (a..v).any(|k| doc.tag(k).is_nominal())
}

/// True when the word `w` is a personal pronoun with a contracted
/// auxiliary ("they'd", "we'll", "I’ve", "you're"): a subject and its verb
/// in one token.
fn contracted_auxiliary(w: &str) -> bool {
    [
        "'d", "'ll", "'ve", "'re", "'m", "’d", "’ll", "’ve", "’re", "’m",
    ]
    .iter()
    .find_map(|aux| w.strip_suffix(aux))
    .is_some_and(|stem| stem == "you" || PRONOUNS.contains_key(stem))
}

/// True when tokens `a..b` may be a clause rather than a noun phrase: a
/// phrase whose second or third word is a preposition ("tweeted support
/// of …", "said the post by …") or that opens with a participle must hold a
/// finite-looking verb (an auxiliary, a form in -ed, or one in -s after a
/// noun).
fn looks_finite(doc: &Doc, a: usize, b: usize) -> bool {
    let b = b.min(a + 12);
    // "tweeted using his account" is a participle phrase; "say adding salt
    // is best" a clause with a gerund subject.
    let participle = doc.low(a).ends_with("ing") && doc.word(a).starts_with(char::is_lowercase);
    let preposition_early = (a + 1..b.min(a + 3)).any(|k| {
        matches!(
            doc.low(k),
            "of" | "by" | "for" | "via" | "with" | "from" | "on" | "in" | "at" | "to"
        )
    });
    !(preposition_early || participle)
        || (a..b).any(|k| {
            let w = doc.low(k);
            let lower_word = doc.is_word(k) && doc.word(k).starts_with(char::is_lowercase);
            AUXILIARIES.contains(w)
                || contracted_auxiliary(w)
                || doc.is_past_form(k)
                || (lower_word
                    && k > a
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    && !DETERMINERS.contains(w)
                    && !PRONOUNS.contains_key(w)
                    && !DETERMINERS.contains(doc.low(k - 1)))
        })
}

/// The first token of the clause after the speech verb at `v`, if one follows.
fn clause_after(doc: &Doc, v: usize, needs_that: bool) -> Option<usize> {
    let sent = doc.sentence_of(v);
    let mut c = v + 1;
    let tell = is_tell(doc.low(v));
    let mut named_object = false;
    if tell && OBJECT_PRONOUNS.contains(&doc.low(c)) {
        c += 1;
    } else if tell && let Some(next) = after_hearer(doc, c) {
        // "told Smith he would …", "told BBC News every claim …"
        c = next;
        named_object = true;
    }
    c = doc.after_time_phrase(c);
    // "say that's not what they see": a "that" before a verb is the
    // clause's subject, a pronoun; a complementizer comes before one.
    let pronoun_that = |k: usize| {
        let next = doc.low(k + 1);
        matches!(next, "'s" | "’s") || AUXILIARIES.contains(next)
    };
    if doc.low(c) == "that" && pronoun_that(c) {
        return Some(c);
    }
    if doc.low(c) == "that" {
        return (c + 1 < sent.end && !verbless(doc, c + 1, sent.end)).then_some(c + 1);
    }
    // "said in a statement that", "told reporters that"; but in "…, he
    // said, adding that …" or "said it was illegal, adding that …" the
    // "that" after a comma and a participle is the participle's.
    let that = (c..sent.end.min(c + 9))
        .take_while(|&k| {
            (doc.is_word(k) || doc.low(k) == ",")
                && !(doc.low(k) == "," && doc.low(k + 1).ends_with("ing"))
        })
        .find(|&k| doc.low(k) == "that");
    // "said the agency backed the plan but warned that …": a clause with a
    // verb of its own comes first, and the "that" is the second verb's.
    // (A time word the tagger took for a verb is none: "told me only
    // yesterday that …".)
    let own_clause = || {
        doc.tag(c) != Tag::Adp
            && (c..that.unwrap_or(c))
                .any(|j| doc.tag(j) == Tag::Verb && !BETWEEN_SUBJECT_AND_VERB.contains(doc.low(j)))
    };
    // "wrote to our chair, X, that …": a "to" right after the verb brings
    // the hearer (not an infinitive: "agreed to say that").
    let hearer_to = |j: usize| j == v + 1 && !doc.tag(j + 1).is_verbal();
    // "told me the building was empty and that the alarm was off": a
    // "that" after "and" opens a second clause; the first opens at `c`.
    if let Some(k) = that
        && k > c + 1
        && matches!(doc.low(k - 1), "and" | "but")
        && (c..k - 1).any(|j| doc.tag(j).is_verbal())
    {
        return Some(c);
    }
    if let Some(k) = that
        && (c..k).all(|j| doc.low(j) != "to" || hearer_to(j))
        && !own_clause()
    {
        return (k + 1 < sent.end).then_some(k + 1);
    }
    if needs_that || c >= sent.end || !doc.is_word(c) {
        return None;
    }
    let w = doc.low(c);
    // "said no", but "said no decision had been made" and "said nothing
    // had changed": a subject with its verb.
    let subject_no = matches!(w, "no" | "nothing") && subject_and_verb(doc, c, doc.clause_end(c));
    // "said this before", "said it again": a pronoun with no verb after
    // it is the verb's object, not a clause's subject.
    let object = matches!(w, "this" | "these" | "those" | "it" | "so")
        && !(pronoun_that(c) || doc.tag(c + 1).is_verbal());
    let bad_start = QUESTION_WORDS.contains(&w)
        || object
        || crate::annotate::words::SUBJECT_BREAKERS.contains(w) && !matches!(w, "there" | "it's")
        || (crate::annotate::words::REPLY_WORDS.contains(w) && !subject_no);
    (!bad_start && (!tell || named_object || OBJECT_PRONOUNS.contains(&doc.low(v + 1))))
        .then_some(c)
}

/// True when tokens `a..b`, opening with neither a name, a determiner nor
/// a pronoun, hold no verb: "that" before them was a pronoun ("He said
/// that in March too"), not the start of a clause. (Only such openings are
/// tagged.)
fn verbless(doc: &Doc, a: usize, b: usize) -> bool {
    let w = doc.word(a);
    let clause_like = w.starts_with(char::is_uppercase)
        || DETERMINERS.contains(doc.low(a))
        || PRONOUNS.contains_key(doc.low(a));
    !clause_like && !(a..b).any(|j| matches!(doc.tag(j), Tag::Verb | Tag::Aux))
}

/// When a hearer starts at token `c` and a clause follows it, the token
/// after the hearer: a name, with or without "the" ("told Smith he would
/// …", "told the BBC the plan was dead"), and a word that is not a
/// preposition or "to" after it; or up to three common nouns ("told
/// reporters the plan was dead") before a determiner or pronoun opening
/// the clause.
fn after_hearer(doc: &Doc, c: usize) -> Option<usize> {
    let n = c + usize::from(doc.low(c) == "the");
    if let Some(m) = doc.ann.mention_at(doc.toks.get(n)?.start())
        && doc.ann.mentions[m].span.start == doc.toks[n].start()
    {
        let span = doc.ann.mentions[m].span;
        let next = doc.toks.partition_point(|t| t.start() < span.end);
        let w = doc.low(next);
        let opens_clause = doc.is_word(next)
            && (!crate::annotate::words::SUBJECT_BREAKERS.contains(w)
                || matches!(w, "there" | "it's"));
        return opens_clause.then_some(next);
    }
    let next = (n..n + 3)
        .take_while(|&k| doc.tag(k) == Tag::Noun && doc.word(k).starts_with(char::is_lowercase))
        .last()?
        + 1;
    let opens = matches!(
        doc.low(next),
        "the" | "a" | "an" | "his" | "her" | "its" | "their" | "he" | "she" | "it" | "they" | "we"
    );
    opens.then_some(next)
}

/// True for speech verbs that take the hearer as object ("told reporters").
fn is_tell(verb: &str) -> bool {
    crate::annotate::words::TELL_VERBS.contains(verb)
}

/// A clause reported before its verb: "…, researchers say." or "…, said
/// Smith." or the parenthetical "X, said Smith, are …".
fn clause_before(doc: &Doc, v: usize) -> Option<(Attribution, Span)> {
    let sent = doc.sentence_of(v);
    let ends_here =
        |k: usize| k >= sent.end || !doc.is_word(k) || matches!(doc.low(k), "in" | "on" | "at");
    // …, researchers say. But not "In a statement, the ministry said:",
    // whose opening phrase is a prepositional one with no verb and whose
    // words follow the colon.
    // "…, a spokeswoman for the board, Claire Odum, said": the subject
    // opens at the head its phrase postmodifies.
    let lead = |s: &crate::annotate::acts::agent::Subject| match &s.appos {
        Some(a) if !a.is_empty() => doc.postmodified(s.np.clone(), sent.start).start,
        _ => s.np.start,
    };
    if let Some(s) = doc.subject_before(v)
        && !s.negated
        && lead(&s) > sent.start
        && doc.low(lead(&s) - 1) == ","
        && ends_here(v + 1)
        && doc.low(v + 1) != ":"
    {
        let start = lead(&s);
        let from = doc.after_dateline(sent.start, start);
        if doc.tag(from) == Tag::Adp && !(from..start).any(|k| doc.tag(k).is_verbal()) {
            return None;
        }
        // Nor a name alone, a vocative: "Councillor Okonjo, you said, …".
        let before = doc.span(from, start - 1);
        if doc
            .ann
            .mention_at(before.start)
            .is_some_and(|m| doc.ann.mentions[m].span == before)
        {
            return None;
        }
        let clause = clause_span(doc, from, start - 1)?;
        let agent = doc.resolve_subject(&s);
        return Some((
            Attribution {
                agent,
                cue: Some(v),
            },
            clause,
        ));
    }
    // …, said Smith.  /  X, said Smith, are …
    // (Not "…, state that …": "that" opens the verb's own clause.)
    if v > sent.start && doc.low(v - 1) == "," && !is_tell(doc.low(v)) && doc.low(v + 1) != "that" {
        // "The head of the agency, John Smith, said the plan works": the
        // comma closes the subject's apposition, and the verb reports what
        // follows it.
        if doc
            .subject_before(v)
            .is_some_and(|s| s.appos.is_some_and(|a| !a.is_empty()))
        {
            return None;
        }
        let np = doc.np_after(v + 1)?;
        if np.end < sent.end && doc.is_word(np.end) {
            return None;
        }
        // "…, said it supported the decision": a clause, not a speaker.
        let clause = (np.start + 1..np.end).any(|k| doc.is_past_form(k))
            || (np.len() > 1
                && PRONOUNS.contains_key(doc.low(np.start))
                && !(DETERMINERS.contains(doc.low(np.start)) && doc.apposed_actor(&np).is_some()));
        if clause {
            return None;
        }
        // "…, said its director, Tomas Rieger.": the person named.
        let (agent, np_end) = doc.inverted_speaker(&np);
        let parenthetical = doc.low(np_end) == "," && np_end + 1 < sent.end;
        let clause = if parenthetical {
            clause_span(doc, sent.start, sent.end)?
        } else {
            clause_span(doc, sent.start, v - 1)?
        };
        return Some((
            Attribution {
                agent,
                cue: Some(v),
            },
            clause,
        ));
    }
    None
}

/// For "saying" at `v` in "X was quoted as saying …": the clause after
/// it, spoken by the subject of "quoted".
fn quoted_as_saying(doc: &Doc, v: usize) -> Option<(Attribution, Span)> {
    let s = doc.subject_before(v - 2)?;
    if s.negated {
        return None;
    }
    let c = clause_after(doc, v, false)?;
    clause_from(doc, c, doc.resolve_subject(&s), v)
}

/// For a passive speech verb at `v` with its agent ("I was told by the
/// transport board that the bridge would …", "we were assured by the
/// firm that …"): the "that" clause, spoken by the agent.
fn told_by(doc: &Doc, v: usize) -> Option<(Attribution, Span)> {
    // (Not "were promised by the firm that …": a pledge, not speech.)
    let speech = SPEECH_VERBS.get(doc.low(v)) == Some(&SpeechUse::Any);
    if doc.low(v + 1) != "by" || !doc.low(v).ends_with(['d', 'n']) || !speech {
        return None;
    }
    let np = doc.np_after(v + 2)?;
    let that = (np.end..np.end + 4)
        .take_while(|&k| doc.is_word(k))
        .find(|&k| doc.low(k) == "that")?;
    clause_from(doc, that + 1, doc.resolve(&np), v)
}

/// A clause after an "As X told Y," opening: "As the mayor told reporters,
/// the money is there." The speaker is the subject of the verb at `v`.
fn as_told(doc: &Doc, v: usize) -> Option<(Attribution, Span)> {
    let sent = doc.sentence_of(v);
    let s = doc.subject_before(v)?;
    let opens = s.np.start.checked_sub(1)?;
    if s.negated || doc.low(opens) != "as" || !(opens == sent.start || doc.low(opens - 1) == ",") {
        return None;
    }
    let comma = (v + 1..sent.end.min(v + 8)).find(|&k| doc.low(k) == ",")?;
    if (v + 1..comma).any(|k| !doc.is_word(k)) {
        return None;
    }
    clause_from(doc, comma + 1, doc.resolve_subject(&s), v)
}

/// The clause opening at token `start`, to its end, reported by `agent`
/// with the speech verb at token `cue`.
fn clause_from(doc: &Doc, start: usize, agent: Agent, cue: usize) -> Option<(Attribution, Span)> {
    let clause = clause_span(doc, start, doc.clause_end(start))?;
    Some((
        Attribution {
            agent,
            cue: Some(cue),
        },
        clause,
    ))
}

/// The span of tokens `a..b` without trailing punctuation, unless it is a
/// quotation (which the direct stage handles) or empty.
fn clause_span(doc: &Doc, a: usize, b: usize) -> Option<Span> {
    let mut b = b;
    while b > a && !doc.is_word(b - 1) {
        b -= 1;
    }
    if b <= a || doc.is_mark(a) || doc.quote(a).is_some() {
        return None;
    }
    Some(doc.span(a, b))
}

/// True when the clause `span` reports speech of its own ("according to
/// local media, police said the suspect fled"): a speech verb in it with a
/// reported clause. Its speaker is the one who said it; the source of the
/// report is no quote of its own.
fn reports_speech(doc: &Doc, span: Span) -> bool {
    let (Some(a), Some(b)) = (doc.token_at(span.start), doc.token_at(span.end - 1)) else {
        return false;
    };
    (a..=b).any(|k| match SPEECH_VERBS.get(doc.low(k)) {
        Some(SpeechUse::Any) => reported(doc, k, false).is_some(),
        Some(SpeechUse::That) => reported(doc, k, true).is_some(),
        _ => false,
    })
}

/// Most words of an opener with no verb before "according to" ("Last
/// year, according to …").
const MAX_OPENER: usize = 4;

/// The quote introduced by "according to" at token `i`.
fn according_to(doc: &Doc, i: usize) -> Option<(Attribution, Span)> {
    let sent = doc.sentence_of(i);
    let np = doc.np_after(i + 2)?;
    // "According to the firm's spokeswoman, Ana Ruiz, …": the person named.
    let (mut agent, np_end) = doc.inverted_speaker(&np);
    // The object of "according to" is a noun phrase even where the tagger
    // read a verb ("according to officials at …").
    if !agent.is_known() {
        agent.name = Some(doc.span(np.start, np.end).slice(doc.text).to_owned());
    }
    let attr = Attribution {
        agent,
        cue: Some(i),
    };
    // According to X, …
    let after = || {
        let mut c = np_end;
        while c < sent.end && doc.low(c) != "," {
            c += 1;
        }
        let end = doc.clause_end(c + 1);
        clause_span(doc, c + 1, end).map(|span| (span, c + 1..end))
    };
    if i == sent.start || doc.low(i - 1) == "that" {
        return Some((attr, after()?.0));
    }
    // "Today, according to X, …": a short opener with no verb before it
    // reports nothing when a clause with a verb follows X.
    let opener = i > sent.start + 1
        && doc.low(i - 1) == ","
        && i - 1 - sent.start <= MAX_OPENER
        && (sent.start..i - 1).all(|k| doc.is_word(k) && !doc.tag(k).is_verbal());
    if opener
        && let Some((span, words)) = after()
        && words.clone().any(|k| doc.tag(k).is_verbal())
    {
        return Some((attr, span));
    }
    let b = if doc.low(i - 1) == "," { i - 1 } else { i };
    Some((attr, clause_span(doc, sent.start, b)?))
}

#[cfg(test)]
mod tests;
