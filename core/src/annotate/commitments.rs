//! Commitments: what an actor pledged, intends, or demands.
//!
//! Cues come from `lexicon/commitment_cues.txt`: verbs with the frames they
//! take (`plans to` + verb, `urged X to` + verb, `demanded that` + clause,
//! `called for` + phrase) and nominal cues whose actor is found through
//! "by/from X", a possessive, or a light verb ("a commitment by North Korea
//! to …", "its goal is to …", "Labour has a plan to …"). A first-person
//! `will` inside a quote is a pledge of the speaker; a `will`/`would` in a
//! clause reported by an actor who can commit is a pledge of its subject
//! ("they said they will keep …", "the mayor said the company would close
//! two plants"), each coordinated modal its own; observers' forecasts are
//! not ("analysts said the bill will pass"). A reported "may|might" is an
//! intent of the reporter ("she said she might run again"), and a quoted
//! "we may" one of the speaker. A condition after the content stays in it
//! ("promised to cut taxes if elected").
//! Negated cues, cues in an if-clause or a question, and cues with no "to" +
//! verb where one is needed are left out; bare futures are never cues.

use std::ops::Range;
use std::sync::LazyLock;

use self::frames::{Cue, Frames};
use crate::annotate::acts::Doc;
use crate::annotate::acts::agent::{Agent, ISSUE_VERBS};
use crate::annotate::cursor::Cursor;
use crate::annotate::descriptions::organization_noun;
use crate::annotate::learn::tagger::Tag;
use crate::annotate::lexicon::{LEXICON, entries, set};
use crate::annotate::segment::TokenKind;
use crate::annotate::voice;
use crate::annotate::words::{
    AUXILIARIES, BETWEEN_SUBJECT_AND_VERB, DETERMINERS, DOCUMENT_NOUNS, MODALS, PRONOUNS,
    Prefilter, PronounClass, SPEECH_VERBS, TIME_UNITS, WordMap, WordSet, is_ly_adverb,
};
use crate::model::{
    Commitment, CommitmentKind, EntityId, EntityKind, MentionForm, QuoteKind, Span,
};

/// The cues, and for each first-token form the indices of the cues starting with it.
type CueTable = (Vec<Cue>, WordMap<Vec<usize>>);

/// The cue table, loaded once.
static CUES: LazyLock<CueTable> = LazyLock::new(|| {
    let cues: Vec<Cue> = entries(include_str!("lexicon/commitment_cues.txt"))
        .filter_map(parse_cue)
        .collect();
    let mut by_first: WordMap<Vec<usize>> = WordMap::default();
    for (i, c) in cues.iter().enumerate() {
        for form in c.seq.first().into_iter().flatten() {
            by_first.entry(form).or_default().push(i);
        }
    }
    (cues, by_first)
});

/// Rules out most words before looking them up among the cues' first
/// words and the futures of [`will_pledge`].
static CUE_PREFILTER: LazyLock<Prefilter> = LazyLock::new(|| {
    Prefilter::new(CUES.1.keys().copied().chain([
        "will", "shall", "would", "may", "might", "we'll", "i'll", "going",
    ]))
});

/// Verbs that pass their subject to a nominal cue.
static LIGHT_VERBS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/light_verbs.txt")));

/// Nouns naming observers, whose futures are forecasts.
static OBSERVER_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/observer_nouns.txt")));

/// Verbs whose future, with a thing as subject, is the arrangement of the
/// actor reporting it.
static ARRANGED_VERBS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/arranged_verbs.txt")));

/// Nouns naming the members of a body, who act as it does.
static MEMBER_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/member_nouns.txt")));

/// Sides of a court case ("the defence"), which their lawyer speaks for.
static CASE_SIDES: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/case_sides.txt")));

/// Common nouns naming actors.
static AGENT_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/agent_nouns.txt")));

/// Parses "KIND FRAMES: CUE".
fn parse_cue(line: &'static str) -> Option<Cue> {
    let (head, cue) = line.split_once(':')?;
    let (kind, frames) = head.split_once(' ')?;
    let kind = match kind {
        "pledge" => CommitmentKind::Pledge,
        "intent" => CommitmentKind::Intent,
        "demand" => CommitmentKind::Demand,
        _ => return None,
    };
    let mut f = Frames::default();
    for name in frames.trim().split(',') {
        match name.trim() {
            "to" => f.to = true,
            "obj" => f.obj = true,
            "that" => f.that = true,
            "np" => f.np = true,
            "agent" => f.agent = true,
            "noun" => f.noun = true,
            "own" => f.own = true,
            _ => return None,
        }
    }
    let seq: Vec<Vec<&str>> = cue
        .split_whitespace()
        .map(|t| t.split('|').collect())
        .collect();
    (!seq.is_empty()).then_some(Cue {
        kind,
        frames: f,
        seq,
    })
}

/// Finds the commitments of a document, given its sentences, entities and
/// quotes.
pub fn find(doc: &Doc) -> Vec<Commitment> {
    let (cues, by_first) = &*CUES;
    let mut out = Vec::new();
    let mut taken_to = 0; // first token not yet part of a trigger
    let mut last_content = Span::default();
    let (mut quotes, mut headings) = (Cursor::default(), Cursor::default());
    for i in 0..doc.toks.len() {
        let quote = doc.quote_from(&mut quotes, i);
        if i < taken_to {
            continue;
        }
        // Only a word the prefilter lets through can open a cue or a
        // future (no token is empty): the others' lowercase is not read.
        let cue_word = CUE_PREFILTER.may_contain_folded(doc.word(i));
        let w = if cue_word { doc.low(i) } else { "" };
        let future = cue_word && is_future_word(w);
        let after_mark = after_list_mark(doc, i);
        // A headline or byline is no clause to mine: "Council vows to …"
        // above a story is its title.
        // The text's own voice may demand by an imperative: any word.
        let may_cue = cue_word
            || quote.is_some()
            || doc.voiced(i).is_some()
            || (after_mark && (1..=2).any(|n| i >= n && list_marker(doc, i - n) == Some(n)));
        if !may_cue || doc.in_heading_from(&mut headings, i) || inside_name(doc, i) {
            continue;
        }
        // "hoped to reach a deal": the deal is the hope's content, not a pledge.
        let t = doc.toks[i].span();
        if last_content.contains(t.start)
            && i > 0
            && doc.low(i - 1) == "to"
            && t.start == last_content.start
        {
            continue;
        }
        let found = if let Some(list) = cue_word.then(|| by_first.get(w)).flatten() {
            let sent_end = doc.sentence_of(i).end;
            let mut matches: Vec<(usize, usize)> = list
                .iter()
                .filter_map(|&c| matches_at(doc, &cues[c], i, sent_end).map(|end| (c, end)))
                .collect();
            matches.sort_by_key(|&(c, end)| (std::cmp::Reverse(end), c));
            matches
                .into_iter()
                .find_map(|(c, end)| commitment_at(doc, &cues[c], i, end))
        } else {
            None
        }
        // "Third, require the company to pay …": a cue verb as the voice's
        // imperative has no subject of its own; the voice demands it.
        .and_then(|f| {
            let actorless = f.0.actor.is_none() && f.0.actor_name.is_none();
            if actorless {
                voice_demand(doc, i)
            } else {
                None
            }
            .or(Some(f))
        })
        // These three are futures of a modal (or "going"), the list item
        // one comes after a list marker: the rest are not asked.
        .or_else(|| future.then(|| conjunct_future(doc, i, out.last()))?)
        .or_else(|| future.then(|| will_pledge(doc, i))?)
        .or_else(|| after_mark.then(|| listed_future(doc, i))?)
        .or_else(|| future.then(|| reported_passive(doc, i))?)
        .or_else(|| cue_word.then(|| bound_object(doc, i))?)
        .or_else(|| voice_demand(doc, i))
        .or_else(|| quote.and_then(|q| quoted_demand(doc, i, q, out.last())));
        if let Some((c, last)) = found {
            taken_to = last;
            if c.content.is_empty() {
                continue;
            }
            last_content = c.content;
            out.push(c);
        }
    }
    out
}

/// True when token `i` is a capitalised word inside a longer name ("the
/// Court of Appeal", "the Pledge Fund"): part of a name, no cue.
fn inside_name(doc: &Doc, i: usize) -> bool {
    let capitalised = doc.word(i).starts_with(char::is_uppercase);
    capitalised
        && doc
            .mention_of(i)
            .is_some_and(|m| m.form == MentionForm::Name && m.span.len() > doc.toks[i].span().len())
}

/// The end (exclusive) of `cue` matched at token `i`, if it matches before
/// `sent_end` (the end of the sentence of `i`, as [`Doc::sentence_of`]
/// cuts it). After a form of "be" opening a cue, adverbs may stand before
/// the rest ("is also considering", "were still willing to").
fn matches_at(doc: &Doc, cue: &Cue, i: usize, sent_end: usize) -> Option<usize> {
    let mut j = i;
    for (k, forms) in cue.seq.iter().enumerate() {
        if k == 1 && cue.seq[0].contains(&"is") {
            while j < sent_end && {
                let w = doc.low(j);
                (BETWEEN_SUBJECT_AND_VERB.contains(w) && !AUXILIARIES.contains(w))
                    || is_ly_adverb(w)
            } {
                j += 1;
            }
        }
        if k == 1 && forms.iter().any(|f| PARTICLES.contains(f)) {
            j = after_frequency(doc, j, sent_end);
        }
        if j >= sent_end || !forms.contains(&doc.low(j)) {
            return None;
        }
        j += 1;
    }
    Some(j)
}

/// Prepositions that join a cue verb to its phrase ("called for", "called
/// on", "pleaded with").
const PARTICLES: [&str; 5] = ["for", "on", "upon", "with", "to"];

