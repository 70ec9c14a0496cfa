//! Actors across articles: the index's actor rows grouped into one actor
//! when they share a key (same kind, and a name or a name of two words or
//! more in common; see [`super::index::keys`]), or when a name of one word
//! (a surname, an acronym) can stand for one actor only (see [`group`]),
//! for `gloss actors`, `gloss actor NAME` and the reader's `A`.

use std::collections::HashMap;
use std::fmt::Write;

use serde_json::{Value, json};

use super::index::{
    ActorKey, ActorRow, ActorTable, Index, IndexError, acronym, is_acronym_allowing_periods,
    normalise,
};
use crate::export::csv::field;
use crate::export::markdown::escape;

/// One actor across articles: its rows, one per article.
#[derive(Debug, Clone)]
pub struct Actor {
    /// The name it goes by: the most common of its rows' names (the
    /// longest of those on a tie), a name of several words before one of
    /// one word ("Donald Trump" before "Trump").
    pub name: String,
    /// Its kind.
    pub kind: String,
    /// Its rows, by article source.
    pub rows: Vec<ActorRow>,
    /// Its rows' keys without their kind: normalised names and acronyms.
    pub keys: Vec<String>,
}

impl Actor {
    /// Mentions over all its articles.
    pub fn mentions(&self) -> usize {
        self.rows.iter().map(|r| r.counts[0]).sum()
    }
}

/// Groups the rows of `table` into actors, most widely reported first
/// (articles, then mentions, then name).
///
/// Rows whose keys meet are one actor (union-find over shared keys), except
/// that an acronym made from a name's initials is no proof alone. Then,
/// when the evidence points at one actor only, a name of one word joins a
/// longer one: a person's ("Trump") the one person whose surname (last
/// word) it is ("Donald Trump"); an acronym ("COFA") the one organisation
/// or place an article spells it out for (an actor with both as mentions),
/// else the one whose initials it is. When two could be meant (two Kims)
/// it stays apart. This is done here, as the index is read, rather than in
/// the index: an article indexed once is not annotated again, so the
/// actors it can join are only known as the library grows.
pub fn group(table: ActorTable) -> Vec<Actor> {
    let ActorTable {
        rows,
        keys,
        aliases,
    } = table;
    let at: HashMap<i64, usize> = rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut sets = Sets::new(rows.len());
    let normal: Vec<String> = rows.iter().map(|r| normalise(&r.name)).collect();
    let initials: Vec<Option<String>> = rows
        .iter()
        .map(|r| (r.kind != "person").then(|| acronym(&r.name)).flatten())
        .collect();
    let mut owner: HashMap<&str, usize> = HashMap::new();
    for (actor, key) in &keys {
        let Some(&i) = at.get(actor) else { continue };
        let bare = key.split_once(':').map_or(key.as_str(), |(_, k)| k);
        if initials[i].as_deref() == Some(bare) && normal[i] != bare {
            continue;
        }
        match owner.get(key.as_str()) {
            Some(&j) => sets.join(i, j),
            None => {
                owner.insert(key, i);
            }
        }
    }
    join_short_names(&rows, &normal, &initials, &aliases, &at, &mut sets);
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); rows.len()];
    for i in 0..rows.len() {
        let r = sets.root(i);
        groups[r].push(i);
    }
    let mut keys_of: HashMap<i64, Vec<&str>> = HashMap::new();
    for (actor, key) in &keys {
        let bare = key.split_once(':').map_or(key.as_str(), |(_, k)| k);
        keys_of.entry(*actor).or_default().push(bare);
    }
    let mut rows: Vec<Option<ActorRow>> = rows.into_iter().map(Some).collect();
    let mut actors: Vec<Actor> = groups
        .into_iter()
        .filter(|g| !g.is_empty())
        .map(|g| {
            let rows: Vec<ActorRow> = g.iter().filter_map(|&i| rows[i].take()).collect();
            let name = actor_name(&rows);
            let mut keys: Vec<String> = rows
                .iter()
                .flat_map(|r| keys_of.get(&r.id).into_iter().flatten())
                .map(|k| (*k).to_owned())
                .collect();
            keys.sort();
            keys.dedup();
            Actor {
                name,
                kind: rows[0].kind.clone(),
                rows,
                keys,
            }
        })
        .collect();
    actors.sort_by(|a, b| {
        b.rows
            .len()
            .cmp(&a.rows.len())
            .then(b.mentions().cmp(&a.mentions()))
            .then(a.name.cmp(&b.name))
    });
    actors
}

