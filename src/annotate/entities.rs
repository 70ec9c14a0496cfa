//! Named actors: finding proper-name mentions, typing them, linking the
//! mentions of one actor, and taking roles from titles and appositions.

use std::collections::HashMap;

use crate::annotate::segment::{self, TokenKind};
use crate::model::{Annotations, Entity, EntityKind, Mention, MentionForm, Span};

/// Finds the entities of `text`, given its sentences.
pub fn find(text: &str, sentences: Vec<Span>) -> Annotations {
    let mut mentions = Vec::new();
    let mut by_name: HashMap<&str, usize> = HashMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    for &sentence in &sentences {
        let toks = segment::tokens(text, sentence);
        let mut i = 1; // skip the sentence-initial word
        while i < toks.len() {
            if !toks[i].is_capitalized(text) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < toks.len() && toks[j].is_capitalized(text) && toks[j].kind == TokenKind::Word
            {
                j += 1;
            }
            let span = Span::new(toks[i].span.start, toks[j - 1].span.end);
            let name = span.slice(text);
            let id = *by_name.entry(name).or_insert_with(|| {
                entities.push(Entity {
                    kind: EntityKind::Person,
                    name: name.to_owned(),
                    roles: Vec::new(),
                    mentions: Vec::new(),
                });
                entities.len() - 1
            });
            entities[id].mentions.push(mentions.len());
            mentions.push(Mention {
                span,
                form: MentionForm::Name,
                entity: id,
            });
            i = j;
        }
    }
    Annotations {
        sentences,
        entities,
        mentions,
        ..Annotations::default()
    }
}