/// The first token from `j` (before `end`) past a phrase of frequency,
/// manner or time between a cue verb and its preposition: "asked several
/// times for", "called again for", "called publicly on", "asked three
/// times for", "agreed on Thursday to".
fn after_frequency(doc: &Doc, mut j: usize, end: usize) -> usize {
    while j < end {
        let w = doc.low(j);
        let timed = doc.after_time_phrase(j);
        if timed > j && timed < end {
            j = timed;
        } else if is_ly_adverb(w) || matches!(w, "again" | "also" | "once") {
            j += 1;
        } else if doc.low(j + 1) == "times"
            && (matches!(
                w,
                "several" | "many" | "numerous" | "multiple" | "two" | "three"
            ) || w.bytes().all(|b| b.is_ascii_digit()))
        {
            j += 2;
        } else {
            break;
        }
    }
    j
}

/// A found commitment and the first token after its trigger.
type Found = (Commitment, usize);

/// The commitment of `cue` matched at tokens `i..end`, if its frame holds:
/// a noun cue goes to [`nominal`]; a verb cue used as a verb is matched
/// against its frames ([`frames::verb_frame`]), then its content is cut
/// at its clause's end and its actor found ([`verb_actor`]).
fn commitment_at(doc: &Doc, cue: &Cue, i: usize, end: usize) -> Option<Found> {
    if filtered(doc, i) {
        return None;
    }
    if cue.frames.noun {
        return nominal(doc, cue, i);
    }
    if !cue.frames.agent && used_as_noun(doc, i) {
        return None;
    }
    let Some(frame) = frames::verb_frame(doc, cue, i, end) else {
        return relative_object(doc, cue, i, end);
    };
    // "What I can promise is that …": the cleft's subject acts, and what
    // follows "is" is the content.
    if let Some(cleft) = pseudo_cleft(doc, i, frame.content_start) {
        // "What we cannot promise is …": no commitment.
        let (actor, content_start) = cleft?;
        let content_end = doc.act_end(content_start);
        if content_end <= content_start {
            return None;
        }
        let c = build(
            doc,
            cue.kind,
            actor,
            None,
            i,
            frame.trigger_end,
            content_start,
            content_end,
        );
        return Some((c, frame.trigger_end));
    }
    let content_end = doc.act_end(frame.content_start);
    if content_end <= frame.content_start {
        return None;
    }
    let (actor, object, partner) = verb_actor(doc, cue, i, end, &frame, content_end)?;
    // "The union wants a rise" is its demand; "we want a system that …"
    // states the speaker's own aim (in a quote: in the text's own voice it
    // is no cue), "she wants a home" a need, and "the fans who want him
    // out", a restrictive relative clause, describes the fans.
    if cue.frames.own && i >= 2 && matches!(doc.low(i - 1), "who" | "that") && doc.low(i - 2) != ","
    {
        return None;
    }
    let own = cue.frames.own
        && doc
            .subject_before(i)
            .is_some_and(|s| matches!(doc.low(s.np.start), "i" | "we"));
    if cue.frames.own
        && if own {
            doc.voiced(i).is_some()
        } else {
            is_one_person(doc, &actor)
        }
    {
        return None;
    }
    let kind = if own {
        CommitmentKind::Intent
    } else {
        cue.kind
    };
    // To whom: the object ("urged Kim to"), a "with X" after the trigger
    // ("agreed with Seoul to"), or the partner of joint actors.
    let with = (doc.low(frame.trigger_end) == "with")
        .then(|| doc.np_after(frame.trigger_end + 1))
        .flatten();
    let counterpart = object
        .or(with)
        .and_then(|np| doc.resolve(&np).entity)
        .or(partner)
        .filter(|&e| Some(e) != actor.entity);
    Some((
        build(
            doc,
            kind,
            actor,
            counterpart,
            i,
            frame.trigger_end,
            frame.content_start,
            content_end,
        ),
        frame.trigger_end,
    ))
}

/// For a cue at token `i` inside a pseudo-cleft ("What I can promise is
/// that …", "What the union wants is a fair deal"), whose frame's content
/// would start at `content_start` on the "is" (or on a hearer before it):
/// the cleft's subject, between "what" and the cue past auxiliaries and
/// adverbs, and the token where the content starts, after "is" and a
/// "that" or "to"; `Some(None)` for a negated cleft ("What we cannot
/// promise is …"), one whose subject names no one, or one announcing
/// what follows a colon ("is this: …"), which commit no one. None for any
/// other clause.
fn pseudo_cleft(doc: &Doc, i: usize, content_start: usize) -> Option<Option<(Agent, usize)>> {
    // "What I can promise your listeners is …": a hearer may stand before "is".
    let be = (content_start..content_start + 5)
        .take_while(|&k| doc.is_word(k))
        .find(|&k| matches!(doc.low(k), "is" | "was"))?;
    if (content_start..be).any(|k| doc.tag(k).is_verbal()) {
        return None;
    }
    let what = (i.saturating_sub(6)..i)
        .rev()
        .find(|&k| doc.low(k) == "what")?;
    let subject_end = (what + 1..i)
        .find(|&k| {
            let w = doc.low(k);
            AUXILIARIES.contains(w) || BETWEEN_SUBJECT_AND_VERB.contains(w) || is_ly_adverb(w)
        })
        .unwrap_or(i);
    let negated = (what + 1..i).any(|k| matches!(doc.low(k), "not" | "n't" | "never" | "cannot"));
    let np = what + 1..subject_end;
    if np.is_empty() || !np.clone().all(|k| doc.is_word(k)) {
        return None;
    }
    let actor = doc.resolve(&np);
    // "What I can promise is this: …": the clauses after the colon are
    // acts of their own.
    let announces = matches!(doc.low(be + 1), "this" | "these") && doc.low(be + 2) == ":";
    if negated || announces || !actor.is_known() {
        return Some(None);
    }
    let mut start = be + 1;
    if matches!(doc.low(start), "that" | "to") {
        start += 1;
    }
    Some(Some((actor, start)))
}

/// A cue closing a relative clause whose object is the noun phrase before
/// it ("a moratorium on new dams, which downstream countries had
/// demanded", "the cap that tenants had asked for"): that phrase is the
/// content and the relative clause's subject the actor.
fn relative_object(doc: &Doc, cue: &Cue, i: usize, end: usize) -> Option<Found> {
    let sent = doc.sentence_of(i);
    if !cue.frames.np || (end < sent.end && doc.is_word(end)) {
        return None;
    }
    let mut s = doc.subject_before(i).filter(|s| !s.negated)?;
    // "that tenants": read as a determiner, it is the relative pronoun.
    if doc.low(s.np.start) == "that" && s.np.len() > 1 {
        s.np.start += 1;
    }
    let rel = s.np.start.checked_sub(1).filter(|&r| r > sent.start)?;
    if !matches!(doc.low(rel), "which" | "that") {
        return None;
    }
    let last = if doc.low(rel - 1) == "," {
        rel - 1
    } else {
        rel
    };
    let last = last.checked_sub(1).filter(|&l| l >= sent.start)?;
    if !doc.tag(last).is_nominal() {
        return None;
    }
    let mut np = doc.np_before(last, sent.start)?;
    // "a moratorium on new dams": the head and its phrase.
    if np.start >= sent.start + 2
        && matches!(doc.low(np.start - 1), "on" | "of" | "for" | "in")
        && let Some(head) = doc.np_before(np.start - 2, sent.start)
    {
        np = head.start..np.end;
    }
    let actor = doc.resolve_subject(&s);
    if !actor.is_known() {
        return None;
    }
    Some((
        build(doc, cue.kind, actor, None, i, end, np.start, np.end),
        end,
    ))
}

/// True when the verb cue at token `i` is used as a noun: after a
/// determiner or possessive ("the demand", "a planned", "their urgent
/// plea", "nurses' calls"; not a verb after the phrase's noun: "my office
/// stands ready"), after "in", "for", "of" or "about" ("apply for planning
/// permission"; but "by": "reacted by proposing a tax"), as the object of
/// a verb ("will revive demand", "to meet demand"), or tagged a noun
/// after a verb when the word is a noun cue too ("issued calls for an
/// audit", left to the noun cue; asked only of such words, to tag few
/// sentences).
fn used_as_noun(doc: &Doc, i: usize) -> bool {
    let prev = i.checked_sub(1).map_or("", |p| doc.low(p));
    let prev2 = i.checked_sub(2).map_or("", |p| doc.low(p));
    DETERMINERS.contains(prev)
        || matches!(prev, "'s" | "’s" | "in" | "for" | "of" | "about")
        || (matches!(prev, "'" | "’") && prev2.ends_with('s'))
        || (matches!(
            prev2,
            "a" | "an" | "no" | "his" | "her" | "its" | "their" | "our" | "my" | "'s" | "’s"
        ) && doc.is_word(i - 1)
            && !is_ly_adverb(prev)
            // "my office stands ready to": a noun, then the verb.
            && !(doc.tag(i - 1) == Tag::Noun && doc.tag(i) == Tag::Verb))
        || ((prev2 == "to" || MODALS.contains(&prev2))
            && doc.is_word(i - 1)
            && !is_ly_adverb(prev)
            && !matches!(
                prev,
                "also"
                    | "then"
                    | "again"
                    | "still"
                    | "now"
                    | "not"
                    | "never"
                    | "soon"
                    | "even"
                    | "only"
                    | "just"
                    | "first"
                    | "both"
                    | "all"
                    | "further"
                    | "today"
                    // An auxiliary: "will be required to", "would have asked".
                    | "be"
                    | "have"
            ))
        || (is_noun_cue(doc.low(i))
            && i > 0
            && doc.tag(i) == Tag::Noun
            && doc.tag(i - 1).is_verbal())
}