/// The name of the actor made of `rows`: a name of more than one word
/// over a single word, then the most used, the longest, the first in
/// order.
fn actor_name(rows: &[ActorRow]) -> String {
    let mut names: HashMap<&str, usize> = HashMap::new();
    for r in rows {
        *names.entry(r.name.as_str()).or_default() += 1;
    }
    names
        .into_iter()
        .max_by(|a, b| {
            let long = |n: &str| n.split_whitespace().nth(1).is_some();
            (long(a.0).cmp(&long(b.0)))
                .then(a.1.cmp(&b.1))
                .then(a.0.len().cmp(&b.0.len()))
                .then(b.0.cmp(a.0))
        })
        .map(|(n, _)| n.to_owned())
        .unwrap_or_default()
}

/// Sets of rows, by index, joined (union-find).
struct Sets(Vec<usize>);

impl Sets {
    /// Each of `n` rows on its own.
    fn new(n: usize) -> Self {
        Self((0..n).collect())
    }

    /// The set of row `i`, as its first row.
    fn root(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    /// Joins the sets of rows `i` and `j`.
    fn join(&mut self, i: usize, j: usize) {
        let (a, b) = (self.root(i), self.root(j));
        self.0[a.max(b)] = a.min(b);
    }
}

/// Joins each actor of `sets` all of whose names (`names`, normalised) are
/// one word to the one longer actor of its kind it can stand for, when
/// there is exactly one: for a person, the one with a name ending in that
/// word; for a name written as an acronym, the one with a row of which
/// `aliases` say an article writes it so, else the one whose `initials` it
/// is. The candidates are the actors as `sets` holds them before any of
/// these joins, so one join does not lead to another.
fn join_short_names(
    rows: &[ActorRow],
    names: &[String],
    initials: &[Option<String>],
    aliases: &[ActorKey],
    at: &HashMap<i64, usize>,
    sets: &mut Sets,
) {
    let roots: Vec<usize> = (0..rows.len()).map(|i| sets.root(i)).collect();
    let mut long = vec![false; rows.len()];
    for (i, name) in names.iter().enumerate() {
        if name.contains(' ') {
            long[roots[i]] = true;
        }
    }
    // (kind, word) → the long actors it can stand for, by evidence.
    type Candidates<'a> = HashMap<(&'a str, &'a str), Vec<usize>>;
    let mut surnames: Candidates = HashMap::new();
    let mut spelled: Candidates = HashMap::new();
    let mut initialled: Candidates = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        let root = roots[i];
        if !long[root] {
            continue;
        }
        let kind = r.kind.as_str();
        if kind == "person" {
            if let Some((_, last)) = names[i].rsplit_once(' ') {
                push(&mut surnames, (kind, last), root);
            }
        } else if let Some(acr) = &initials[i] {
            push(&mut initialled, (kind, acr), root);
        }
    }
    for (actor, alias) in aliases {
        let Some(&i) = at.get(actor) else { continue };
        if long[roots[i]] {
            push(&mut spelled, (rows[i].kind.as_str(), alias), roots[i]);
        }
    }
    let mut short: HashMap<usize, usize> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        let root = roots[i];
        if long[root] || short.contains_key(&root) {
            continue;
        }
        let key = (r.kind.as_str(), names[i].as_str());
        let one = |map: &Candidates<'_>| match map.get(&key).map(Vec::as_slice) {
            Some(&[only]) => Some(only),
            _ => None,
        };
        let target = if r.kind == "person" {
            one(&surnames)
        } else if is_acronym_allowing_periods(&r.name) {
            match spelled.get(&key) {
                Some(_) => one(&spelled),
                None => one(&initialled),
            }
        } else {
            None
        };
        if let Some(t) = target {
            short.insert(root, t);
        }
    }
    for (root, target) in short {
        sets.join(root, target);
    }
}

/// Adds `root` to the candidates of `key`, once.
fn push<'a>(
    map: &mut HashMap<(&'a str, &'a str), Vec<usize>>,
    key: (&'a str, &'a str),
    root: usize,
) {
    let list = map.entry(key).or_default();
    if !list.contains(&root) {
        list.push(root);
    }
}

