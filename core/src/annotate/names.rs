//! Proper-name candidates: runs of capitalised words in the [`Doc`], and
//! their split into titles, gazetteer names, demonyms and remaining names.

use crate::annotate::doc::{Doc, MAX_ENTRY_WORDS};
use crate::annotate::kinds::KeyedKind;
use crate::annotate::learn::tagger::knows_word;
use std::sync::LazyLock;

use crate::annotate::lexicon::{GazEntry, Gender, LEXICON, set};
use crate::annotate::segment::{TokenKind, sentence_ranges};
use crate::annotate::words::{
    REGION_ADJECTIVES, WordSet, is_acronym, is_connector, is_particle, name_part,
};

/// A party-and-state tag after a politician's name ("D-Mass.", "R-Texas").
fn is_party_tag(w: &str) -> bool {
    w.len() >= 3
        && matches!(&w.as_bytes()[..2], b"D-" | b"R-" | b"I-")
        && w[2..].starts_with(|c: char| c.is_ascii_uppercase())
}

/// A people ("Kurds"), the plural of a demonym ("Chileans") or a
/// nationality: not a name of its own.
fn is_people(w: &str) -> bool {
    let lx = &*LEXICON;
    let plural_demonym = w
        .strip_suffix('s')
        .is_some_and(|one| lx.demonyms.contains_key(one));
    plural_demonym || lx.nationalities.contains(name_part(w))
}

/// A point of the compass opening a place's name ("East" of "East Los
/// Angeles").
fn is_compass(w: &str) -> bool {
    matches!(w, "North" | "South" | "East" | "West")
}

/// A word that names a region of the place after it: a region adjective
/// or a point of the compass ("Southern Indiana", "East Los Angeles").
pub fn opens_region(w: &str) -> bool {
    REGION_ADJECTIVES.contains(w) || is_compass(w)
}

/// A gazetteer entry that is a place (not an organization).
fn is_place(kind: PieceKind) -> bool {
    matches!(kind, PieceKind::Gazetteer(g) if g.kind != crate::annotate::lexicon::GazKind::Organization)
}

impl Doc<'_> {
    /// True for a word right after "#" or "@": a hashtag or a handle.
    fn is_hashtag(&self, i: usize) -> bool {
        i > 0
            && matches!(self.word(i - 1), "#" | "@")
            && self.toks[i - 1].end() == self.toks[i].start()
    }

    /// True for a word right before a currency sign, with no space: a
    /// currency ("US$ 20", "HK$5").
    fn is_currency(&self, i: usize) -> bool {
        i + 1 < self.toks.len()
            && matches!(self.word(i + 1), "$" | "€" | "£" | "¥")
            && self.toks[i].end() == self.toks[i + 1].start()
    }

    /// True for a capitalised plural that names a team after its place
    /// ("Celtics" in "Boston Celtics").
    fn is_team_name(&self, i: usize) -> bool {
        let w = self.word(i);
        let lx = &*LEXICON;
        w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && w.chars().all(char::is_alphabetic)
            && !lx.gazetteer.contains_key(w)
            && !lx.first_names.contains_key(w)
            && !lx.org_keys.contains_key(w)
            && !lx.place_keys.contains(w)
            && !lx.nationalities.contains(w)
    }

    /// True when token `i` is a capitalised word that may be (part of) a name.
    fn starts_name(&self, i: usize) -> bool {
        self.is_cap(i)
            && !is_party_tag(self.word(i))
            && !self.is_hashtag(i)
            && !self.is_currency(i)
            && (!self.toks[i].ambiguous() || self.accepts_ambiguous(i))
    }

    /// Maximal runs of capitalised words (with inner connectors), as token
    /// index ranges, in document order.
    pub fn runs(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for r in sentence_ranges(&self.toks) {
            let (a, b) = (r.start, r.end);
            let mut i = a;
            while i < b {
                if !self.starts_name(i) {
                    i += 1;
                    continue;
                }
                let start = i;
                let mut end = i + 1;
                loop {
                    if has_modifier_suffix(self.word(end - 1)) || end - start >= MAX_RUN_WORDS {
                        break;
                    }
                    let mut j = end;
                    // "State's Attorney's Office", "Women's Hospital";
                    // "Magistrates' Court", "Teachers' Union".
                    let plural_possessive = || {
                        matches!(self.word(j), "'" | "’")
                            && self.word(end - 1).len() > 2
                            && self.word(end - 1).ends_with('s')
                    };
                    if j + 1 < b
                        && ((matches!(self.word(j), "'s" | "’s")
                            && (POSSESSIVE_NAME_WORDS.contains(self.word(end - 1))
                                || is_men_plural(self.word(end - 1))))
                            || plural_possessive())
                    {
                        j += 1;
                    }
                    while j < b && j - end < 2 && self.joins(start, end, j) {
                        j += 1;
                    }
                    if j < b && self.starts_name(j) {
                        end = j + 1;
                    } else {
                        break;
                    }
                }
                // A lone initial ("E. coli") names no one.
                if !(end == start + 1 && is_letter_initial(self.word(start))) {
                    out.push((start, end));
                }
                i = end;
            }
        }
        out
    }
}