/// The actor of the verb cue at tokens `i..end` with `frame` (content
/// ending at `content_end`), with the phrase naming its counterpart and
/// the partner of joint actors. A passive directive's actor is its "by X"
/// or nobody; otherwise the cue's subject, the main subject for a
/// participle, or, for a reported offer ("Smith said the boy was welcome
/// to come"), the reporter, and for a quoted one, the speaker. None when
/// the subject is negated, a third person's story inside a quote, or not
/// an agent where the cue needs one.
fn verb_actor(
    doc: &Doc,
    cue: &Cue,
    i: usize,
    end: usize,
    frame: &frames::Frame,
    content_end: usize,
) -> Option<(Agent, Option<Range<usize>>, Option<usize>)> {
    let object = frame.object.clone();
    // "“Any family is welcome to stay,” she said": the speaker's offer to
    // the subject (not "we are welcome to …").
    if (i..end).any(|k| doc.low(k) == "welcome")
        && doc.quote(i).is_some()
        && !matches!(i.checked_sub(1).map(|p| doc.low(p)), Some("i" | "we"))
    {
        let speaker = doc.speaker_of_quote_at(doc.toks[i].start());
        if speaker.is_known() {
            let offered = doc.subject_before(i).map(|s| s.np);
            return Some((speaker, offered, None));
        }
    }
    if frame.passive_obj {
        // "were advised to …" names no adviser unless "by X" says who.
        let actor = match &frame.by_phrase {
            Some(np) => doc.resolve(np),
            None => by_agent(doc, frame.content_start, content_end)
                .or_else(|| unnamed_directive(doc, i))
                .unwrap_or_default(),
        };
        return Some((actor, object, None));
    }
    // "reacted by proposing a tax": the gerund's actor is the subject of
    // the verb it hangs on.
    if doc.low(i).ends_with("ing")
        && i > 0
        && matches!(doc.tag(i - 1), Tag::Adp | Tag::Sconj)
        && let Some(a) = clause_subject(doc, i - 1, doc.sentence_of(i).start, false)
    {
        return Some((a, object, None));
    }
    let Some(s) = doc.subject_before(i) else {
        if cue.frames.agent {
            return None;
        }
        return Some((doc.main_subject(i).unwrap_or_default(), object, None));
    };
    // "He wanted to be rich," she said: a story, not a commitment.
    if s.negated || (doc.quote(i).is_some() && third_person(doc, &s.np)) {
        return None;
    }
    // "anyone who wants to join", "every resident who wants a jab to have
    // one": whoever that is, no actor's act.
    if (s.np.len() == 1 && is_indefinite(doc.low(s.np.start)))
        || matches!(doc.low(s.np.start), "every" | "any")
    {
        return None;
    }
    if let Some(a) = participle_actor(doc, i, &s.np) {
        return Some((a, object, None));
    }
    // "Police met protesters demanding …": the protesters, the phrase after
    // the verb it follows.
    let mut s = s;
    if doc.low(i).ends_with("ing")
        && s.np.end == i
        && let Some(v) = (s.np.start..i - 1).rev().find(|&k| doc.tag(k) == Tag::Verb)
    {
        s.np.start = v + 1;
        s.head = None;
        s.appos = None;
    }
    // "Mohamed and his father are to travel": the one named before "and",
    // whose own people go with them.
    if let Some(first) = named_with_own(doc, &s.np) {
        return Some((doc.resolve(&first), object, None));
    }
    // "Both countries promised …": the two named last, one the partner.
    if let Some((first, second)) = doc.joint_pair(&s.np) {
        let actor = Agent::of(first);
        return Some((actor, object, Some(second)));
    }
    if cue.frames.agent && !doc.names_agent(&s.np) {
        return None;
    }
    let partner = joint_partner(doc, &s.np);
    // "Smith said the boy was welcome to come": Smith's offer.
    let offer_reported = (i..end).any(|k| doc.low(k) == "welcome");
    match offer_reported
        .then(|| doc.reporter_around(doc.toks[i].start()))
        .flatten()
    {
        Some(reporter) => Some((reporter, Some(s.np.clone()), partner)),
        None => {
            let actor = reporters_body(doc, &s.np).unwrap_or_else(|| doc.resolve_subject(&s));
            Some((actor, object, partner))
        }
    }
}

/// The actor of a directive passive naming none ("Residents were asked to
/// …", "Officials were told to …") in the author's voice, the first found
/// of: the agent of a passive before it in its sentence ("were sent
/// guidance by the authority and were asked to …"); the document
/// reporting its clause ("Residents were advised to …, a notice posted by
/// the council said"; a party reporting it may be the one told, or tell
/// of another's order); the body that spoke in its sentence or the one before (see
/// [`recent_body`]); else the organisation the article is about, the one
/// named most often so far (see [`Doc::salient_organization`]), who in
/// news is the one asking. Never the one asked, the passive's subject.
/// None inside quotes, where the speaker's own story may be told.
fn unnamed_directive(doc: &Doc, i: usize) -> Option<Agent> {
    if doc.quote(i).is_some() {
        return None;
    }
    // The entity of the subject's head word, its last before a
    // preposition ("Acme was asked"; "Staff at Acme were told" are the
    // staff; "Google and Mohamed was invited" is Mohamed).
    let asked = doc
        .subject_before(i)
        .and_then(|s| {
            let head_end = (s.np.start + 1..s.np.end)
                .find(|&k| doc.tag(k) == Tag::Adp)
                .unwrap_or(s.np.end);
            doc.mention_of(head_end - 1)
        })
        .map(|m| m.entity);
    let not_asked = |a: &Agent| a.is_known() && (a.entity.is_none() || a.entity != asked);
    let body = |e: EntityId| Agent::of(e);
    earlier_passive_agent(doc, i)
        .filter(not_asked)
        .or_else(|| {
            doc.reporter_around(doc.toks[i].start())
                .filter(is_document)
                .filter(not_asked)
        })
        .or_else(|| reporting_body(doc, i).filter(not_asked))
        .or_else(|| recent_body(doc, i).map(body).filter(not_asked))
        .or_else(|| doc.salient_organization(i).map(body).filter(not_asked))
}

/// The body reporting the clause that holds token `i` ("People in the
/// lower town have been asked to stay away, the town council said"; "the
/// council said parents would be asked to …"): the reporter when it is an
/// organisation, or a phrase headed by an organisation noun ("the town
/// council"), or the body a reporting person speaks for.
fn reporting_body(doc: &Doc, i: usize) -> Option<Agent> {
    // "According to the union, workers were told to …": a source of the
    // news, not the one who told them.
    let at = doc.toks[i].start();
    let qs = &doc.ann.quotes;
    let q = qs[..qs.partition_point(|q| q.span.start <= at)]
        .iter()
        .rev()
        .take(8)
        .find(|q| q.kind == QuoteKind::Indirect && q.span.contains(at))?;
    if q.cue
        .is_some_and(|c| doc.text[c.start..c.end].eq_ignore_ascii_case("according to"))
    {
        return None;
    }
    let r = doc.reporter_around(at)?;
    match r.entity.map(|e| doc.ann.entities[e].kind) {
        Some(EntityKind::Organization) => Some(r),
        Some(EntityKind::Person) => officer_body(doc, &r).map(Agent::of),
        Some(_) => None,
        None => r
            .name
            .as_deref()
            .and_then(|n| n.rsplit(' ').next())
            .is_some_and(|head| organization_noun(&head.to_lowercase()).is_some())
            .then_some(r),
    }
}

/// True when agent `a` is a document as written ("a notice posted by the
/// council"): a document noun among its first words, after a determiner.
fn is_document(a: &Agent) -> bool {
    a.entity.is_none()
        && a.name.as_deref().is_some_and(|n| {
            n.split(' ')
                .skip_while(|w| DETERMINERS.contains(w.to_lowercase().as_str()))
                .take(2)
                .any(|w| DOCUMENT_NOUNS.contains(w.to_lowercase().as_str()))
        })
}

/// The agent of a passive before token `i` in its sentence: the phrase
/// after a "by" that follows a form of "be" ("Head teachers were sent
/// guidance by the authority and were asked to …": the authority), when it
/// names an entity.
fn earlier_passive_agent(doc: &Doc, i: usize) -> Option<Agent> {
    let floor = doc.sentence_of(i).start;
    let be = (floor..i).find(|&k| matches!(doc.low(k), "was" | "were" | "is" | "are" | "been"))?;
    (be + 1..i)
        .filter(|&b| doc.low(b) == "by")
        .find_map(|b| doc.agent_after_by(b).filter(|np| np.end <= i))
        .map(|np| doc.resolve(&np))
        .filter(|a| a.entity.is_some())
}

/// The organisation a person speaks for (as the text ties them, see
/// [`crate::annotate::affiliation::speaks_for`]), when agent `a` is such a person.
fn officer_body(doc: &Doc, a: &Agent) -> Option<EntityId> {
    let person = a
        .entity
        .filter(|&e| doc.ann.entities[e].kind == EntityKind::Person)?;
    doc.speaks_for(person)
}

/// The body that spoke last before token `i`, in its sentence or the one
/// before: the speaker of the nearest quote ending there, when it is an
/// organisation or a person speaking for one (its officer: "St. Agnes
/// Hospital said it had set aside a ward. Visitors were asked not to
/// …").
fn recent_body(doc: &Doc, i: usize) -> Option<EntityId> {
    let start = doc.sentence_of(i).start;
    let floor = start
        .checked_sub(1)
        .map_or(start, |p| doc.sentence_of(p).start);
    let (lo, at) = (doc.toks[floor].start(), doc.toks[i].start());
    let q = doc
        .quotes_reaching(lo, at)
        .iter()
        .filter(|q| q.span.end <= at && q.span.end > lo)
        .max_by_key(|q| q.span.end)?;
    let speaker = q.speaker?;
    match doc.ann.entities[speaker].kind {
        EntityKind::Organization => Some(speaker),
        EntityKind::Person => officer_body(doc, &Agent::of(speaker)),
        _ => None,
    }
}

/// For the phrase `np` opening a clause reported by a person: the
/// organisation that person speaks for (as the text ties them, see
/// [`crate::annotate::affiliation::speaks_for`]: "Its director, Ann Lee, said the
/// organisation plans to …", "Acme's chief executive … said the firm
/// would …"), when `np` is "the" and an organisation noun that fits its
/// name (see [`fits_body`]). A spokesman's or director's "the company"
/// is their own.
fn reporters_body(doc: &Doc, np: &Range<usize>) -> Option<Agent> {
    if np.len() != 2 || doc.low(np.start) != "the" {
        return None;
    }
    let noun = doc.low(np.start + 1);
    organization_noun(noun)?;
    let body = officer_body(doc, &speaker_of_clause_at(doc, np.start)?)?;
    fits_body(doc, body, noun).then_some(Agent::of(body))
}

