//! Actors across articles: the index's actor rows grouped into one actor
//! when they share a key (same kind, and a name, a name of two words or
//! more, or an acronym in common; see [`super::index::keys`]), for `gloss
//! actors` and `gloss actor NAME`.

use std::collections::HashMap;
use std::fmt::Write;

use serde_json::{Value, json};

use super::index::{ActorRow, Index, IndexError, normalise};
use crate::export::csv::field;
use crate::export::markdown::escape;

/// One actor across articles: its rows, one per article.
#[derive(Debug, Clone)]
pub struct Actor {
    /// The name it goes by: the most common of its rows' names (the
    /// longest of those on a tie).
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

/// Groups `rows` whose `keys` meet (union-find over shared keys), most
/// widely reported first (articles, then mentions, then name).
pub fn group(rows: Vec<ActorRow>, keys: &[(i64, String)]) -> Vec<Actor> {
    let at: HashMap<i64, usize> = rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect();
    let mut parent: Vec<usize> = (0..rows.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut owner: HashMap<&str, usize> = HashMap::new();
    for (actor, key) in keys {
        let Some(&i) = at.get(actor) else { continue };
        match owner.get(key.as_str()) {
            Some(&j) => {
                let (a, b) = (root(&mut parent, i), root(&mut parent, j));
                parent[a.max(b)] = a.min(b);
            }
            None => {
                owner.insert(key, i);
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); rows.len()];
    for i in 0..rows.len() {
        let r = root(&mut parent, i);
        groups[r].push(i);
    }
    let mut keys_of: HashMap<i64, Vec<&str>> = HashMap::new();
    for (actor, key) in keys {
        let bare = key.split_once(':').map_or(key.as_str(), |(_, k)| k);
        keys_of.entry(*actor).or_default().push(bare);
    }
    let mut rows: Vec<Option<ActorRow>> = rows.into_iter().map(Some).collect();
    let mut actors: Vec<Actor> = groups
        .into_iter()
        .filter(|g| !g.is_empty())
        .map(|g| {
            let rows: Vec<ActorRow> = g.iter().filter_map(|&i| rows[i].take()).collect();
            let mut names: HashMap<&str, usize> = HashMap::new();
            for r in &rows {
                *names.entry(r.name.as_str()).or_default() += 1;
            }
            let name = names
                .into_iter()
                .max_by(|a, b| {
                    a.1.cmp(&b.1)
                        .then(a.0.len().cmp(&b.0.len()))
                        .then(b.0.cmp(a.0))
                })
                .map(|(n, _)| n.to_owned())
                .unwrap_or_default();
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

    #[test]
    fn rows_sharing_a_key_are_one_actor() {
        let rows = vec![
            row(1, "a", "Donald Trump", 3),
            row(2, "b", "Donald J. Trump", 2),
            row(3, "c", "Trump", 1),
            row(4, "c", "Kim Jong Un", 4),
        ];
        let keys = vec![
            (1, "person:donald trump".to_owned()),
            (2, "person:donald j trump".to_owned()),
            (2, "person:donald trump".to_owned()),
            (3, "person:trump".to_owned()),
            (4, "person:kim jong un".to_owned()),
        ];
        let actors = group(rows, &keys);
        let names: Vec<(&str, usize)> = actors
            .iter()
            .map(|a| (a.name.as_str(), a.rows.len()))
            .collect();
        assert_eq!(
            names,
            [("Donald J. Trump", 2), ("Kim Jong Un", 1), ("Trump", 1)]
        );
        assert_eq!(find(&actors, "donald trump").len(), 1);
        assert_eq!(find(&actors, "Trump").len(), 1, "the exact name wins");
        assert_eq!(find(&actors, "Jong").len(), 1);
        assert!(find(&actors, "Moon").is_empty());
    }
}
