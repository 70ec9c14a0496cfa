//! Role appositions of people ("Ann Lee, director of the gallery,", "The
//! union's general secretary, Ann Lee,") as mentions of the people they
//! describe, added after the learned stages: the kind and link models are
//! trained and run without them (with them, the retrained link ranker
//! linked more pronouns wrongly).

use crate::annotate::first_person;
use crate::model::{Annotations, EntityKind, Mention, MentionForm, Span};

/// Adds each apposition of `found` (its span, and the span of the name
/// it describes) as a role mention of the person named there, unless the
/// name is no longer a person's mention or a mention overlaps it.
pub fn add(ann: &mut Annotations, found: &[(Span, Span)]) {
    let mut added: Vec<Mention> = Vec::new();
    for &(span, name) in found {
        let Some(entity) = ann
            .mention_at(name.start)
            .map(|k| ann.mentions[k])
            .filter(|m| m.span == name && m.form == MentionForm::Name)
            .map(|m| m.entity)
        else {
            continue;
        };
        let first = ann.mentions.partition_point(|m| m.span.end <= span.start);
        let free = ann
            .mentions
            .get(first)
            .is_none_or(|m| m.span.start >= span.end);
        let fresh = added.iter().all(|m| !m.span.overlaps(span));
        if ann.entities[entity].kind == EntityKind::Person && free && fresh {
            added.push(Mention {
                span,
                form: MentionForm::Role,
                entity,
            });
        }
    }
    first_person::add(ann, added);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotate::annotate;

    #[test]
    fn only_a_persons_name_takes_a_free_apposition() {
        let text = "Talks resumed. Ann Lee, director of the gallery, said so.";
        let ann = annotate(text);
        let at = |w: &str| {
            let s = text.find(w).unwrap_or_default();
            Span::new(s, s + w.len())
        };
        let director = ann.mention_at(at("director").start).expect("linked");
        assert_eq!(ann.mentions[director].form, MentionForm::Role);
        // A span that is no name, or one a mention already covers: nothing.
        let mut again = ann.clone();
        add(
            &mut again,
            &[
                (at("resumed"), at("Talks")),
                (at("director"), at("Ann Lee")),
            ],
        );
        assert_eq!(again, ann);
    }
}