/// True when the organisation noun `noun` may describe the organisation
/// `body`: its name holds the noun ("the union", "Dock Workers' Union"),
/// the noun is "organisation" itself, or the noun is generic ("the
/// company", "the group") and the name holds no other organisation noun
/// ("City Council" is no "company").
fn fits_body(doc: &Doc, body: usize, noun: &str) -> bool {
    let name = doc.ann.entities[body].name.to_lowercase();
    let words: Vec<&str> = name.split(' ').collect();
    if words.contains(&noun) || matches!(noun, "organisation" | "organization") {
        return true;
    }
    organization_noun(noun) == Some(true) && words.iter().all(|w| organization_noun(w).is_none())
}

/// True for the indefinite pronouns that name no one in particular
/// ("anyone", "everybody", "whoever").
fn is_indefinite(w: &str) -> bool {
    matches!(
        w,
        "anyone" | "anybody" | "everyone" | "everybody" | "someone" | "somebody" | "whoever"
    )
}

/// True when `w` starts a nominal cue ("calls", "plans", "demands").
fn is_noun_cue(w: &str) -> bool {
    let (cues, by_first) = &*CUES;
    by_first
        .get(w)
        .is_some_and(|list| list.iter().any(|&c| cues[c].frames.noun))
}

/// For a subject `np` that is the second conjunct of "A and his/her/their
/// X", opening its clause ("Mohamed and his father are to travel", "the
/// union and its lawyers plan to appeal"), when A names an actor and X is
/// no named one: the phrase A, the actor of the pair.
fn named_with_own(doc: &Doc, np: &Range<usize>) -> Option<Range<usize>> {
    if np.start < 2
        || doc.low(np.start - 1) != "and"
        || !matches!(doc.low(np.start), "his" | "her" | "their" | "its")
        || np.len() < 2
        || doc.names_agent(np)
    {
        return None;
    }
    let floor = doc.sentence_of(np.start).start;
    let first = doc.np_before(np.start - 2, floor)?;
    let opens = first.start == floor
        || matches!(doc.low(first.start - 1), "," | "that")
        || doc.is_mark(first.start - 1);
    // "Police arrested Cole and his lawyer plans …": no verb in A.
    let verbless = first.clone().all(|k| !doc.tag(k).is_verbal());
    (opens && verbless && doc.names_agent(&first)).then_some(first)
}

/// For joint actors ("Kim and Trump reached …"): the last one named.
fn joint_partner(doc: &Doc, np: &Range<usize>) -> Option<usize> {
    if !np
        .clone()
        .any(|k| doc.low(k) == "and" && doc.ann.mention_at(doc.toks[k].start()).is_none())
    {
        return None;
    }
    let last = np
        .clone()
        .rev()
        .find(|&k| doc.is_word(k) && doc.low(k) != "and")?;
    let m = doc.ann.mention_at(doc.toks[last].start())?;
    Some(doc.ann.mentions[m].entity)
}

/// The agent of a passive directive, from "by X" in its content.
fn by_agent(doc: &Doc, a: usize, b: usize) -> Option<Agent> {
    let by = (a..b).find(|&k| doc.low(k) == "by")?;
    let np = doc.agent_after_by(by)?;
    let agent = doc.resolve(&np);
    agent.entity.is_some().then_some(agent)
}

/// A nominal cue at token `n`: "a commitment by X to …", "X's plan to …",
/// "its goal is to …", "Labour has a plan to …".
fn nominal(doc: &Doc, cue: &Cue, n: usize) -> Option<Found> {
    let floor = doc.sentence_of(n).start;
    let prev = n.checked_sub(1).map_or("", |p| doc.low(p));
    // "would appeal to the court", "to request": a verb, not the noun.
    if matches!(prev, "no" | "any" | "to" | "not" | "n't") || MODALS.contains(&prev) {
        return None;
    }
    let mut trigger_start = n;
    let mut after = n + 1;
    // Actor: "by/from X" after, a possessive before, or a light verb's subject.
    let actor = if matches!(doc.low(n + 1), "by" | "from")
        && let Some(np) = doc.agent_after_by(n + 1)
    {
        after = np.end;
        // "Calls from the town's mayor, Derek Sowande, for …": the name
        // apposed to the phrase.
        match doc.np_after(np.end + 1) {
            Some(appos) if doc.low(np.end) == "," && doc.low(appos.end) == "," => {
                after = appos.end + 1;
                Some(doc.resolve(&appos))
                    .filter(|a| a.entity.is_some())
                    .unwrap_or_else(|| doc.resolve(&np))
            }
            _ => doc.resolve(&np),
        }
    } else if let Some(a) = possessor(doc, n, floor) {
        a
    } else if let Some(a) = part_of_reported(doc, n) {
        a
    } else {
        let mut v = n;
        while v > floor && n - v < 4 && {
            let w = doc.low(v - 1);
            DETERMINERS.contains(w) || (doc.is_word(v - 1) && !LIGHT_VERBS.contains(w) && n - v < 2)
        } {
            v -= 1;
        }
        let verb = v
            .checked_sub(1)
            .filter(|&l| l >= floor && LIGHT_VERBS.contains(doc.low(l)))?;
        let s = doc.subject_before(verb)?;
        if s.negated {
            return None;
        }
        trigger_start = verb;
        doc.resolve_subject(&s)
    };
    if !actor.is_known() {
        return None;
    }
    // Content: to + verb, for/of/in + phrase, that + clause, "is to" + verb.
    let mut c = after;
    if matches!(doc.low(c), "is" | "was" | "are" | "were") {
        c += 1;
    }
    // "the government's pledge in 2024 to fund …": a time phrase may stand
    // before "to".
    let timed = doc.after_time_phrase(c);
    if timed > c && doc.low(timed) == "to" {
        c = timed;
    }
    let mut trigger_end = n + 1;
    let content_start = match doc.low(c) {
        // "in" gives an act only as a gerund with its object ("an interest
        // in buying the club"), not a manner ("an offer in writing, and").
        "in" if !doc.low(c + 1).ends_with("ing") || !doc.is_word(c + 2) => return None,
        "to" | "for" | "of" | "in" | "that" | "toward" | "towards" if doc.is_word(c + 1) => {
            if c == n + 1 {
                trigger_end = c + 1;
            }
            c + 1
        }
        _ => return None,
    };
    let mut content_end = doc.act_end(content_start);
    if content_end <= content_start {
        return None;
    }
    // "Reyes's promise to cut fares was welcomed": a cue in the subject
    // (no verb before it in its clause) ends its content where the
    // sentence's own verb follows a noun, or its auxiliary follows a verb,
    // adjective or adverb ("the call by Fleming to resign was ignored").
    if (floor..trigger_start).all(|k| !doc.tag(k).is_verbal() && doc.low(k) != ",") {
        content_end = (content_start + 1..content_end)
            .find(|&k| {
                (doc.tag(k).is_verbal() && doc.tag(k - 1).is_nominal())
                    || (doc.tag(k) == Tag::Aux
                        && matches!(doc.tag(k - 1), Tag::Verb | Tag::Adj | Tag::Adv))
            })
            .unwrap_or(content_end);
    }
    Some((
        build(
            doc,
            cue.kind,
            actor,
            None,
            trigger_start,
            trigger_end,
            content_start,
            content_end,
        ),
        trigger_end,
    ))
}

/// For a nominal cue at `n` after "part of a|the" inside a reported
/// clause ("the firm said the closure was part of a plan to save …"): the
/// reporter, whose plan the clause tells of.
fn part_of_reported(doc: &Doc, n: usize) -> Option<Agent> {
    let det = n.checked_sub(1)?;
    if !matches!(doc.low(det), "a" | "an" | "the" | "its" | "their")
        || det < 2
        || doc.low(det - 1) != "of"
        || doc.low(det - 2) != "part"
    {
        return None;
    }
    let reporter = doc.reporter_around(doc.toks.get(n)?.start())?;
    can_commit(doc, &reporter).then_some(reporter)
}

/// The actor named by a possessive before the nominal cue at `n` ("North
/// Korea's pledge", "the teachers' demands", "his urgent calls"), over at
/// most two modifiers.
fn possessor(doc: &Doc, n: usize, floor: usize) -> Option<Agent> {
    let mut j = n;
    while j > floor && n - j < 3 {
        let w = doc.low(j - 1);
        // "Reyes's plan", and a plural's bare mark: "the teachers' demands".
        let plural_mark = matches!(w, "'" | "’")
            && j >= 2
            && doc.low(j - 2).ends_with('s')
            && doc.toks[j - 2].end() == doc.toks[j - 1].start();
        if matches!(w, "'s" | "’s") || plural_mark {
            let np = doc.np_before(j.checked_sub(2)?, floor)?;
            return Some(doc.resolve(&np));
        }
        if PRONOUNS.get(w).is_some_and(|c| {
            *c != PronounClass::Speaker || doc.quote(j - 1).is_some() || doc.voiced(j - 1).is_some()
        }) && matches!(w, "his" | "her" | "its" | "their" | "our" | "my")
        {
            // "The union renewed its calls for …": "its" or "their" in a
            // clause's object is, first, its subject's.
            if matches!(w, "its" | "their")
                && let Some(a) = clause_subject(doc, j - 1, floor, false)
                && a.entity
                    .and_then(|e| doc.ann.entities.get(e))
                    .is_none_or(|e| e.kind != EntityKind::Person)
                && a.is_known()
            {
                return Some(a);
            }
            let agent = doc.resolve_pronoun(j - 1);
            // "its" is never a person's: "the company dropped its demand".
            let fits = agent
                .entity
                .and_then(|e| doc.ann.entities.get(e))
                .is_some_and(|e| w != "its" || e.kind != EntityKind::Person);
            return Some(if fits {
                agent
            } else {
                clause_subject(doc, j - 1, floor, false).unwrap_or(agent)
            });
        }
        if !doc.is_word(j - 1) || DETERMINERS.contains(w) {
            return None;
        }
        // "a World Health Organisation recommendation": a name as modifier.
        if let Some(m) = doc.ann.mention_at(doc.toks[j - 1].start())
            && doc.ann.mentions[m].form != MentionForm::Demonym
        {
            return Some(Agent::of(doc.ann.mentions[m].entity));
        }
        j -= 1;
    }
    None
}