impl Doc<'_> {
    /// True when token `j` may join the run `start..end` (with the
    /// connectors `end..j` before it): "of", "and" and name particles always;
    /// "for", "on", "at" only after an organization keyword or a title
    /// ("Council on ...", "Trust for ..."), and "on" and "at" not before a
    /// place, which says where the body is ("the Cancer Center on Fifth
    /// Avenue", "the Science Council at Kellworth Island"); "the" only after
    /// one of those.
    fn joins(&self, start: usize, end: usize, j: usize) -> bool {
        let lx = &*LEXICON;
        match self.word(j) {
            "of" | "and" | "&" => j == end,
            // "Ursula von der Leyen", "Charles de Gaulle".
            w if is_particle(w) => j == end || (j == end + 1 && is_particle(self.word(end))),
            w @ ("for" | "on" | "at") => {
                j == end
                    && (start..end).any(|i| {
                        let w = self.word(i);
                        lx.org_keys.get(w).is_some_and(|k| k.head) || lx.titles.contains_key(w)
                    })
                    && (w == "for" || !self.place_from(j + 1))
            }
            "the" => j == end + 1 && matches!(self.word(end), "of" | "for" | "on" | "at"),
            _ => false,
        }
    }

    /// True when the capitalised words from token `k` name a place: a
    /// place's keyword ends them ("Fifth Avenue", "Kellworth Island") or
    /// they are a place of the gazetteer ("Oxford").
    fn place_from(&self, k: usize) -> bool {
        let limit = self.toks.len().min(k + MAX_RUN_WORDS);
        let e = (k..limit).find(|&e| !self.is_cap(e)).unwrap_or(limit);
        e > k
            && (LEXICON.place_keys.contains(self.word(e - 1))
                || self
                    .entry_at(k, e)
                    .is_some_and(|(end, kind)| end == e && is_place(kind)))
    }
}

/// True when `w` is one capital letter and a period ("J."): narrower than
/// [`crate::annotate::kinds::is_initial`], which also admits "Jr." and
/// "U.S.", names a lone run may be.
fn is_letter_initial(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.as_str() == "."
}

fn has_modifier_suffix(w: &str) -> bool {
    name_part(w).len() < w.len()
}

/// An irregular plural in "-men" of seven letters or more ("Fishermen",
/// "Firemen", "Servicemen"), whose possessive stays inside an
/// organization's name as a plural's does ("Fishermen's Federation");
/// not a place or a given name ("Carmen").
fn is_men_plural(w: &str) -> bool {
    let lx = &*LEXICON;
    w.len() >= 7
        && w.ends_with("men")
        && !lx.gazetteer.contains_key(w)
        && !lx.first_names.contains_key(w)
}

/// What a piece of a capitalised run is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceKind {
    /// A title or honorific ("President", "Secretary of State", "Mr.").
    Title(Gender),
    /// A gazetteer name (country, place, known organization).
    Gazetteer(GazEntry),
    /// A demonym ("North Korean"); the canonical country.
    Demonym(&'static str),
    /// A name recognised by its last word (organization or place keyword).
    Keyed(KeyedKind),
    /// The name of an event, law or work ("Korean War"): not an actor,
    /// though actors may be named inside it.
    Event,
    /// Any other name.
    Other,
}

/// A piece of a run: a token range and what it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// What it is.
    pub kind: PieceKind,
}

/// Common nouns whose possessive stays inside an organization's name
/// ("State's Attorney's Office", "People's Party", "Children's Hospital").
static POSSESSIVE_NAME_WORDS: LazyLock<WordSet> =
    LazyLock::new(|| set(include_str!("lexicon/possessive_name_words.txt")));

/// At most this many words in one run of capitalised words: longer runs
/// are lists or headlines, and a bound keeps the work per run constant.
const MAX_RUN_WORDS: usize = 16;