/// `gloss actors --format json`: schema `gloss.actors/1`.
pub fn to_json(actors: &[Actor]) -> String {
    let list: Vec<Value> = actors
        .iter()
        .map(|a| {
            json!({
                "name": a.name,
                "kind": a.kind,
                "articles": a.rows.iter().map(|r| json!({
                    "source": r.source,
                    "mentions": r.counts[0],
                    "commitments": r.counts[1],
                    "quotes": r.counts[2],
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let value = json!({"schema": "gloss.actors/1", "actors": list});
    crate::export::json::value_to_string(&value, true) + "\n"
}

/// `gloss actors --format csv`: one row per actor and article.
pub fn to_csv(actors: &[Actor]) -> String {
    let mut out = String::from("name,kind,source,title,mentions,commitments,quotes\n");
    for a in actors {
        for r in &a.rows {
            let _ = writeln!(
                out,
                "{},{},{},{},{},{},{}",
                field(&a.name),
                a.kind,
                field(&r.source),
                field(&r.title),
                r.counts[0],
                r.counts[1],
                r.counts[2]
            );
        }
    }
    out
}

/// The actors called `name`: those one of whose names or keys (names as
/// written, acronyms) normalises as `name` does; failing that, those one
/// of whose names has it as a word sequence ("Trump" finds "Donald Trump").
pub fn find<'a>(actors: &'a [Actor], name: &str) -> Vec<&'a Actor> {
    let wanted = normalise(name);
    let exact: Vec<&Actor> = actors
        .iter()
        .filter(|a| a.keys.contains(&wanted) || a.rows.iter().any(|r| normalise(&r.name) == wanted))
        .collect();
    if !exact.is_empty() || wanted.is_empty() {
        return exact;
    }
    let padded = format!(" {wanted} ");
    actors
        .iter()
        .filter(|a| {
            a.rows
                .iter()
                .any(|r| format!(" {} ", normalise(&r.name)).contains(&padded))
        })
        .collect()
}

/// The dossier of `actor`: per article, its mentions, commitments and
/// quotes with their sentences, as JSON (`gloss.actor/1`).
pub fn dossier_json(index: &Index, actor: &Actor) -> Result<String, IndexError> {
    let mut articles = Vec::new();
    for r in &actor.rows {
        let items = index.items(r.id)?;
        let pick = |what: &dyn Fn(&str) -> bool| -> Vec<Value> {
            items
                .iter()
                .filter(|i| what(&i.what))
                .map(|i| {
                    let mut v = json!({"start": i.start, "text": i.text, "sentence": i.sentence});
                    if !matches!(i.what.as_str(), "mention" | "quote") {
                        v["kind"] = json!(i.what);
                    }
                    v
                })
                .collect()
        };
        articles.push(json!({
            "source": r.source,
            "title": r.title,
            "name": r.name,
            "mentions": pick(&|w| w == "mention"),
            "commitments": pick(&|w| w != "mention" && w != "quote"),
            "quotes": pick(&|w| w == "quote"),
        }));
    }
    let value = json!({
        "schema": "gloss.actor/1",
        "name": actor.name,
        "kind": actor.kind,
        "articles": articles,
    });
    Ok(crate::export::json::value_to_string(&value, true) + "\n")
}

/// The dossier of `actor` as Markdown, every piece of article text escaped.
pub fn dossier_markdown(index: &Index, actor: &Actor) -> Result<String, IndexError> {
    let mut out = format!(
        "# {} ({})\n\n{} article(s), {} mention(s).\n",
        escape(&actor.name),
        actor.kind,
        actor.rows.len(),
        actor.mentions()
    );
    for r in &actor.rows {
        let items = index.items(r.id)?;
        let _ = write!(
            out,
            "\n## {}\n\n`{}` — as {}: {} mention(s), {} commitment(s), {} quote(s).\n",
            escape(&r.title),
            r.source.replace('`', "'"),
            escape(&r.name),
            r.counts[0],
            r.counts[1],
            r.counts[2]
        );
        for (heading, what) in [
            (
                "Commitments",
                &(|w: &str| w != "mention" && w != "quote") as &dyn Fn(&str) -> bool,
            ),
            ("Quotes", &|w: &str| w == "quote"),
            ("Mentions", &|w: &str| w == "mention"),
        ] {
            let chosen: Vec<_> = items.iter().filter(|i| what(&i.what)).collect();
            if chosen.is_empty() {
                continue;
            }
            let _ = write!(out, "\n### {heading}\n\n");
            let mut last = "";
            for i in chosen {
                // Mentions in one sentence share its line.
                if heading == "Mentions" && i.sentence == last {
                    continue;
                }
                last = &i.sentence;
                let label = match i.what.as_str() {
                    "mention" | "quote" => String::new(),
                    kind => format!("**{kind}** "),
                };
                let _ = writeln!(out, "- {label}{}", escape(&i.sentence));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64, source: &str, name: &str, mentions: usize) -> ActorRow {
        ActorRow {
            id,
            source: source.into(),
            title: source.into(),
            name: name.into(),
            kind: "person".into(),
            counts: [mentions, 0, 0],
        }
    }

    fn org(id: i64, source: &str, name: &str) -> ActorRow {
        ActorRow {
            kind: "organization".into(),
            ..row(id, source, name, 1)
        }
    }

    /// The table of `rows`, each keyed as the index keys it.
    fn table(rows: Vec<ActorRow>, aliases: &[(i64, &str)]) -> ActorTable {
        let mut keys = Vec::new();
        for r in &rows {
            let mut mine = vec![normalise(&r.name)];
            let words: Vec<String> = (mine[0].split(' '))
                .filter(|w| w.chars().count() > 1)
                .map(str::to_owned)
                .collect();
            if r.kind == "person" && words.len() >= 2 {
                mine.push(words.join(" "));
            }
            if r.kind != "person" {
                mine.extend(acronym(&r.name));
            }
            keys.extend(mine.into_iter().map(|k| (r.id, format!("{}:{k}", r.kind))));
        }
        ActorTable {
            rows,
            keys,
            aliases: aliases.iter().map(|&(a, k)| (a, k.to_owned())).collect(),
        }
    }

    fn names(actors: &[Actor]) -> Vec<(&str, Vec<&str>)> {
        let mut out: Vec<_> = actors
            .iter()
            .map(|a| {
                let sources = a.rows.iter().map(|r| r.source.as_str()).collect();
                (a.name.as_str(), sources)
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn rows_sharing_a_key_are_one_actor() {
        let rows = vec![
            row(1, "a", "Donald Trump", 3),
            row(2, "b", "Donald J. Trump", 2),
            row(3, "c", "Kim Jong Un", 4),
        ];
        let actors = group(table(rows, &[]));
        assert_eq!(
            names(&actors),
            [
                ("Donald J. Trump", vec!["a", "b"]),
                ("Kim Jong Un", vec!["c"])
            ]
        );
        assert_eq!(actors[0].name, "Donald J. Trump", "most articles first");
        assert_eq!(find(&actors, "donald trump").len(), 1);
        assert_eq!(find(&actors, "Trump").len(), 1, "a word of the name");
        assert_eq!(find(&actors, "Jong").len(), 1);
        assert!(find(&actors, "Moon").is_empty());
    }

    #[test]
    fn a_surname_alone_joins_the_one_person_it_can_be() {
        let rows = vec![
            row(1, "a", "Donald Trump", 3),
            row(2, "a", "Trump", 1),
            row(3, "b", "Trump", 2),
            row(4, "c", "Andy Kim", 2),
            row(5, "c", "Young Kim", 2),
            row(6, "d", "Kim", 1),
            org(7, "e", "Trump"),
            row(8, "f", "Donald", 1),
        ];
        let actors = group(table(rows, &[]));
        assert_eq!(
            names(&actors),
            [
                ("Andy Kim", vec!["c"]),
                ("Donald", vec!["f"]),
                ("Donald Trump", vec!["a", "a", "b"]),
                ("Kim", vec!["d"]),
                ("Trump", vec!["e"]),
                ("Young Kim", vec!["c"]),
            ],
            "two Kims: the lone Kim stays apart; a first name or another \
             kind joins nothing"
        );
        assert_eq!(actors[0].name, "Donald Trump", "the full name is shown");
        let trump = find(&actors, "Trump");
        assert_eq!(trump.len(), 2, "the person and the organization");
        assert!(
            trump
                .iter()
                .any(|a| a.kind == "person" && a.rows.len() == 3)
        );
        // With Melania Trump in the library too, "Trump" is no one's.
        let rows = vec![
            row(1, "a", "Donald Trump", 3),
            row(2, "b", "Trump", 2),
            row(3, "c", "Melania Trump", 1),
        ];
        assert_eq!(group(table(rows, &[])).len(), 3);
    }

    #[test]
    fn an_acronym_joins_the_one_name_it_stands_for() {
        let rows = vec![
            // Spelled out in "a" ("... Authority (COFA)"), alone in "b".
            org(1, "a", "Coastal Fishing Authority"),
            org(2, "b", "COFA"),
            // Initials that fit one organization.
            org(3, "c", "Northern Fisheries Board"),
            org(4, "d", "N.F.B."),
            // Initials that fit two: neither is the other, nor "WHO"
            // until an article spells it out.
            org(5, "e", "World Health Organization"),
            org(6, "f", "World Hockey Organization"),
            org(7, "g", "WHO"),
        ];
        let actors = group(table(rows.clone(), &[(1, "cofa")]));
        assert_eq!(
            names(&actors),
            [
                ("Coastal Fishing Authority", vec!["a", "b"]),
                ("Northern Fisheries Board", vec!["c", "d"]),
                ("WHO", vec!["g"]),
                ("World Health Organization", vec!["e"]),
                ("World Hockey Organization", vec!["f"]),
            ]
        );
        assert_eq!(find(&actors, "COFA")[0].rows.len(), 2);
        let linked = group(table(rows, &[(1, "cofa"), (5, "who")]));
        assert!(
            names(&linked).contains(&("World Health Organization", vec!["e", "g"])),
            "{:?}",
            names(&linked)
        );
    }
}