/// The subject of the verb before token `p` in its clause, when not a
/// pronoun unless `pronoun` allows one (then resolved): for a possessive pronoun that names no entity ("residents
/// renewed their demands for …": the residents) or a gerund after a
/// preposition ("the ministry reacted by proposing …"); with pronouns, for
/// a participle hanging on a clause ([`participle_actor`]).
fn clause_subject(doc: &Doc, p: usize, floor: usize, pronoun: bool) -> Option<Agent> {
    let v = clause_verb(doc, p, floor)?;
    let s = doc.subject_before(v).filter(|s| !s.negated)?;
    (pronoun || !PRONOUNS.contains_key(doc.low(s.np.end - 1))).then(|| doc.resolve_subject(&s))
}

/// The last verb before token `p` in its clause (not before `floor`, nor
/// before a comma).
fn clause_verb(doc: &Doc, p: usize, floor: usize) -> Option<usize> {
    (floor..p)
        .rev()
        .take_while(|&k| doc.low(k) != ",")
        .find(|&k| doc.tag(k).is_verbal() || doc.is_past_form(k))
}

/// For a participle cue at token `i` right after the phrase `np`: the
/// subject of the clause the participle hangs on, when `np` cannot be its
/// actor: a place or time after a preposition ("issued a statement on
/// Sunday demanding …", "sent a note to Port Ellis requesting …"), or any
/// phrase after a verb issuing a text ("wrote to the board demanding …",
/// "sent a letter to workers urging …"), whose issuer acts.
fn participle_actor(doc: &Doc, i: usize, np: &Range<usize>) -> Option<Agent> {
    let floor = doc.sentence_of(i).start;
    if !doc.low(i).ends_with("ing") || np.end != i || np.start <= floor {
        return None;
    }
    let last = np.end - 1;
    let setting = doc.tag(np.start - 1) == Tag::Adp
        && !doc.names_agent(np)
        && (doc.word(last).starts_with(char::is_uppercase) || TIME_UNITS.contains(doc.low(last)));
    let issued =
        || clause_verb(doc, np.start, floor).is_some_and(|v| ISSUE_VERBS.contains(doc.low(v)));
    if !(setting || issued()) {
        return None;
    }
    clause_subject(doc, np.start - 1, floor, true)
}

/// A pledge by `will`: "we will …" inside a quote (the speaker's), or a
/// future reported by an actor who can commit ([`future_actor`]); an
/// intent by "may|might" in the same places, the actor's own suggested
/// action ("we may extend …" in a quote, "the council said it may raise
/// fees").
fn will_pledge(doc: &Doc, i: usize) -> Option<Found> {
    let w = doc.low(i);
    let (subject_tok, aux_end) = match w {
        "we'll" | "i'll" => (i, i + 1),
        "will" | "shall" | "would" | "may" | "might" => (i.checked_sub(1)?, i + 1),
        // "we are going to put this right": the future of "be going to".
        "going" if going_to(doc, i) => (i.checked_sub(2)?, i + 2),
        _ => return None,
    };
    let subject = doc.low(subject_tok);
    let in_quote = doc.quote(i).is_some();
    // "we may extend …": the speaker's own suggested action, an intent.
    let kind = modal_kind(w);
    let first_person = (in_quote || doc.voiced(i).is_some())
        && matches!(subject, "we" | "i" | "we'll" | "i'll")
        && w != "would";
    // "our training school will double its classes", "my government will
    // …": the speaker's body acts through its own unit, the whole clause
    // its content.
    let our_unit = ((in_quote || doc.voiced(i).is_some()) && w != "would" && !first_person)
        .then(|| doc.subject_before(i))
        .flatten()
        .filter(|s| !s.negated)
        // "our training school in Fellham": the head before its phrase.
        .map(|s| s.head.filter(|h| !h.is_empty()).unwrap_or(s.np))
        .filter(|np| {
            matches!(doc.low(np.start), "our" | "my")
                && (possessed_unit(doc, np) || our_staff(doc, np))
        });
    if (in_quote && !first_person && our_unit.is_none()) || (w == "going" && !first_person) {
        return None;
    }
    if filtered(doc, i) {
        return None;
    }
    let (verb, content_end) = modal_content(doc, aux_end)?;
    // "The minister will say that the bill is a first step": speech
    // foretold of someone else, no act of theirs.
    if !first_person && SPEECH_VERBS.contains_key(doc.low(verb)) && doc.low(verb + 1) == "that" {
        return None;
    }
    let future = if first_person {
        Future::of(doc.resolve_pronoun(subject_tok), verb)
    } else if let Some(np) = our_unit {
        let actor = doc.resolve_pronoun(np.start);
        // "our inspectors" with no known speaker names no one.
        if actor.entity.is_none() && !possessed_unit(doc, &np) {
            return None;
        }
        Future::of(actor, np.start)
    } else {
        future_actor(doc, i, verb)?
    };
    if !future.actor.is_known() {
        return None;
    }
    let counterpart = future
        .counterpart
        .filter(|&e| Some(e) != future.actor.entity);
    Some((
        build(
            doc,
            future.kind.unwrap_or(kind),
            future.actor,
            counterpart,
            i,
            verb + 1,
            future.content_start,
            content_end,
        ),
        verb + 1,
    ))
}

/// For token `i` opening the text of a list item ("- keep Saturday
/// opening …;"), in a list after a future with no verb and a colon ("The
/// society also said it would:"): a commitment of that future's actor,
/// one an item, the item's text its content.
fn listed_future(doc: &Doc, i: usize) -> Option<Found> {
    // Most tokens follow no list marker, which is cheap to see, and need
    // no search back for their line's start.
    if !after_list_mark(doc, i) || !(1..=2).any(|n| i >= n && list_marker(doc, i - n) == Some(n)) {
        return None;
    }
    // True when a line break stands between tokens `j` and `j + 1`.
    let breaks = |j: usize| doc.opens_line(j + 1);
    // The first token of the line holding `k` (a list item is a line).
    let line_start = |k: usize| {
        let back = (0..k)
            .rev()
            .take(LIST_TOKENS)
            .take_while(|&j| !breaks(j))
            .count();
        k - back
    };
    let first = line_start(i);
    if list_marker(doc, first).is_none_or(|n| first + n != i) || !doc.is_word(i) {
        return None;
    }
    // Back over the items before it to the line that introduces them.
    let mut line = first;
    for _ in 0..LIST_ITEMS {
        let colon = line.checked_sub(1)?;
        let prev = line_start(colon);
        if list_marker(doc, prev).is_some() {
            line = prev;
            continue;
        }
        let modal = colon.checked_sub(1)?;
        if doc.low(colon) != ":" || !matches!(doc.low(modal), "will" | "would" | "shall") {
            return None;
        }
        // "said it would:": the future's actor, else, for a pronoun, the
        // one reporting the items.
        let future = future_actor(doc, modal, i).or_else(|| {
            let pronoun = modal.checked_sub(1)?;
            is_subject_pronoun(doc.low(pronoun)).then_some(())?;
            let reporter = doc.reporter_around(doc.toks[i].start())?;
            can_commit(doc, &reporter).then(|| Future::of(reporter, i))
        })?;
        let mut end = (i..doc.toks.len() - 1)
            .take(LIST_TOKENS)
            .find(|&k| breaks(k))
            .unwrap_or(doc.toks.len() - 1)
            + 1;
        while end > i && !doc.is_word(end - 1) {
            end -= 1;
        }
        if end <= i || !future.actor.is_known() {
            return None;
        }
        let kind = future.kind.unwrap_or(CommitmentKind::Pledge);
        return Some((
            build(doc, kind, future.actor, None, i, i + 1, i, end),
            i + 1,
        ));
    }
    None
}

/// True when token `i` follows the last token a list item marker may end
/// with ("•", "-", "*", "–", "◦", or the "." or ")" of "1." or "1)"): a
/// cheap test, asked of every token, before [`list_marker`].
#[inline]
fn after_list_mark(doc: &Doc, i: usize) -> bool {
    // The token's bytes, compared as bytes: most tokens are ruled out by
    // their length.
    let Some(t) = i.checked_sub(1).and_then(|p| doc.toks.get(p)) else {
        return false;
    };
    let bytes = doc.text.as_bytes().get(t.start()..t.end()).unwrap_or(&[]);
    // "•" (U+2022), "–" (U+2013) and "◦" (U+25E6) in UTF-8.
    matches!(
        bytes,
        b"-" | b"*" | b"." | b")" | b"\xE2\x80\xA2" | b"\xE2\x80\x93" | b"\xE2\x97\xA6"
    )
}

/// True for the words a future opens with, which [`conjunct_future`],
/// [`will_pledge`] and [`reported_passive`] alone take.
fn is_future_word(w: &str) -> bool {
    FUTURE_MODALS.contains(&w) || matches!(w, "we'll" | "i'll" | "going")
}

/// How many list items back [`listed_future`] looks for the line that
/// introduces them.
const LIST_ITEMS: usize = 20;

/// True when token `i` is the "going" of "am|are going to" + a verb.
fn going_to(doc: &Doc, i: usize) -> bool {
    i >= 2
        && matches!(doc.low(i - 1), "am" | "are" | "'m" | "’m" | "'re" | "’re")
        && doc.low(i + 1) == "to"
        && doc.is_word(i + 2)
        && !DETERMINERS.contains(doc.low(i + 2))
}

/// A demand the text's own voice makes by an imperative ("First, reopen
/// the ward"; see [`voice::imperative`]): its speaker's, on its addressee.
fn voice_demand(doc: &Doc, i: usize) -> Option<Found> {
    let (turn, end) = voice::imperative(doc, i)?;
    let actor = Agent {
        entity: turn.speaker,
        name: None,
    };
    let c = build(
        doc,
        CommitmentKind::Demand,
        actor,
        turn.addressee,
        i,
        i + 1,
        i,
        end,
    );
    Some((c, i + 1))
}