impl Doc<'_> {
    fn lookup_whole(&self, a: usize, b: usize) -> Option<PieceKind> {
        let lx = &*LEXICON;
        let key = self.key(a, b);
        let key = key.strip_prefix("The ").unwrap_or(&key);
        if let Some(&g) = lx.gazetteer.get(key) {
            return Some(PieceKind::Gazetteer(g));
        }
        // "BERLIN (Reuters)": places in capitals, in datelines and headlines.
        if key.len() >= 4
            && key.chars().all(|c| !c.is_lowercase())
            && let Some(&g) = lx.gazetteer_upper.get(key)
        {
            return Some(PieceKind::Gazetteer(g));
        }
        lx.demonyms.get(key).map(|&c| PieceKind::Demonym(c))
    }

    /// The longest gazetteer name or demonym starting at token `a` (not
    /// beyond `b`): its end and kind.
    pub fn entry_at(&self, a: usize, b: usize) -> Option<(usize, PieceKind)> {
        let w = self.word(a);
        let lx = &*LEXICON;
        let may_start = lx.entry_starts.contains(w)
            || lx.entry_starts.contains(name_part(w))
            || !w.chars().any(char::is_lowercase);
        if !may_start {
            return None;
        }
        (a + 1..=b.min(a + MAX_ENTRY_WORDS))
            .rev()
            .find_map(|e| self.lookup_whole(a, e).map(|k| (e, k)))
    }

    /// Splits the run `a..b` into pieces. Tokens that are not names
    /// (weekdays, peoples, event names, lone connectors) are left out.
    pub fn pieces(&self, a: usize, b: usize, out: &mut Vec<Piece>) {
        let lx = &*LEXICON;
        // Non-names split the run.
        let mut s = a;
        for i in a..=b {
            if i == b || lx.non_names.contains(self.word(i)) {
                self.pieces_of(s, i, out);
                s = i + 1;
            }
        }
    }

    fn pieces_of(&self, mut a: usize, mut b: usize, out: &mut Vec<Piece>) {
        while a < b && is_connector(self.word(a)) {
            a += 1;
        }
        while b > a && is_connector(self.word(b - 1)) {
            b -= 1;
        }
        if a >= b {
            return;
        }
        if let Some(kind) = self.lookup_whole(a, b) {
            out.push(Piece {
                start: a,
                end: b,
                kind,
            });
            return;
        }
        // Split at "and" unless the right part completes an organization
        // name ("Food and Drug Administration").
        if let Some(i) = (a..b).find(|&i| matches!(self.word(i), "and" | "&")) {
            if self.firm_name(a, i, b) {
                out.push(Piece {
                    start: a,
                    end: b,
                    kind: PieceKind::Keyed(KeyedKind::Organization),
                });
                return;
            }
            let keeps = (i - a == 1 && self.keyed(i + 1, b) == Some(KeyedKind::Organization))
                || self.portfolio_goes_on(a, i, b);
            if !keeps {
                self.pieces_of(a, i, out);
                self.pieces_of(i + 1, b, out);
                return;
            }
        }
        let event_head = LEXICON.event_heads.contains(self.word(a));
        if b - a >= 2 && (event_head || LEXICON.event_keys.contains(name_part(self.word(b - 1)))) {
            out.push(Piece {
                start: a,
                end: b,
                kind: PieceKind::Event,
            });
            return;
        }
        // "Call of Duty", "Lord of the Rings": unknown words around "of",
        // with no keyword, place or title, name a work, not actors.
        let of_at = (a + 1..b).find(|&i| self.word(i) == "of");
        let keyed = self.keyed(a, b);
        if let Some(c) = of_at
            && keyed.is_none()
            && (a..b).all(|i| {
                is_connector(self.word(i))
                    || (self.entry_at(i, i + 1).is_none() && self.title_at(i, b).is_none())
            })
            && !crate::annotate::kinds::is_clearly_person(self, a, c)
        {
            out.push(Piece {
                start: a,
                end: b,
                kind: PieceKind::Event,
            });
            return;
        }
        // "Sarah Brandt of the Acme Corporation": a person (a given name
        // first, no title or place), then where they work.
        if let Some(c) = of_at
            && c - a >= 2
            && c + 1 < b
            && LEXICON.first_names.contains_key(self.word(a))
            && (a..c).all(|i| self.title_at(i, c).is_none() && self.entry_at(i, i + 1).is_none())
        {
            self.pieces_of(a, c, out);
            let d = if self.word(c + 1) == "the" {
                c + 2
            } else {
                c + 1
            };
            if d < b {
                self.pieces_of(d, b, out);
            }
            return;
        }
        if let Some(k) = keyed {
            // "Director of the Grain Agency": a title, then an organization.
            match self.title_at(a, b) {
                // "Secretary of State" alone: the title, whatever its keyword.
                Some((e, g)) if e == b => out.push(Piece {
                    start: a,
                    end: b,
                    kind: PieceKind::Title(g),
                }),
                Some((e, _)) if self.portfolio_after(e, b) => self.segment(a, b, out),
                Some((e, g)) if e < b && is_connector(self.word(e)) => {
                    out.push(Piece {
                        start: a,
                        end: e,
                        kind: PieceKind::Title(g),
                    });
                    self.pieces_of(e, b, out);
                }
                _ => out.push(Piece {
                    start: a,
                    end: b,
                    kind: PieceKind::Keyed(k),
                }),
            }
            return;
        }
        self.segment(a, b, out);
    }

    /// The kind a keyword gives the name `a..b`: an organization keyword at
    /// its end ("Foreign Ministry"), opening a broadcaster's name ("Radio
    /// Carrow") or heading an "of"/"for" phrase ("Ministry of Defense"), or
    /// a place keyword at its end.
    fn keyed(&self, a: usize, b: usize) -> Option<KeyedKind> {
        if b <= a + 1 {
            return None;
        }
        let lx = &*LEXICON;
        let last = name_part(self.word(b - 1));
        // "Nathan Lane", "Marc Lamont Hill": a given name, then a family
        // name.
        if lx.family_name_keys.contains(last)
            && lx.first_names.contains_key(self.word(a))
            && !lx.gazetteer.contains_key(self.word(a))
        {
            return None;
        }
        // "Foreign Ministry"; "Radio Carrow", a broadcaster named after its
        // town.
        if lx.org_keys.get(last).is_some_and(|k| k.end)
            || lx.org_keys.get(self.word(a)).is_some_and(|k| k.open)
        {
            return Some(KeyedKind::Organization);
        }
        match lx.club_words.get(last) {
            Some(false) => return Some(KeyedKind::Organization),
            // "Luton Town" where a club is named too, unless "in Luton Town".
            Some(true)
                if self.names_a_club()
                    && !crate::annotate::kinds::after_place_preposition(self, a) =>
            {
                return Some(KeyedKind::Organization);
            }
            _ => {}
        }
        for i in a..b - 1 {
            let Some(k) = lx.org_keys.get(self.word(i)) else {
                continue;
            };
            let next = self.word(i + 1);
            // "Ministry of Defense"; "Medical Journal of Australia".
            let of_place = || {
                next == "of"
                    && i + 1 > a
                    && matches!(self.entry_at(i + 2, b), Some((e, PieceKind::Gazetteer(_))) if e == b)
            };
            if (k.head && matches!(next, "of" | "for" | "on" | "at")) || (k.end && of_place()) {
                return Some(KeyedKind::Organization);
            }
        }
        if lx.place_keys.contains(last) {
            return Some(KeyedKind::Place);
        }
        // "Upper Orun", "Port Halloran", but not "New Democrats".
        if b - a == 2 && lx.place_prefixes.contains(self.word(a)) && !self.is_team_name(b - 1) {
            return Some(KeyedKind::Place);
        }
        None
    }

    /// True when the name `a..b` joins two names by an ampersand (token
    /// `i`), none of them a listed place or title, and one of them at least
    /// no common word: a firm named after its founders or partners
    /// ("Halberd & Lowe", "Marks & Spencer"), one organisation, where "and"
    /// would join two; words the tagger knows alone name a work ("Social
    /// Science & Medicine").
    fn firm_name(&self, a: usize, i: usize, b: usize) -> bool {
        let listed = |k: usize| self.entry_at(k, b).is_some() || self.title_at(k, b).is_some();
        // "(Dye & Bavelier, 2010)", "Carrano & Biewener [7]": authors cited.
        let next = if self.word_at(b) == Some(",") {
            b + 1
        } else {
            b
        };
        let cited = (a > 0 && self.word(a - 1) == "(")
            || matches!(self.word_at(next), Some("(" | "["))
            || self
                .toks
                .get(next)
                .is_some_and(|t| t.kind() == TokenKind::Number);
        self.word(i) == "&"
            && !cited
            && i > a
            && i + 1 < b
            && (a..b).all(|k| k == i || (self.is_cap(k) && !listed(k)))
            && (a..b).any(|k| k != i && !knows_word(self.word(k)))
    }

    /// True when "and" at `i` goes on the portfolio of the organization or
    /// title `a..i` to the one word `i + 1..b`: "Ministry of Roads and
    /// Ports", "Department of Agriculture and Fisheries", "Minister for
    /// Roads and Ports" (a head keyword and "of" or "for", or a minister's
    /// title and "for", and one word, then "and" and one word that is no listed
    /// name, title or given name).
    fn portfolio_goes_on(&self, a: usize, i: usize, b: usize) -> bool {
        let lx = &*LEXICON;
        let head = |k: usize| lx.org_keys.get(self.word(k)).is_some_and(|k| k.head);
        let right = self.word(i + 1);
        i >= a + 3
            && b == i + 2
            && match self.word(i - 2) {
                "of" => head(i - 3),
                "for" => (a..i - 2).any(|k| head(k) || self.portfolio_after(k + 1, b)),
                _ => false,
            }
            && self.entry_at(i - 1, i).is_none()
            && self.entry_at(i + 1, b).is_none()
            && self.title_at(i + 1, b).is_none()
            && !lx.first_names.contains_key(right)
            && !is_acronym(right)
    }

    /// True when a title ending at token `e` is a minister's, a
    /// secretary's or a commissioner's, and "for" goes on with its
    /// portfolio before `b` ("Minister for Roads").
    fn portfolio_after(&self, e: usize, b: usize) -> bool {
        e + 1 < b
            && self.word(e) == "for"
            && matches!(self.word(e - 1), "Minister" | "Secretary" | "Commissioner")
    }

    /// Greedy left-to-right split into titles, gazetteer names, demonyms and
    /// other names. After a title and "for" the words that are no listed
    /// name are its portfolio, not names ("Minister for Roads and Ports",
    /// "Secretary of State for Health").
    fn segment(&self, a: usize, b: usize, out: &mut Vec<Piece>) {
        let mut i = a;
        let mut portfolio = false;
        while i < b {
            let w = self.word(i);
            if is_connector(w) {
                i += 1;
                continue;
            }
            if let Some((e, g)) = self.title_at(i, b) {
                out.push(Piece {
                    start: i,
                    end: e,
                    kind: PieceKind::Title(g),
                });
                portfolio = self.portfolio_after(e, b);
                i = e;
                continue;
            }
            if i == a && self.role_before_name(a, b) {
                out.push(Piece {
                    start: i,
                    end: i + 1,
                    kind: PieceKind::Title(Gender::Unknown),
                });
                i += 1;
                continue;
            }
            if portfolio && self.entry_piece(i, b).is_none() {
                i = self.name_end(i, b);
                continue;
            }
            if let Some(piece) = self.entry_piece(i, b) {
                out.push(piece);
                i = piece.end;
                continue;
            }
            let people = is_people(w);
            if (people || is_compass(w))
                && let Some(piece) = self.region_piece(i, b)
            {
                out.push(piece);
                i = piece.end;
                continue;
            }
            if people {
                i += 1;
                continue;
            }
            if i + 1 == b && self.is_derived_demonym(i) {
                i += 1;
                continue;
            }
            let e = self.name_end(i, b);
            out.push(Piece {
                start: i,
                end: e,
                kind: PieceKind::Other,
            });
            i = e;
        }
    }

    /// True when the first word of the name `a..b` is a role noun used as a
    /// title before a person's name ("Host Leo Brandt", "Economist Sara
    /// Lind"): capitalised, a role noun in lowercase, no listed name itself,
    /// and followed by a given name or by two or more name words.
    fn role_before_name(&self, a: usize, b: usize) -> bool {
        let lx = &*LEXICON;
        let w = self.word(a);
        b >= a + 2
            && w.starts_with(|c: char| c.is_uppercase())
            && lx.role_nouns.contains(w.to_lowercase().as_str())
            && self.entry_at(a, a + 1).is_none()
            && !lx.first_names.contains_key(w)
            && (lx.first_names.contains_key(self.word(a + 1)) || b >= a + 3)
            && !is_connector(self.word(a + 1))
    }

    /// The piece a gazetteer or lexicon entry makes at word `i` (of a name
    /// ending at `b`): the entry, or a team when a place is followed by a
    /// plural name ("Boston Celtics"); none for a given name that reads as
    /// a place ("Jordan Smith", "Victoria Beckham").
    fn entry_piece(&self, i: usize, b: usize) -> Option<Piece> {
        let (e, kind) = self.entry_at(i, b)?;
        if e + 1 == b && is_place(kind) && self.is_team_name(e) {
            return Some(Piece {
                start: i,
                end: b,
                kind: PieceKind::Keyed(KeyedKind::Organization),
            });
        }
        let given_name = e == i + 1
            && e < b
            && LEXICON.first_names.contains_key(self.word(i))
            && !is_connector(self.word(e));
        (!given_name).then_some(Piece {
            start: i,
            end: e,
            kind,
        })
    }

    /// A part of a known place named by a region adjective or a point of
    /// the compass before it, at word `i` of a name ending at `b`
    /// ("Southern Indiana", "East Los Angeles"): a place of its own.
    fn region_piece(&self, i: usize, b: usize) -> Option<Piece> {
        let w = self.word(i);
        if i + 1 >= b || !opens_region(w) {
            return None;
        }
        let (e, kind) = self.entry_at(i + 1, b)?;
        is_place(kind).then_some(Piece {
            start: i,
            end: e,
            kind: PieceKind::Keyed(KeyedKind::Place),
        })
    }

    /// The end of the name other than a title or an entry that starts at
    /// word `i` (of a run ending at `b`): up to a connector, a title or a
    /// multi-word gazetteer name; name particles stay inside ("von der").
    fn name_end(&self, i: usize, b: usize) -> usize {
        let mut e = i + 1;
        while e < b {
            let w = self.word(e);
            if is_particle(w) {
                if (e + 1..b).any(|k| !is_particle(self.word(k))) {
                    e += 1;
                    continue;
                }
                break;
            }
            if is_connector(w)
                || self.entry_at(e, b).is_some_and(|(x, _)| x > e + 1)
                || self.title_at(e, b).is_some_and(|(x, _)| x < b)
            {
                break;
            }
            e += 1;
        }
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::segment::segment;

    fn pieces(text: &str) -> Vec<(String, PieceKind)> {
        let doc = Doc::new(text, segment(text));
        let mut out = Vec::new();
        for (a, b) in doc.runs() {
            doc.pieces(a, b, &mut out);
        }
        out.iter()
            .map(|p| (doc.key(p.start, p.end).into_owned(), p.kind))
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        pieces(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn quotations_end_with_their_paragraph() {
        let text = "He said \"it is over.\n\nThen Lee left.";
        let doc = Doc::new(text, segment(text));
        let lee = (0..doc.toks.len()).find(|&i| doc.word(i) == "Lee").unwrap();
        let over = (0..doc.toks.len())
            .find(|&i| doc.word(i) == "over")
            .unwrap();
        assert!(doc.toks[over].quoted());
        assert!(!doc.toks[lee].quoted());
    }

    /// The kind of each piece that a keyword gives, by its text.
    fn keyed_kinds(text: &str) -> Vec<(String, Option<KeyedKind>)> {
        pieces(text)
            .into_iter()
            .map(|(t, k)| match k {
                PieceKind::Keyed(kk) => (t, Some(kk)),
                _ => (t, None),
            })
            .collect()
    }

    #[test]
    fn a_broadcaster_named_after_its_town_is_an_organization() {
        let got = keyed_kinds("The mayor told Radio Quillby that the bridge would shut.");
        assert!(
            got.contains(&("Radio Quillby".to_owned(), Some(KeyedKind::Organization))),
            "{got:?}"
        );
    }

    #[test]
    fn a_keyword_heading_an_of_phrase_opens_a_name_at_a_sentence_start() {
        let text = "Ministry of Quays staff met. The ministry said so.";
        assert_eq!(texts(text), ["Ministry of Quays"]);
        let text = "Ministry staff met. The ministry said so.";
        assert!(texts(text).is_empty(), "{:?}", texts(text));
    }

    #[test]
    fn on_and_at_before_a_place_end_a_bodys_name() {
        let text = "Then the Cancer Center on Fifth Avenue and the Science Council at Kellworth \
                    Island met the Council on Foreign Relations and the Trust for Wild Rivers.";
        assert_eq!(
            texts(text),
            [
                "Cancer Center",
                "Fifth Avenue",
                "Science Council",
                "Kellworth Island",
                "Council on Foreign Relations",
                "Trust for Wild Rivers"
            ]
        );
    }

    #[test]
    fn a_portfolio_is_no_name() {
        let got = keyed_kinds("Then the Ministry of Quays and Ferries met Orbey and Pellam.");
        assert_eq!(
            got,
            [
                (
                    "Ministry of Quays and Ferries".to_owned(),
                    Some(KeyedKind::Organization)
                ),
                ("Orbey".to_owned(), None),
                ("Pellam".to_owned(), None),
            ]
        );
        assert_eq!(
            texts(
                "Then Ann Dorrel, Minister for Quays and Ferries, and the Minister for Housing met."
            ),
            ["Ann Dorrel", "Minister", "Minister"]
        );
        // A listed name stays one.
        assert_eq!(
            texts("Then the Minister for Wales met."),
            ["Minister", "Wales"]
        );
    }

    #[test]
    fn street_and_facility_words_end_places_unless_a_given_name_opens() {
        let got = keyed_kinds("Trucks use Dorrel Lane and Pike Close near the Orbey Stand.");
        let place = Some(KeyedKind::Place);
        assert_eq!(
            got,
            [
                ("Dorrel Lane".to_owned(), place),
                ("Pike Close".to_owned(), place),
                ("Orbey Stand".to_owned(), place),
            ]
        );
        // A given name before a keyword that is also a family name.
        let got = keyed_kinds("Then Nathan Lane and Marc Ellis Hall spoke.");
        assert!(got.iter().all(|(_, k)| k.is_none()), "{got:?}");
        // Churches, hotels and landforms; "Abbey" after a given name is a
        // family name.
        let got = keyed_kinds("Visit Dorrel Minster, the Pellam Hotel and the Orbey Plateau.");
        assert!(got.iter().all(|(_, k)| *k == place), "{got:?}");
        let got = keyed_kinds("Then Glenn Abbey spoke.");
        assert!(got.iter().all(|(_, k)| k.is_none()), "{got:?}");
    }

    #[test]
    fn club_words_end_clubs_and_make_town_names_clubs_in_a_sports_text() {
        let org = Some(KeyedKind::Organization);
        let place = Some(KeyedKind::Place);
        assert_eq!(
            keyed_kinds("Then Dorrel Rovers beat Pellam Athletic."),
            [
                ("Dorrel Rovers".to_owned(), org),
                ("Pellam Athletic".to_owned(), org)
            ]
        );
        assert_eq!(
            keyed_kinds("Then Dorrel Rovers face Pellam Town. Fans live in Pellam Town."),
            [
                ("Dorrel Rovers".to_owned(), org),
                ("Pellam Town".to_owned(), org),
                ("Pellam Town".to_owned(), place),
            ]
        );
        // No club named: a town.
        assert_eq!(
            keyed_kinds("They visited Pellam Town on Sunday."),
            [("Pellam Town".to_owned(), place)]
        );
        // "United" before another capitalised word names no club.
        assert_eq!(
            keyed_kinds("The United Dorrel Party met Pellam Town."),
            [
                ("United Dorrel Party".to_owned(), org),
                ("Pellam Town".to_owned(), place),
            ]
        );
    }

    #[test]
    fn direction_and_port_words_open_places_but_not_plurals() {
        let place = Some(KeyedKind::Place);
        assert_eq!(
            keyed_kinds("Then Upper Dorrel and Port Pellam signed."),
            [
                ("Upper Dorrel".to_owned(), place),
                ("Port Pellam".to_owned(), place)
            ]
        );
        assert_eq!(
            keyed_kinds("Then the New Pellamites voted."),
            [("New Pellamites".to_owned(), None)]
        );
        // An organization keyword wins: "Port Authority".
        assert_eq!(
            keyed_kinds("Then Port Authority staff left."),
            [("Port Authority".to_owned(), Some(KeyedKind::Organization))]
        );
    }

    #[test]
    fn a_men_plural_possessive_stays_inside_a_name() {
        assert_eq!(
            texts("Then the Dorrel Fishermen's Federation and Yemen's Foreign Ministry met."),
            ["Dorrel Fishermen's Federation", "Yemen", "Foreign Ministry"]
        );
    }

    #[test]
    fn hashtags_and_handles_are_not_names() {
        assert!(texts("She posted #StandWithLee and @LeeNews today.").is_empty());
    }

    #[test]
    fn a_currency_is_not_a_name() {
        assert_eq!(texts("He paid US$ 20,000 and HK$5 to Lee."), ["Lee"]);
    }

    #[test]
    fn a_person_of_an_organization_is_two_names() {
        assert_eq!(
            texts("They met Sarah Brandt of the Acme Widget Corporation."),
            ["Sarah Brandt", "Acme Widget Corporation"]
        );
    }

    #[test]
    fn names_joined_by_an_ampersand_are_one_firm() {
        for (text, firm) in [
            (
                "The engineering firm Halberd & Lowe wrote the report.",
                "Halberd & Lowe",
            ),
            ("Shoppers at Marks & Spencer said so.", "Marks & Spencer"),
        ] {
            let got = pieces(text);
            assert!(
                got.contains(&(firm.to_owned(), PieceKind::Keyed(KeyedKind::Organization))),
                "{got:?}"
            );
        }
        // Common words name a work; listed places stay apart; "and" joins
        // a list.
        for cited in [
            "Games help (Dye & Bavelier, 2010).",
            "It was inspired by Carrano & Biewener [7] and others.",
        ] {
            let got = pieces(cited);
            assert!(
                got.iter()
                    .all(|(_, k)| *k != PieceKind::Keyed(KeyedKind::Organization)),
                "{got:?}"
            );
        }
        let got = pieces("Journals such as Social Science & Medicine said so.");
        assert!(
            got.iter()
                .all(|(_, k)| *k != PieceKind::Keyed(KeyedKind::Organization)),
            "{got:?}"
        );
        let got = pieces("Flights from London & Paris resumed.");
        assert!(got.iter().any(|(t, _)| t == "London"), "{got:?}");
        let got = pieces("They met Halberd and Lowe.");
        assert!(got.iter().any(|(t, _)| t == "Halberd"), "{got:?}");
    }

    #[test]
    fn a_title_alone_is_a_title_whatever_its_keyword() {
        let got = pieces("Dear Secretary of State, we write.");
        assert_eq!(got[0].0, "Secretary of State");
        assert!(matches!(got[0].1, PieceKind::Title(_)), "{got:?}");
    }

    #[test]
    fn titles_split_from_names_and_places() {
        let got = pieces("Yesterday U.S. Secretary of State Jane Doe met them.");
        assert_eq!(got[0].0, "U.S.");
        assert!(matches!(got[0].1, PieceKind::Gazetteer(_)));
        assert_eq!(got[1].0, "Secretary of State");
        assert!(matches!(got[1].1, PieceKind::Title(_)));
        assert_eq!(got[2], ("Jane Doe".to_owned(), PieceKind::Other));
    }

    #[test]
    fn a_legislators_abbreviated_title_splits_from_the_name() {
        let got = pieces("Yesterday the Labour MP Orla Quist met Assemblywoman Jo Pell.");
        let title = |w: &str| {
            got.iter()
                .any(|(t, k)| t == w && matches!(k, PieceKind::Title(_)))
        };
        assert!(title("MP") && title("Assemblywoman"), "{got:?}");
        assert!(got.contains(&("Orla Quist".to_owned(), PieceKind::Other)));
        assert!(got.contains(&("Jo Pell".to_owned(), PieceKind::Other)));
    }

    #[test]
    fn a_point_of_the_compass_before_a_known_place_names_a_place_of_its_own() {
        assert_eq!(
            pieces("He grew up in East Los Angeles."),
            [(
                "East Los Angeles".to_owned(),
                PieceKind::Keyed(KeyedKind::Place)
            )]
        );
        // Before a name no list knows, the compass word stays in the name.
        assert_eq!(texts("They met in East Quorvel."), ["East Quorvel"]);
    }

    #[test]
    fn a_role_noun_before_a_name_is_its_title() {
        let got = pieces("Host Leo Brandt talks to Economist Farida Quist today.");
        assert_eq!(got[0].0, "Host");
        assert!(matches!(got[0].1, PieceKind::Title(_)), "{got:?}");
        assert!(
            got.contains(&("Leo Brandt".to_owned(), PieceKind::Other)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Farida Quist".to_owned(), PieceKind::Other)),
            "{got:?}"
        );
        // Before one word that is no given name the role noun may be part
        // of the name; an organization named with one is left whole.
        assert_eq!(texts("They read Reporter Dunne."), ["Reporter Dunne"]);
        assert_eq!(
            texts("They sued Student Loans Company."),
            ["Student Loans Company"]
        );
    }

    #[test]
    fn sentence_initial_words_need_evidence() {
        // "Police" appears in lowercase elsewhere; "Brandt" is capitalised mid-sentence.
        assert_eq!(
            texts("Police said the police came. Brandt left. They met Brandt."),
            ["Brandt", "Brandt"]
        );
        assert_eq!(texts("Fifty-five people came."), Vec::<String>::new());
        assert_eq!(texts("Palmer said the plan works."), ["Palmer"]);
        // A word the tagger learned as a common noun is no name there.
        assert!(texts("Residents say the road is unsafe.").is_empty());
        assert!(texts("Parents said the school is small.").is_empty());
    }

    #[test]
    fn a_lone_initial_is_no_name() {
        assert!(texts("Tests found E. coli in the water.").is_empty());
        assert_eq!(texts("Tests by J. R. Hale found it."), ["J. R. Hale"]);
    }

    #[test]
    fn a_modal_opening_a_question_is_no_given_name() {
        assert!(texts("Will the ferry run in winter?").is_empty());
        assert!(texts("May I ask a question?").is_empty());
        assert_eq!(texts("Will Hardy came late."), ["Will Hardy"]);
        assert_eq!(texts("Will Hardy?"), ["Will Hardy"]);
    }

    #[test]
    fn weekdays_events_and_peoples_are_not_names() {
        assert_eq!(
            pieces("They played Call of Duty again."),
            [("Call of Duty".to_owned(), PieceKind::Event)]
        );
        assert_eq!(
            pieces("They launched Operation Sea Lion."),
            [("Operation Sea Lion".to_owned(), PieceKind::Event)]
        );
        assert_eq!(
            pieces("It happened on Thursday in June after the Korean War-era rule."),
            [("Korean War".to_owned(), PieceKind::Event)]
        );
        assert!(texts("A group of Muslim students spoke.").is_empty());
    }

    #[test]
    fn peoples_are_not_actors() {
        assert!(pieces("Many Chileans and Germans voted.").is_empty());
    }

    #[test]
    fn keywords_type_organizations_and_places() {
        let got = pieces(
            "They met the Ministry of Foreign Affairs and the Acme Widget Corp. near the Hudson River.",
        );
        assert_eq!(
            got[0],
            (
                "Ministry of Foreign Affairs".to_owned(),
                PieceKind::Keyed(KeyedKind::Organization)
            )
        );
        assert_eq!(
            got[1],
            (
                "Acme Widget Corp.".to_owned(),
                PieceKind::Keyed(KeyedKind::Organization)
            )
        );
        assert_eq!(
            got[2],
            (
                "Hudson River".to_owned(),
                PieceKind::Keyed(KeyedKind::Place)
            )
        );
    }

    #[test]
    fn a_title_before_an_organization_stays_apart() {
        let got = pieces("He is Director of the Grain Export Agency for Central Europe now.");
        assert!(matches!(got[0].1, PieceKind::Title(_)));
        assert_eq!(
            got[1],
            (
                "Grain Export Agency for Central Europe".to_owned(),
                PieceKind::Keyed(KeyedKind::Organization)
            )
        );
    }

    #[test]
    fn and_splits_two_names_but_not_one_organization() {
        assert_eq!(
            texts("We saw Brandt and Lowe at the Food and Drug Administration."),
            ["Brandt", "Lowe", "Food and Drug Administration"]
        );
    }

    #[test]
    fn demonyms_and_modifier_suffixes() {
        let got = pieces("The talks with the North Korean side and a Texas-based firm ended.");
        assert_eq!(
            got[0],
            ("North Korean".to_owned(), PieceKind::Demonym("North Korea"))
        );
        assert_eq!(got[1].0, "Texas");
    }
}