/// A demand made by an imperative inside a direct quote (the quotation
/// `quote`: "Leave by Christmas," he wrote; see
/// [`voice::quoted_imperative`]): its speaker's, when the quote has one.
/// After a colon that ends a demand of its sentence (`last`: "We ask one
/// thing: show us the figures") the imperative spells that demand out and
/// is none of its own.
fn quoted_demand(doc: &Doc, i: usize, quote: usize, last: Option<&Commitment>) -> Option<Found> {
    let spelled_out = i > 0
        && doc.low(i - 1) == ":"
        && last.is_some_and(|c| {
            c.kind == CommitmentKind::Demand && c.sentence.contains(doc.toks[i].start())
        });
    // Where the word stands is cheapest to test, then whether the quote
    // has a speaker, before the imperative itself (which tags).
    if spelled_out || !voice::may_open_imperative(doc, i) {
        return None;
    }
    let actor = doc.speaker_of_quote_at(doc.toks[i].start());
    if !actor.is_known() {
        return None;
    }
    let end = voice::quoted_imperative(doc, i, quote)?;
    let c = build(doc, CommitmentKind::Demand, actor, None, i, i + 1, i, end);
    Some((c, i + 1))
}

/// The kind of act a modal states: "may|might" an intent, else a pledge.
fn modal_kind(modal: &str) -> CommitmentKind {
    if matches!(modal, "may" | "might") {
        CommitmentKind::Intent
    } else {
        CommitmentKind::Pledge
    }
}

/// The verb after the modal ending before token `aux_end` (past "also",
/// "still", -ly adverbs) and the end of its content: its clause's end, or a
/// coordinated modal ("would hire … and would hold …"), which is an act of
/// its own. None for a negated modal or one of "be" or "have".
fn modal_content(doc: &Doc, aux_end: usize) -> Option<(usize, usize)> {
    let mut c = aux_end;
    // "will continue hosting": the act is the hosting.
    while is_ly_adverb(doc.low(c))
        || matches!(doc.low(c), "also" | "still" | "now")
        || (doc.low(c) == "continue" && doc.tag(c + 1) == Tag::Verb)
    {
        c += 1;
    }
    // "we will, however, close …": a parenthesis of one or two words
    // between commas stands before the verb.
    if doc.low(c) == ","
        && let Some(k) = (c + 2..c + 4).find(|&k| doc.low(k) == ",")
        && (c + 1..k).all(|j| doc.is_word(j) && !doc.tag(j).is_verbal())
    {
        c = k + 1;
    }
    if !doc.is_word(c) || matches!(doc.low(c), "not" | "n't" | "never" | "be" | "have" | "no") {
        return None;
    }
    let mut end = doc.act_end(c);
    if let Some(k) = (c + 1..end).find(|&k| {
        matches!(doc.low(k), "and" | "or" | "but") && FUTURE_MODALS.contains(&doc.low(k + 1))
    }) {
        end = k;
        while end > c && !doc.is_word(end - 1) {
            end -= 1;
        }
    }
    (end > c).then_some((c, end))
}

/// The modals of a future or a suggested action.
const FUTURE_MODALS: [&str; 5] = ["will", "would", "shall", "may", "might"];

/// Whose future a modal states, and how it reads.
struct Future {
    /// Who commits.
    actor: Agent,
    /// The first token of the content.
    content_start: usize,
    /// The partner of joint actors or the hearers of a directive.
    counterpart: Option<usize>,
    /// The kind, when not the modal's: a directive to the hearers.
    kind: Option<CommitmentKind>,
}

impl Future {
    /// The future of `actor` whose content starts at token `content_start`.
    fn of(actor: Agent, content_start: usize) -> Future {
        Future {
            actor,
            content_start,
            counterpart: None,
            kind: None,
        }
    }
}

/// The actor of a future outside quotes at the modal `i` with its verb at
/// `verb`, and where its content starts. A clause reported by an actor who
/// can commit (not an observer's forecast, see [`can_commit`]) gives its
/// subject: a pronoun opening it (see [`reported_pronoun_future`]), an
/// actor is itself ("the mayor said the company would close two plants",
/// "the council would publish its map, its spokeswoman said"), and a thing
/// whose future is an arrangement ("the minister says the broadcasts will
/// continue") makes the whole clause the reporter's pledge. Unreported,
/// only an actor's own "will" counts ("the ministry will provide …"), never
/// a "would" in the author's voice ("the city would hire …"). A reported
/// "may|might" counts for the reporter itself or, when it is a body, its
/// members ("the union said members might meet", the whole clause its
/// content), never for another actor, whose "may" is a guess. Joint
/// subjects ("Reed and Kim will meet", "he and Kim might meet") give the
/// partner as the counterpart.
fn future_actor(doc: &Doc, i: usize, verb: usize) -> Option<Future> {
    if matches!(doc.low(i.checked_sub(1)?), "and" | "but") {
        return after_negated_modal(doc, i)
            .and_then(|m| future_actor(doc, m, verb))
            .or_else(|| coordinated_future(doc, i, verb));
    }
    if let Some((pronoun, partner)) = pronoun_subject(doc, i) {
        let mut future = reported_pronoun_future(doc, pronoun, verb)?;
        future.counterpart = future.counterpart.or(partner);
        return Some(future);
    }
    let s = doc.subject_before(i).filter(|s| !s.negated)?;
    let reporter = speaker_of_clause_at(doc, s.np.start);
    if reporter.as_ref().is_some_and(|r| !can_commit(doc, r)) {
        return None;
    }
    if modal_kind(doc.low(i)) == CommitmentKind::Intent {
        // "the union said members might meet": a body's suggestion for its
        // own members; anyone else's "may" is a guess about them.
        let members = MEMBER_NOUNS.contains(doc.low(s.np.end - 1));
        return reporter
            .filter(|r| members && is_body(doc, r))
            .map(|r| Future::of(r, s.np.start));
    }
    // "the union said its members would strike": a body's own people act
    // as it does.
    if let Some(r) = reporter.as_ref().filter(|r| is_body(doc, r))
        && matches!(doc.low(s.np.start), "its" | "their")
        && possessed_unit(doc, &s.np)
    {
        return Some(Future::of(r.clone(), s.np.start));
    }
    // "Achebe added that his party would support …": a person's own body
    // acts as the person pledges; the person, who speaks for it.
    if let Some(r) = reporter.as_ref().filter(|r| is_one_person(doc, r))
        && matches!(doc.low(s.np.start), "his" | "her")
        && possessed_unit(doc, &s.np)
        && r.entity.is_some()
        && doc.mention_of(s.np.start).map(|m| m.entity) == r.entity
    {
        return Some(Future::of(r.clone(), verb));
    }
    // "Kessler said the defence would appeal": the side its lawyer
    // speaks for, the reporter's own pledge.
    if s.np.len() == 2
        && doc.low(s.np.start) == "the"
        && CASE_SIDES.contains(doc.low(s.np.start + 1))
        && let Some(r) = reporter.clone()
    {
        return Some(Future::of(r, verb));
    }
    // "Its director, Ann Lee, said the organisation would …": her body.
    if let Some(body) = reporters_body(doc, &s.np) {
        return Some(Future::of(body, verb));
    }
    // "The two companies will keep …", "the three leaders would meet …":
    // the partners named before, one the counterpart.
    if let Some((first, second)) = doc.joint_pair(&s.np) {
        let actor = Agent::of(first);
        return (doc.low(i) == "will" || reporter.is_some()).then(|| Future {
            counterpart: Some(second),
            ..Future::of(actor, verb)
        });
    }
    if names_actor(doc, &s.np) {
        return (doc.low(i) == "will" || reporter.is_some()).then(|| Future {
            counterpart: joint_partner(doc, &s.np),
            ..Future::of(doc.resolve_subject(&s), verb)
        });
    }
    let arranged = matches!(doc.low(i), "will" | "would")
        && ARRANGED_VERBS.contains(doc.low(verb))
        && !PRONOUNS.contains_key(doc.low(s.np.start))
        && !matches!(doc.low(s.np.start), "there" | "this" | "that");
    reporter
        .filter(|_| arranged)
        .map(|r| Future::of(r, s.np.start))
}

/// For the modal at token `i` after "and" or "but", the negated modal of
/// its first conjunct, whose subject it shares ("the authority will not
/// raise fares but will extend night services", "drivers would not strike
/// but would hold a ballot"): the negated act is none, so the second one
/// has no act before it to follow ([`conjunct_future`]) and stands as if
/// its modal were where the negated one is. Back from the conjunction
/// over words only, stopping at a clause opener; None unless the first
/// modal met is negated.
fn after_negated_modal(doc: &Doc, i: usize) -> Option<usize> {
    let floor = doc.sentence_of(i).start;
    let m = (floor..i.checked_sub(1)?)
        .rev()
        .take_while(|&k| {
            doc.is_word(k)
                && !matches!(
                    doc.low(k),
                    "that" | "who" | "which" | "if" | "when" | "because" | "while" | "but" | "or"
                )
        })
        .find(|&k| FUTURE_MODALS.contains(&doc.low(k)))?;
    matches!(doc.low(m + 1), "not" | "n't" | "never").then_some(m)
}

/// The future of a modal with no subject of its own, coordinated with the
/// verb of a reported clause ("the office said it had opened an inquiry
/// and would publish its findings", "the firm said it accepted the order
/// and would cooperate"): the clause's subject pronoun acts as if it stood
/// before the modal (see [`reported_pronoun_future`]). None when the
/// first conjunct holds no verb, or a modal, a subordinate clause, a comma
/// or another conjunction that may give the modal another subject.
fn coordinated_future(doc: &Doc, i: usize, verb: usize) -> Option<Future> {
    let and = i.checked_sub(1)?;
    let at = doc.toks.get(i)?.start();
    let quotes = &doc.ann.quotes;
    let upto = quotes.partition_point(|q| q.span.start <= at);
    let q = quotes[..upto]
        .iter()
        .rev()
        .take(8)
        .find(|q| q.kind == QuoteKind::Indirect && q.span.contains(at))?;
    let t = doc.token_at(q.span.start)?;
    let first = t + 1..and;
    let plain = first.clone().all(|k| {
        doc.is_word(k)
            && !matches!(
                doc.low(k),
                "that"
                    | "who"
                    | "which"
                    | "if"
                    | "when"
                    | "because"
                    | "while"
                    | "and"
                    | "but"
                    | "or"
            )
    });
    // "the depot would open … and would cut …": a modal coordinated with
    // another modal shares its standing ([`conjunct_future`]).
    let modal = first.clone().any(|k| FUTURE_MODALS.contains(&doc.low(k)));
    if first.is_empty() || !plain || modal || !first.clone().any(|k| doc.tag(k).is_verbal()) {
        return None;
    }
    is_subject_pronoun(doc.low(t))
        .then(|| reported_pronoun_future(doc, t, verb))
        .flatten()
}

/// True when `np` names a body's own people or unit through a possessive
/// ("its members", "their negotiators", "our staff", "our training
/// school", "my government", "his party"): a member noun or an agent noun,
/// singular or plural, after a possessive pronoun.
fn possessed_unit(doc: &Doc, np: &Range<usize>) -> bool {
    if np.len() < 2
        || !matches!(
            doc.low(np.start),
            "its" | "their" | "our" | "my" | "his" | "her"
        )
    {
        return false;
    }
    let head = doc.low(np.end - 1);
    let singular = head.strip_suffix('s').unwrap_or(head);
    MEMBER_NOUNS.contains(head) || AGENT_NOUNS.contains(head) || AGENT_NOUNS.contains(singular)
}

/// True when `np` is "our" and a plural role noun ("our inspectors", "our
/// officers"): the speaker's body's own staff, who act as it does.
fn our_staff(doc: &Doc, np: &Range<usize>) -> bool {
    let head = doc.low(np.end - 1);
    np.len() >= 2
        && doc.low(np.start) == "our"
        && head
            .strip_suffix('s')
            .is_some_and(|one| LEXICON.role_nouns.contains(one))
}

/// True for the subject pronouns a reported future may open with.
fn is_subject_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "it" | "we")
}

/// The subject pronoun of the modal at token `i`, alone ("she would") or
/// joined with a partner ("he and Kim might", "He and the governor will"),
/// with the partner's entity.
fn pronoun_subject(doc: &Doc, i: usize) -> Option<(usize, Option<usize>)> {
    let before = i.checked_sub(1)?;
    if is_subject_pronoun(doc.low(before)) {
        return Some((before, None));
    }
    let np = doc.subject_before(i).filter(|s| !s.negated)?.np;
    let (pronoun, partner) = if np.len() > 2 && doc.low(np.start + 1) == "and" {
        (np.start, np.start + 2..np.end)
    } else if np.start >= 2 && doc.low(np.start - 1) == "and" {
        (np.start - 2, np)
    } else {
        return None;
    };
    is_subject_pronoun(doc.low(pronoun)).then(|| (pronoun, doc.resolve(&partner).entity))
}

/// The future of a reported clause opening with the pronoun at token
/// `pronoun`: the reporter's own ("the authority said it would hire …";
/// "it" only for an organisation, see [`is_body`]), but the possessor's when
/// the reporter speaks for someone its pronoun names ("her lawyer said she
/// would appeal": the client), and a directive to the hearers when "they"
/// can only be them ("the coach told players they would train …": the
/// coach's order, the whole clause its content).
fn reported_pronoun_future(doc: &Doc, pronoun: usize, verb: usize) -> Option<Future> {
    let report = report_at(doc, pronoun)?;
    if !can_commit(doc, &report.reporter) {
        return None;
    }
    let subject = doc.low(pronoun);
    if let Some(np) = &report.subject
        && possessive_of(doc.low(np.start)) == Some(subject)
        && np.len() > 1
    {
        let owner = doc.resolve_pronoun(np.start);
        return owner.is_known().then(|| Future::of(owner, verb));
    }
    if let Some(hearer) = &report.hearer
        && subject == "they"
        && is_one_person(doc, &report.reporter)
        && is_plural(doc, hearer)
    {
        return Some(Future {
            counterpart: doc.resolve(hearer).entity,
            kind: Some(CommitmentKind::Demand),
            ..Future::of(report.reporter, pronoun)
        });
    }
    if subject == "it" && !is_body(doc, &report.reporter) {
        // "A bank spokesman said it would study the request": the body a
        // spokesperson speaks for, named before; "The agency's director,
        // Ann Lee, said it would open …": the body she is an officer of.
        let officer_of = || {
            let person = report.reporter.entity?;
            (doc.ann.entities[person].kind == EntityKind::Person)
                .then(|| doc.represents(person))
                .flatten()
        };
        return speaks_for_body(doc, &report.reporter)
            .then(|| doc.organisation_meant(pronoun))
            .flatten()
            .or_else(officer_of)
            .map(|e| {
                let body = Agent::of(e);
                Future::of(body, verb)
            });
    }
    Some(Future::of(report.reporter, verb))
}

/// True when the agent `a` is a spokesperson: a phrase headed by
/// "spokesman", "spokeswoman" or "spokesperson", or a person given that
/// role.
fn speaks_for_body(doc: &Doc, a: &Agent) -> bool {
    let spokes = |s: &str| {
        s.split(' ').any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "spokesman" | "spokeswoman" | "spokesperson"
            )
        })
    };
    match a.entity.and_then(|e| doc.ann.entities.get(e)) {
        Some(e) => e.kind == EntityKind::Person && e.roles.iter().any(|r| spokes(r)),
        None => a.name.as_deref().is_some_and(spokes),
    }
}

/// The subject pronoun a possessive pronoun goes with ("her": "she").
fn possessive_of(w: &str) -> Option<&'static str> {
    match w {
        "his" => Some("he"),
        "her" => Some("she"),
        "its" => Some("it"),
        "their" => Some("they"),
        _ => None,
    }
}

/// An indirect report whose clause opens at a token: who reports it, the
/// phrase before its speech verb, and who hears it.
struct Report {
    /// The speaker.
    reporter: Agent,
    /// The speech verb's subject phrase, when it stands before the verb.
    subject: Option<Range<usize>>,
    /// The phrase between the speech verb and the clause ("told players
    /// they …"), when there is one.
    hearer: Option<Range<usize>>,
}

/// The indirect report whose clause opens at token `t`.
fn report_at(doc: &Doc, t: usize) -> Option<Report> {
    let at = doc.toks.get(t)?.start();
    let reporter = doc.indirect_quote_at(at)?;
    let cue = doc.indirect_quote_starting(at)?.cue?;
    let cue_start = doc.token_at(cue.start)?;
    let cue_end = doc.token_at(cue.end.checked_sub(1)?)? + 1;
    let subject = doc.subject_before(cue_start).map(|s| s.np);
    let mut clause = t;
    if clause > cue_end && doc.low(clause - 1) == "that" {
        clause -= 1;
    }
    let hearer =
        (cue_end < clause && (cue_end..clause).all(|k| doc.is_word(k))).then_some(cue_end..clause);
    Some(Report {
        reporter,
        subject,
        hearer,
    })
}

/// True when the agent `a` is one person: a person's entity, or a phrase
/// headed by a person's role in the singular ("the coach").
fn is_one_person(doc: &Doc, a: &Agent) -> bool {
    match a.entity.and_then(|e| doc.ann.entities.get(e)) {
        Some(e) => e.kind == EntityKind::Person,
        None => a.name.as_deref().is_some_and(|n| {
            let head = n.rsplit(' ').next().unwrap_or("").to_lowercase();
            LEXICON.role_nouns.contains(head.as_str())
        }),
    }
}

/// True when the phrase `np` names more than one: "them", or a plural
/// common noun at its end ("players", "the residents").
fn is_plural(doc: &Doc, np: &Range<usize>) -> bool {
    let head = doc.word(np.end - 1);
    head == "them"
        || (head.len() > 3
            && head.ends_with('s')
            && !head.ends_with("ss")
            && head.starts_with(char::is_lowercase))
}

/// True when the agent `a` may be an organisation: its entity's kind, or
/// a phrase not headed by a person's role ("the charity Open Doors", not
/// "a spokesman"). "It" in its reported clause is itself; a person's "it
/// would cost …" is no act of theirs.
fn is_body(doc: &Doc, a: &Agent) -> bool {
    match a.entity.and_then(|e| doc.ann.entities.get(e)) {
        Some(e) => e.kind == EntityKind::Organization,
        None => a.name.as_deref().is_some_and(|n| {
            let head = n.rsplit(' ').next().unwrap_or("").to_lowercase();
            !LEXICON.role_nouns.contains(head.as_str()) && !PRONOUNS.contains_key(head.as_str())
        }),
    }
}

/// True when the agent `a` may commit to a future rather than forecast one:
/// not an observer ("analysts", "forecasters", "a study").
fn can_commit(doc: &Doc, a: &Agent) -> bool {
    let name = a
        .entity
        .and_then(|e| doc.ann.entities.get(e))
        .map(|e| e.name.as_str())
        .or(a.name.as_deref())
        .unwrap_or("");
    let head = name.rsplit(' ').next().unwrap_or("").to_lowercase();
    !OBSERVER_NOUNS.contains(head.as_str())
}

/// A future coordinated with the one just found ("would hire … and would
/// hold …"): an act of its own, with the same actor.
fn conjunct_future(doc: &Doc, i: usize, last: Option<&Commitment>) -> Option<Found> {
    let last = last?;
    if !FUTURE_MODALS.contains(&doc.low(i))
        || !matches!(
            i.checked_sub(1).map(|p| doc.low(p)),
            Some("and" | "or" | "but")
        )
    {
        return None;
    }
    let first = doc.token_at(last.trigger.start)?;
    let after = doc.token_at(last.content.end.checked_sub(1)?)? + 1;
    if !FUTURE_MODALS.contains(&doc.low(first))
        || after >= i
        || (after..i - 1).any(|k| doc.is_word(k))
    {
        return None;
    }
    let (verb, content_end) = modal_content(doc, i + 1)?;
    let actor = Agent {
        entity: last.actor,
        name: last.actor_name.clone(),
    };
    Some((
        build(
            doc,
            modal_kind(doc.low(i)),
            actor,
            last.counterpart,
            i,
            verb + 1,
            verb,
            content_end,
        ),
        verb + 1,
    ))
}

/// A passive future in an actor's reported words, the actor's decision
/// told as what will happen: "officials said every request will be
/// reviewed", "the council said the road would be closed". A pledge of the
/// speaker whose content is the whole reported clause (its subject is not
/// the actor). A pronoun subject ("he would be replaced") is left out: a
/// person's fate is no decision of theirs.
fn reported_passive(doc: &Doc, i: usize) -> Option<Found> {
    if !matches!(doc.low(i), "will" | "would") || doc.quote(i).is_some() {
        return None;
    }
    let mut be = i + 1;
    while is_ly_adverb(doc.low(be)) || matches!(doc.low(be), "also" | "now") {
        be += 1;
    }
    let participle = be + 1;
    // A participle: a verb ending as participles do ("closed", "held",
    // "built", "given", "made"), which also leaves out the adjectives the
    // tagger may take for verbs ("icy").
    if doc.low(be) != "be"
        || !doc.low(participle).ends_with(['d', 't', 'n', 'e'])
        || !doc.word(participle).starts_with(char::is_lowercase)
        || doc.tag(participle) != Tag::Verb
    {
        return None;
    }
    let s = doc.subject_before(i)?;
    if s.negated || PRONOUNS.contains_key(doc.low(s.np.start)) || filtered(doc, i) {
        return None;
    }
    let speaker = speaker_of_clause_at(doc, s.np.start).filter(|a| can_commit(doc, a))?;
    let content_end = doc.act_end(s.np.start);
    if content_end <= participle {
        return None;
    }
    Some((
        build(
            doc,
            CommitmentKind::Pledge,
            speaker,
            None,
            i,
            participle + 1,
            s.np.start,
            content_end,
        ),
        participle + 1,
    ))
}

/// "commits X to …" ("The contract commits Corriston to supplying …",
/// "The deal commits both sides to a meeting …"): a text or a decision
/// binds its object, whose pledge it is; the content is what follows
/// "to". A reflexive object ("committed itself to") is the cue's own, and
/// an object naming no actor binds no one.
fn bound_object(doc: &Doc, i: usize) -> Option<Found> {
    if !matches!(
        doc.low(i),
        "commit" | "commits" | "committed" | "committing"
    ) || filtered(doc, i)
    {
        return None;
    }
    let np = doc.np_after(i + 1)?;
    let reflexive = matches!(
        doc.low(np.start),
        "itself" | "himself" | "herself" | "themselves" | "ourselves" | "myself"
    );
    if reflexive || doc.low(np.end) != "to" || !doc.is_word(np.end + 1) {
        return None;
    }
    let (actor, partner) = match doc.joint_pair(&np) {
        Some((first, second)) => (Agent::of(first), Some(second)),
        // "commit the image to the screen": a thing bound is no actor.
        None if names_actor(doc, &np) => (doc.resolve(&np), None),
        None => return None,
    };
    let content_start = np.end + 1;
    let content_end = doc.act_end(content_start);
    if !actor.is_known() || content_end <= content_start {
        return None;
    }
    Some((
        build(
            doc,
            CommitmentKind::Pledge,
            actor,
            partner,
            i,
            i + 1,
            content_start,
            content_end,
        ),
        i + 1,
    ))
}

/// True when `np` is a third-person pronoun.
fn third_person(doc: &Doc, np: &Range<usize>) -> bool {
    np.len() == 1 && matches!(doc.low(np.start), "he" | "she" | "they" | "it")
}

/// True when the noun phrase `np` names an actor: a named person or
/// organisation, or a common noun for one ("officials", "the ministry").
fn names_actor(doc: &Doc, np: &Range<usize>) -> bool {
    let head = doc.low(np.end - 1);
    // "the state of Varenne", "the government of Estmark": the body of a
    // place, headed by an agent noun before "of".
    let body_of =
        (np.start + 1..np.end).any(|k| doc.low(k) == "of" && AGENT_NOUNS.contains(doc.low(k - 1)));
    !PRONOUNS.contains_key(head) && (AGENT_NOUNS.contains(head) || body_of || doc.names_agent(np))
}

/// The speaker of the indirect quote whose clause opens at token `t`.
fn speaker_of_clause_at(doc: &Doc, t: usize) -> Option<Agent> {
    doc.indirect_quote_at(doc.toks.get(t)?.start())
}

/// True when the cue at token `i` is negated, conditional or in a question.
fn filtered(doc: &Doc, i: usize) -> bool {
    let sent = doc.sentence_of(i);
    let prev = i.checked_sub(1).map_or("", |p| doc.low(p));
    let prev2 = i.checked_sub(2).map_or("", |p| doc.low(p));
    let refusal = |w: &str| crate::annotate::words::REFUSAL_VERBS.contains(w);
    if matches!(prev, "not" | "n't" | "never" | "no")
        || matches!(prev2, "no" | "not")
        || refusal(prev)
        || (prev == "to" && refusal(prev2))
    {
        return true;
    }
    // The cue's clause, back to a comma, semicolon or colon, read once:
    // its first token, and whether "if", "unless" or "whether" opens an
    // if-clause there (asked last).
    let mut clause_start = None;
    let mut conditional = false;
    for k in (sent.start..i).rev() {
        let w = doc.low(k);
        if matches!(w, "," | ";" | ":") {
            break;
        }
        // The clause's first word, past an opening quotation mark.
        if doc.is_word(k) {
            clause_start = Some(k);
        }
        conditional |= matches!(w, "if" | "unless" | "whether");
    }
    // A subject that denies ("No minister can promise that", "Nobody
    // will agree to it"): the clause opens with a negative word a few
    // words before the cue.
    if clause_start.is_some_and(|k| {
        i - k <= 4 && matches!(doc.low(k), "no" | "nobody" | "none" | "neither" | "nothing")
    }) {
        return true;
    }
    // A question: the next sentence-ending mark after the cue is "?" (the
    // marks read as bytes, with no lowercase copy to look up).
    let bytes = doc.text.as_bytes();
    if doc
        .toks
        .get(i..sent.end)
        .unwrap_or_default()
        .iter()
        .find_map(|t| match bytes.get(t.start()..t.end())? {
            b"." | b"!" => Some(false),
            b"?" => Some(true),
            _ => None,
        })
        == Some(true)
    {
        return true;
    }
    // An if-clause: "if", "unless" or "whether" earlier in the same clause.
    conditional
}

/// Builds a commitment from token ranges.
#[allow(clippy::too_many_arguments)]
fn build(
    doc: &Doc,
    kind: CommitmentKind,
    actor: Agent,
    counterpart: Option<usize>,
    trigger_start: usize,
    trigger_end: usize,
    content_start: usize,
    content_end: usize,
) -> Commitment {
    let sentence = doc.whole_sentence(trigger_start);
    let sentence = doc.span(sentence.start, sentence.end);
    let content = content_start..content_end;
    let content =
        list_after_colon(doc, &content).unwrap_or_else(|| before_blank_line(doc, content));
    Commitment {
        kind,
        actor: actor.entity,
        actor_name: actor.name,
        counterpart,
        trigger: doc.span(trigger_start, trigger_end),
        content: content_span(doc, content),
        sentence,
    }
}

/// Most tokens a list taken as a content may hold.
const LIST_TOKENS: usize = 400;

/// When a content stops at a colon with at most "to" or "that" before it
/// and a list follows on the next lines ("the two countries pledged to:"
/// then numbered or bulleted items), the list is the content: from its
/// first item's text to the end of its last item, which ends before a
/// paragraph (as the act stages count them: after a blank line, in CRLF
/// text too) that opens with no item marker.
fn list_after_colon(doc: &Doc, content: &Range<usize>) -> Option<Range<usize>> {
    let colon = content.end;
    let only_particles = content.clone().all(|k| matches!(doc.low(k), "to" | "that"));
    if doc.low(colon) != ":" || !only_particles {
        return None;
    }
    let first = colon + 1;
    let marker = list_marker(doc, first)?;
    if !doc.opens_line(first) {
        return None;
    }
    let items = first + marker;
    let limit = (first + LIST_TOKENS).min(doc.toks.len());
    let mut end = (items + 1..limit)
        .find(|&k| doc.para(k) != doc.para(k - 1) && list_marker(doc, k).is_none())
        .unwrap_or(limit);
    while end > items && !doc.is_word(end - 1) {
        end -= 1;
    }
    (end > items).then_some(items..end)
}

/// The tokens `r` up to the first one after a blank line: an unpunctuated
/// headline reads on into the story as one sentence ("Summit planned" and
/// the first line), but its content stays on its line. A blank line before
/// its first token does not count: a content may open a paragraph ("My
/// government will rebuild …" standing alone).
fn before_blank_line(doc: &Doc, r: Range<usize>) -> Range<usize> {
    let blank = (r.start + 1..r.end).find(|&k| {
        doc.text
            .get(doc.toks[k - 1].end()..doc.toks[k].start())
            .is_some_and(|gap| gap.matches('\n').count() >= 2)
    });
    r.start..blank.unwrap_or(r.end)
}

/// The number of tokens of the list item marker at token `k` ("•", "-",
/// "*", "1." or "1)"), if there is one.
fn list_marker(doc: &Doc, k: usize) -> Option<usize> {
    let numbered = doc.toks.get(k)?.kind() == TokenKind::Number
        && doc.word(k).bytes().all(|b| b.is_ascii_digit())
        && matches!(doc.low(k + 1), "." | ")");
    if numbered {
        Some(2)
    } else {
        matches!(doc.low(k), "•" | "-" | "*" | "–" | "◦").then_some(1)
    }
}

/// The content span, without an opening quotation mark.
fn content_span(doc: &Doc, r: Range<usize>) -> Span {
    let mut a = r.start;
    while a < r.end && doc.is_mark(a) {
        a += 1;
    }
    doc.span(a, r.end)
}

mod frames;
#[cfg(test)]
mod tests;
