//! Pattern tests for the quote stage, on sentences written for them.

use super::*;
use crate::annotate::annotate;

/// (kind, span text, speaker name or entity name, cue text)
fn quotes(text: &str) -> Vec<(QuoteKind, String, String, String)> {
    let ann = annotate(text);
    ann.quotes
        .iter()
        .map(|q| {
            let who = q
                .speaker
                .map(|e| ann.entities[e].name.clone())
                .or_else(|| q.speaker_name.clone())
                .unwrap_or_default();
            let cue = q.cue.map(|c| c.slice(text).to_owned()).unwrap_or_default();
            (q.kind, q.span.slice(text).to_owned(), who, cue)
        })
        .collect()
}

#[test]
fn quote_then_name_then_verb() {
    let q =
        quotes("The mayor spoke on Monday. “We will rebuild the bridge,” Mayor Alma Ruiz said.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert_eq!(q[0].1, "We will rebuild the bridge,");
    assert!(q[0].2.contains("Ruiz"), "{q:?}");
    assert_eq!(q[0].3, "said");
}

#[test]
fn quote_then_verb_then_name() {
    let q = quotes("Rain fell all week. \"The river is rising fast\", said Tomas Berg.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2.contains("Berg"));
}

#[test]
fn name_verb_colon_quote() {
    let q = quotes("At the hearing, Judge Nora Kell said: “The case is closed.”");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "The case is closed.");
    assert!(q[0].2.contains("Kell"));
}

#[test]
fn split_quote_inherits_speaker() {
    let q = quotes("“The plan works,” Lena Fox said. “We tested it twice.”");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].2, q[0].2);
    assert_eq!(q[1].3, "said");
}

#[test]
fn pronoun_speaker_resolves_to_previous_person() {
    let q = quotes("The farmer Paul Novak lost his crop. “It was a hard year,” he said.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2.contains("Novak"), "{q:?}");
}

#[test]
fn reported_clause_with_that() {
    let q = quotes("The coach, Maria Lind, confirmed that the team would travel on Sunday.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Indirect);
    assert_eq!(q[0].1, "the team would travel on Sunday");
    assert!(q[0].2.contains("Lind"));
}

#[test]
fn reported_clause_before_the_verb() {
    let q = quotes("Most lakes in the region are drying out, scientists say.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Most lakes in the region are drying out");
    assert_eq!(q[0].2, "scientists");
}

#[test]
fn according_to_before_and_after() {
    let q =
        quotes("According to the agency, prices rose in May. Wages fell, according to Ada Moss.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "prices rose in May");
    assert_eq!(q[1].1, "Wages fell");
    assert!(q[1].2.contains("Moss"));
    assert_eq!(q[1].3, "according to");
    // A short opener with no verb reports nothing: the clause follows.
    let q = quotes(
        "Last year, according to the regulator, fewer than half of the homes were connected.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "fewer than half of the homes were connected");
    // A clause before it is still the one reported.
    let q = quotes("Prices fell sharply, according to the agency, in May.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Prices fell sharply");
}

#[test]
fn statement_is_credited_to_its_issuer() {
    let q = quotes(
        "The Harbor Authority released a statement on Friday. “Ships may dock again from Monday,” the statement said.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2.contains("Harbor Authority"), "{q:?}");
}

#[test]
fn scare_quotes_questions_and_negations_are_not_quotes() {
    assert!(quotes("Critics called the deal a “betrayal” of the voters.").is_empty());
    assert!(quotes("The reporter asked how the fire started.").is_empty());
    assert!(quotes("The minister did not say whether taxes would rise.").is_empty());
}

#[test]
fn speech_inside_a_quote_is_not_a_quote() {
    let q = quotes("“My father said we should leave,” Ines Ortega told reporters.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
}

#[test]
fn paragraph_continuation_keeps_the_speaker() {
    let q = quotes(
        "Olga Petrov, the director, said: “We have no money left.\n\n“We will close in June.”",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q.iter().all(|x| x.2.contains("Petrov")), "{q:?}");
}

#[test]
fn hostile_text_does_not_panic() {
    for t in [
        "",
        "“",
        "”,” said",
        "\"\"\" said \"",
        "according to",
        "said that",
        "“A,” he said. “B\n\n“C",
        "é“é”é said é, according to é",
    ] {
        let _ = quotes(t);
    }
}

#[test]
fn quote_after_a_reported_clause_keeps_its_speaker() {
    let q = quotes(
        "Dr. Vera Stone said the results were clear. “We found no side effects at all in the trial.”",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].0, QuoteKind::Direct);
    assert!(q[1].2.contains("Stone"), "{q:?}");
}

#[test]
fn told_a_named_hearer_then_a_clause() {
    let q = quotes("Officials told Radio Norte the bridge would reopen in May.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the bridge would reopen in May");
    assert_eq!(q[0].2, "Officials");
}

#[test]
fn two_reports_joined_by_and_are_two_quotes() {
    let q =
        quotes("Mayor Ruth Kell said the roads were safe, and said schools would open on time.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "the roads were safe");
    assert_eq!(q[1].1, "schools would open on time");
}

#[test]
fn a_quote_running_over_paragraphs_keeps_its_speaker() {
    let text = "The head of the union, Carla Mendes, spoke to reporters: “Nurses are leaving faster than we can hire them.\n\n“We need a new contract before the winter begins.”";
    let q = quotes(text);
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q.iter().all(|x| x.2.contains("Mendes")), "{q:?}");
}

#[test]
fn they_refers_to_the_latest_plural_speaker() {
    let q = quotes(
        "The study's authors say the lakes are shrinking. The Bureau of Water published the data. They say the trend will continue.",
    );
    let last = q.last().expect("a quote");
    assert_eq!(last.1, "the trend will continue");
    assert!(last.2.contains("authors"), "{q:?}");
}

#[test]
fn a_noun_phrase_after_the_verb_is_not_a_reported_clause() {
    assert!(quotes("The agency tweeted support of the rescue team via its account.").is_empty());
    let q = quotes("The agency tweeted the rescue team was safe.");
    assert_eq!(q.len(), 1, "{q:?}");
}

#[test]
fn according_to_after_that_reports_the_following_clause() {
    let q = quotes("The paper has learned that according to a court filing, the mine will close.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the mine will close");
    assert_eq!(q[0].2, "a court filing");
}

#[test]
fn said_before_a_clause_is_not_an_inverted_attribution() {
    let q = quotes("Ms. Ada Park, who called the plan “reckless”, said the city would sue.");
    assert!(q.iter().all(|x| x.1 != "reckless"), "{q:?}");
    assert!(q.iter().any(|x| x.1 == "the city would sue"), "{q:?}");
}

#[test]
fn a_block_quote_after_a_colon_paragraph() {
    let q = quotes(
        "Mayor Lia Brandt wrote on her @CityHall account:\n\n“The roads will be cleared by noon. Stay home until then.”",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2.contains("Brandt"), "{q:?}");
    assert!(quotes("The band tweeted using its official account.").is_empty());
}

#[test]
fn a_document_from_an_issuer_speaks_for_it() {
    let q = quotes(
        "A letter from the Ministry of Health arrived on Monday. The letter says hospitals must cut waiting times.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2.contains("Ministry of Health"), "{q:?}");
    let q = quotes(
        "The Port Authority said in a statement that ships may dock again. “Safety comes first,” the statement added.",
    );
    assert!(q.iter().all(|x| x.2.contains("Port Authority")), "{q:?}");
}

#[test]
fn the_head_name_of_a_long_subject_speaks() {
    let q = quotes("Riverside Tenants Union chair Rosa Delgado said the rents had doubled.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2.contains("Delgado"), "{q:?}");
}

#[test]
fn a_subject_with_attached_phrases_is_taken_whole() {
    let q = quotes("Posts on the forum from Friday claimed the site was down.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2.starts_with("Posts"), "{q:?}");
}

#[test]
fn a_gerund_clause_is_reported_but_a_participle_phrase_is_not() {
    let q = quotes("The doctors say adding fluoride is the cheapest remedy.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "adding fluoride is the cheapest remedy");
    assert_eq!(q[0].2, "The doctors");
    // An auxiliary after the gerund's phrase is its clause's verb, whatever
    // the word before it is tagged ("to water" may read as a verb).
    let q = quotes("The doctors say adding fluoride to water is the cheapest remedy.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "adding fluoride to water is the cheapest remedy");
    // A second verb of the speaker's is no clause.
    let q = quotes("The clerk admitted taking the money and was fired.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_dash_signature_names_the_speaker_without_a_cue() {
    let q =
        quotes("“Cities must act before the summer.” — Mayor Lena Ortiz\n\nThe council met later.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2.contains("Ortiz"), "{q:?}");
    assert_eq!(q[0].3, "");
}

#[test]
fn a_letter_from_an_issuer_speaks_for_it() {
    let q = quotes("A letter from the Harbor Authority said the port would reopen.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2.contains("Harbor Authority"), "{q:?}");
}

#[test]
fn a_participle_after_the_verb_reports_a_second_clause() {
    let q = quotes(
        "Markets fell, Dmitry Peskov said, adding that Moscow would respond. \
         Peskov said the ban was illegal, adding that talks would go on.",
    );
    let got: Vec<(&str, &str)> = q.iter().map(|q| (q.1.as_str(), q.2.as_str())).collect();
    assert_eq!(
        got,
        [
            ("Markets fell", "Dmitry Peskov"),
            ("Moscow would respond", "Dmitry Peskov"),
            ("the ban was illegal", "Dmitry Peskov"),
            ("talks would go on", "Dmitry Peskov"),
        ],
        "{q:?}"
    );
    // A comma before "that" that opens no participle does not stop it.
    let q = quotes("He said, however, that the talks would go on.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the talks would go on");
}

#[test]
fn speakers_of_coordinated_verbs_groups_and_datelines() {
    // "… and said": the subject of the first verb.
    let q = quotes(
        "He spoke first. Ivo Brandt thanked Norland for its aid and said talks would go on.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "Ivo Brandt");
    // People of a place are not the place.
    let q = quotes("Residents of Kharkiv said the shelling had destroyed homes.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "Residents of Kharkiv");
    // A dateline is not part of the reported clause.
    let q = quotes("KYIV, Ukraine — Forces repelled an assault overnight, the military said.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Forces repelled an assault overnight");
}

#[test]
fn a_role_with_a_named_apposition_is_the_person() {
    let q = quotes(
        "The Northfield Medical Association met. Its chair, Phil Banfield, told reporters \
         that doctors could strike again.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "Phil Banfield");
}

#[test]
fn straight_single_marks_quote_in_the_british_style() {
    let q = quotes(
        "'Patients have waited too long,' Mr Starmer said. 'We will fix this.'\n\n\
         He added: 'Nobody should wait a year.'\n\n\
         The players' union said the '90s were different, and fans don't agree.",
    );
    let direct: Vec<&str> = q
        .iter()
        .filter(|q| q.0 == QuoteKind::Direct)
        .map(|q| q.1.as_str())
        .collect();
    assert_eq!(
        direct,
        [
            "Patients have waited too long,",
            "We will fix this.",
            "Nobody should wait a year."
        ],
        "{q:?}"
    );
    assert!(
        q.iter()
            .filter(|q| q.0 == QuoteKind::Direct)
            .all(|q| q.2.contains("Starmer"))
    );
}

#[test]
fn a_clause_after_said_is_not_an_inverted_speaker() {
    let q = quotes(
        "The Northfield Space Agency, which builds the module, said it supported the decision.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "it supported the decision");
    assert_eq!(q[0].2, "Northfield Space Agency");
    // The inversion itself still reads: "…, said Smith."
    let q = quotes("The river is rising fast, said Tomas Berg.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "Tomas Berg");
}

// Issue 13's error classes, on invented sentences of each shape.

#[test]
fn a_speech_verb_with_no_reported_clause_is_no_quote() {
    assert_eq!(quotes("The contractor denied the accusations."), []);
    assert_eq!(
        quotes("Mayor Ines Kahn admitted the mistake and resigned."),
        []
    );
    // With a clause it is one.
    let q = quotes("The contractor denied that the beams were faulty.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the beams were faulty");
}

#[test]
fn said_a_but_warned_b_reports_both_by_the_same_speaker() {
    let q = quotes(
        "A spokesman for the port, Karl Weiss, said the cranes were repaired but warned that delays would continue.",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "the cranes were repaired");
    assert_eq!(q[1].1, "delays would continue");
    assert!(q.iter().all(|q| q.2.contains("Weiss")), "{q:?}");
    assert_eq!((q[0].3.as_str(), q[1].3.as_str()), ("said", "warned"));
}

#[test]
fn a_spokeswoman_for_an_organization_named_after_her_is_the_speaker() {
    let q = quotes(
        "A spokeswoman for the Harbor Council, Maria Lindqvist, said the council would publish its flood map in May.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2.contains("Lindqvist"), "{q:?}");
    // An apposition naming no person leaves the organization speaking.
    let q = quotes(
        "A spokeswoman for the Harbor Council, the city's oldest board, said the map was ready.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2.contains("Harbor Council"), "{q:?}");
}

#[test]
fn as_x_told_y_reports_the_clause_after_the_comma() {
    let q = quotes("As Minister Aiko Sato told the committee, the reserves are sufficient.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the reserves are sufficient");
    assert!(q[0].2.contains("Sato"), "{q:?}");
}

#[test]
fn a_document_of_a_possessor_speaks_for_it() {
    let q = quotes("The museum's statement added that the gallery would reopen in May.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "The museum");
}

#[test]
fn a_block_after_a_colon_is_a_direct_quote() {
    let text = "Chief Engineer Bo Lind said in a letter:\n\nThe tunnel is safe, and the pumps will run all night.\n\nTraffic resumed at noon.";
    let q = quotes(text);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert_eq!(
        q[0].1,
        "The tunnel is safe, and the pumps will run all night."
    );
    assert!(q[0].2.contains("Lind"), "{q:?}");
}

#[test]
fn a_quote_open_at_a_paragraph_end_continues_in_the_next() {
    let text = "\"The harvest was poor,\" said farmer Jo Amadi. \"We lost half the wheat.\n\n\"Next year will be better.\"";
    let q = quotes(text);
    assert_eq!(q.len(), 3, "{q:?}");
    assert!(q.iter().all(|q| q.2.contains("Amadi")), "{q:?}");
}

#[test]
fn told_a_hearer_a_clause_is_the_subjects_quote() {
    for (text, span) in [
        (
            "Senator Paul Okafor told the BBC the plan was dead.",
            "the plan was dead",
        ),
        (
            "Senator Paul Okafor told reporters the vote would be delayed.",
            "the vote would be delayed",
        ),
        (
            "Senator Paul Okafor told reporters that the vote would be delayed.",
            "the vote would be delayed",
        ),
    ] {
        let q = quotes(text);
        assert_eq!(q.len(), 1, "{text}: {q:?}");
        assert_eq!(q[0].0, QuoteKind::Indirect);
        assert_eq!(q[0].1, span);
        assert!(q[0].2.contains("Okafor"), "{q:?}");
        assert_eq!(q[0].3, "told");
    }
    // An object with no clause after it reports nothing.
    assert!(quotes("Senator Paul Okafor told reporters the details.").is_empty());
}

#[test]
fn said_a_but_cautioned_that_b_reports_both() {
    let q =
        quotes("Maria Lund said she backed the bill but cautioned that the schedule was tight.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].1, "she backed the bill");
    assert_eq!(q[1].1, "the schedule was tight");
    assert_eq!(q[1].3, "cautioned");
    assert!(q.iter().all(|x| x.2.contains("Lund")), "{q:?}");
}

#[test]
fn a_phrase_before_a_colon_attribution_is_no_reported_clause() {
    let q = quotes(
        "In a statement, the ministry said:\n\nThe clinic will remain closed until further notice.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert_eq!(
        q[0].1,
        "The clinic will remain closed until further notice."
    );
    // A clause with its verb before the comma is still reported.
    let q = quotes("The plan is dead, officials said.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "The plan is dead");
}

#[test]
fn a_lone_surname_opening_the_sentence_is_the_speaker() {
    // "Long" is also an adverb that may stand before a verb ("has long said").
    let q = quotes("Sarah Long chairs the board.\n\nLong said the plan was sound.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the plan was sound");
    assert_eq!(q[0].2, "Sarah Long");
    let q = quotes("Long has said the plan was sound.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "Long");
    // A quantifier opening the sentence is no name: it speaks as written,
    // a pronoun ("Most [of them] said").
    let ann = annotate("Most said the plan was sound.");
    assert!(
        ann.entities.iter().all(|e| e.name != "Most"),
        "{:?}",
        ann.entities
    );
    assert!(
        ann.quotes.iter().all(|q| q.speaker.is_none()),
        "{:?}",
        ann.quotes
    );
}

#[test]
fn according_to_around_reported_speech_gives_the_speakers_quote_only() {
    // "According to A, B said C": B said C; A only reported it.
    for text in [
        "Police said the suspect had fled, according to local media.",
        "According to local media, police said the suspect had fled.",
    ] {
        let q = quotes(text);
        assert_eq!(q.len(), 1, "{text}: {q:?}");
        assert_eq!(q[0].1, "the suspect had fled", "{text}");
        assert_eq!(q[0].3, "said", "{text}");
        assert!(q[0].2.eq_ignore_ascii_case("police"), "{text}: {q:?}");
    }
    let q = quotes("The driver was drunk, according to the police.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].3, "according to");
}

/// A quote expected: its span, a word of its speaker's name, its cue.
type Want = (&'static str, &'static str, &'static str);

/// Invented news texts, one or more for each quote error class of unseen
/// news: (text, the quotes expected).
const NEWS: [(&str, &[Want]); 12] = [
    // Continued across paragraphs: an opening mark with no closing one.
    (
        "Ada Obi said the plan was sound. \"We have the money.\n\n\"And we have the staff.\"",
        &[
            ("the plan was sound", "Obi", "said"),
            ("We have the money.", "Obi", "said"),
            ("And we have the staff.", "Obi", "said"),
        ],
    ),
    // A block quote after a colon.
    (
        "The ministry said in a statement:\n\nThe roads will reopen on Monday after repairs.",
        &[(
            "The roads will reopen on Monday after repairs.",
            "ministry",
            "said",
        )],
    ),
    // Attributions: a statement, "As X told Y", "according to X".
    (
        "The ministry's statement added that the roads would reopen.",
        &[("the roads would reopen", "ministry", "added")],
    ),
    (
        "As Ada Obi told reporters, the roads are safe.",
        &[("the roads are safe", "Obi", "told")],
    ),
    (
        "The driver was drunk, according to the police.",
        &[("The driver was drunk", "police", "according to")],
    ),
    // The speaker is the person, not a modifier or the addressee.
    (
        "According to Peruvian Ambassador Luis Vega, the talks failed.",
        &[("the talks failed", "Vega", "According to")],
    ),
    (
        "A spokesman for the ministry, Ivo Rask, said the talks had failed.",
        &[("the talks had failed", "Rask", "said")],
    ),
    (
        "Lena Holm told the mayor that the roads were safe.",
        &[("the roads were safe", "Holm", "told")],
    ),
    (
        "\"We need more beds,\" the hospital's director, Eva Lind, told reporters.",
        &[("We need more beds,", "Lind", "told")],
    ),
    // "said A but warned that B" reports both.
    (
        "Lena Holm said she backed the bill but warned that the schedule was tight.",
        &[
            ("she backed the bill", "Holm", "said"),
            ("the schedule was tight", "Holm", "warned"),
        ],
    ),
    // A lone surname opening the sentence.
    (
        "Sarah Long chairs the board.\n\nLong said the plan was sound.",
        &[("the plan was sound", "Long", "said")],
    ),
    // A split quote keeps its speaker.
    (
        "\"The first part is done,\" said Ada Obi. \"We will finish the rest.\"",
        &[
            ("The first part is done,", "Obi", "said"),
            ("We will finish the rest.", "Obi", "said"),
        ],
    ),
];

#[test]
fn invented_news_texts_of_each_error_class() {
    for (text, want) in NEWS {
        let q = quotes(text);
        assert_eq!(q.len(), want.len(), "{text}: {q:?}");
        for (got, (span, speaker, cue)) in q.iter().zip(want) {
            assert_eq!((got.1.as_str(), got.3.as_str()), (*span, *cue), "{text}");
            assert!(got.2.contains(speaker), "{text}: {q:?}");
        }
    }
}

#[test]
fn invented_news_speech_with_no_reported_clause_is_no_quote() {
    for text in [
        "Ada Obi denied these allegations.",
        "The minister declined to comment.",
        "Lena Holm admitted the error and apologised.",
        "The mayor asked how the roads would be paid for.",
    ] {
        assert!(quotes(text).is_empty(), "{text}: {:?}", quotes(text));
    }
}

#[test]
fn a_person_of_a_place_speaks_not_the_place() {
    let q = quotes("Prime Minister Karl Dorn of Velland said the bridge would open in May.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the bridge would open in May");
    assert_eq!(q[0].2, "Karl Dorn");
}

#[test]
fn he_opening_the_next_report_goes_on_with_the_last_speaker() {
    let q = quotes(
        "Victor Lantz was arrested in May. Lantz's lawyer, Robert Kessler, told the judge that \
         his client would surrender his passport. He said Lantz intends to fight the charges.",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1, "Lantz intends to fight the charges");
    assert_eq!(q[1].2, "Robert Kessler");
    // A pronoun of the other gender is someone else.
    let q = quotes(
        "Nora Field met Victor Lantz in May. Lantz's lawyer, Robert Kessler, said his client \
         was innocent. She said the case was weak.",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].2, "Nora Field");
}

#[test]
fn according_to_a_role_and_its_holder_is_the_holder() {
    let q = quotes(
        "According to the council's transport officer, Martin Kuyt, the new depot will open in June.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the new depot will open in June");
    assert_eq!(q[0].2, "Martin Kuyt");
}

#[test]
fn a_report_after_a_closed_quote_is_a_quote_of_its_own() {
    let q = quotes(
        "Mara Lind runs the bakery. \"It is too old to save.\" She said the building was \
         more than 60 years old and could not be adapted.",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].0, QuoteKind::Indirect);
    assert_eq!(
        q[1].1,
        "the building was more than 60 years old and could not be adapted"
    );
    assert_eq!(q[1].2, "Mara Lind");
    // With no clause after it, the verb only attributes the quote.
    let q = quotes("Mara Lind runs the bakery. \"It is too old to save.\" She said.");
    assert_eq!(q.len(), 1, "{q:?}");
}

#[test]
fn a_time_after_the_speech_verb_is_not_the_clause() {
    for text in [
        "Acme Foods said on Wednesday it will close its bakery, putting 310 jobs at risk.",
        "Acme Foods said last week it will close its bakery, putting 310 jobs at risk.",
        "Acme Foods said on Monday night that it will close its bakery, putting 310 jobs at risk.",
    ] {
        let q = quotes(text);
        assert_eq!(q.len(), 1, "{text}: {q:?}");
        assert_eq!(q[0].1, "it will close its bakery, putting 310 jobs at risk");
        assert_eq!(q[0].2, "Acme Foods");
    }
}

#[test]
fn a_role_with_another_nationality_is_not_the_holder() {
    let q = quotes(
        "U.S. President Karl Dorn met reporters in Paris. The French president said the talks had failed.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_ne!(q[0].2, "Karl Dorn");
}

#[test]
fn a_role_of_a_place_or_body_before_an_apposed_name_is_that_person() {
    let q = quotes("The mayor of Dunmere, Edith Vale, said the town would build a pool.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "Edith Vale");
    let q = quotes("The head of Corvane Bank, Luis Abril, said the bank would cut fees.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "Luis Abril");
}

#[test]
fn a_quote_after_a_sentence_about_a_person_is_that_persons() {
    let text =
        "Omar Reyes opened the meeting. Tova Lind was defiant. “We have done nothing wrong.”";
    let q = quotes(text);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "Tova Lind");
    // In the next paragraph too, and for a clause ending in a colon whose
    // subject opens after a phrase of time.
    let q =
        quotes("Omar Reyes opened the meeting. Tova Lind was defiant.\n\n“We did nothing wrong.”");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "Tova Lind");
    let q = quotes(
        "Omar Reyes spoke first. On Tuesday, Tova Lind defended the plan while promising new rules: “We are working hard on it.”",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "Tova Lind", "{q:?}");
}

#[test]
fn a_quote_after_a_sentence_about_a_thing_has_no_speaker_from_it() {
    let q = quotes(
        "Omar Reyes met Tova Lind. The factory closed in May. “It was a shock to the town.”",
    );
    assert!(q.is_empty(), "{q:?}");
    // A fragment is no quoted sentence.
    let q = quotes("Omar Reyes met Tova Lind. Tova Lind was defiant. “Never” was her word.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_bare_spokesperson_speaks_for_the_organisation_named_before() {
    let q = quotes(
        "Corvane Bank Ltd said on Monday it would close two branches. A spokesman said the bank regretted the decision.",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].2, "Corvane Bank Ltd");
    // A spokesperson whose body is written keeps the words.
    let q = quotes(
        "Corvane Bank Ltd said on Monday it would close two branches. The government spokesman said the closures were lawful.",
    );
    assert_eq!(q[1].2, "The government spokesman", "{q:?}");
}

#[test]
fn a_joined_speech_verb_shares_the_speaker_of_the_report_not_of_a_verb_inside_it() {
    let q = quotes(
        "Mayor Inga Holt said the work would continue on schedule but added that the town was willing to talk.",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].3, "added");
    assert_eq!(q[1].2, "Inga Holt", "{q:?}");
    // A verb that only goes with quotations still gives its subject when
    // no reporting verb stands before.
    let q = quotes(
        "The nurses' union has urged its members to check their pay, and said it would pay for legal advice.",
    );
    assert!(
        q.iter().any(|q| q.3 == "said" && q.2.contains("union")),
        "{q:?}"
    );
}

#[test]
fn quote_closed_by_period_keeps_the_speaker_before_it() {
    // The next sentence's subject speaks there, not in the quotation.
    let q = quotes(
        "Omar Haddad told me, “Never sell the orchard.” His brother Karim Haddad said he disagreed.",
    );
    let direct: Vec<_> = q.iter().filter(|q| q.0 == QuoteKind::Direct).collect();
    assert_eq!(direct.len(), 1, "{q:?}");
    assert_eq!(direct[0].2, "Omar Haddad", "{q:?}");
    assert_eq!(direct[0].3, "told");
}

#[test]
fn quote_after_that_keeps_the_reporter() {
    let q = quotes(
        "The agency's spokeswoman told the Courier on Friday that “no licence has been issued.” Councillor Ivo Brandt said he would object.",
    );
    let direct: Vec<_> = q.iter().filter(|q| q.0 == QuoteKind::Direct).collect();
    assert_eq!(direct.len(), 1, "{q:?}");
    assert!(direct[0].2.contains("spokeswoman"), "{q:?}");
}

#[test]
fn quote_ended_by_a_question_mark_may_be_attributed_after() {
    let q = quotes("Rain fell on the fair. “Who will pay?” asked Dora Lind.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "Dora Lind", "{q:?}");
}

#[test]
fn place_adverb_between_subject_and_speech_verb() {
    let q =
        quotes("The river burst its banks. A farmer there said to me, “We have lost the herd.”");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "A farmer", "{q:?}");
    assert_eq!(q[0].3, "said");
}

#[test]
fn he_skips_a_person_of_the_other_gender() {
    let q = quotes(
        "Mayor Sofia Brandt opened the bridge. A local trader spoke too. “It was late,” he said.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(!q[0].2.contains("Brandt"), "{q:?}");
}

#[test]
fn an_infinitive_speech_verb_speaks_for_the_main_subject() {
    let q = quotes(
        "The harbour master Piet Olsen called on Monday. He asked us to tell readers this: “The quay is safe.”",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "Piet Olsen", "{q:?}");
}

#[test]
fn that_as_a_pronoun_reports_no_clause() {
    let q = quotes("The ferry fares rose again. Councillor Ada Moss said that in April too.");
    assert!(q.is_empty(), "{q:?}");
    let q = quotes("Councillor Ada Moss said that in April the fares rose.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "in April the fares rose");
}

#[test]
fn he_after_a_spokesman_for_a_body_is_the_spokesman() {
    let q = quotes(
        "The port's chairman said on Monday that trade was up. A spokesman for the port said the quay would reopen. He said the port intends to hire staff.",
    );
    assert_eq!(q.len(), 3, "{q:?}");
    assert_eq!(q[2].2, "A spokesman for the port", "{q:?}");
}

#[test]
fn inverted_speaker_named_in_an_apposition() {
    let q = quotes(
        "The Fenmoor Cycling Club wants a new lane. “The road is unsafe,” said its chairman, Olaf Brenner.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2.contains("Brenner"), "{q:?}");
    let q = quotes(
        "The Fenmoor Cycling Club met. The levy is too high, said its treasurer, Mira Kostic.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "The levy is too high");
    assert!(q[0].2.contains("Kostic"), "{q:?}");
}

#[test]
fn role_with_a_phrase_then_the_name_speaks() {
    let q = quotes(
        "The union's officer for pensions, Carla Mendes, welcomed the offer but said the talks \
         had been slow.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2.contains("Mendes"), "{q:?}");
}

#[test]
fn a_lone_comma_does_not_part_subject_and_verb() {
    // "argued the appeal, told …": "the appeal" is the object of "argued",
    // not the subject of a reported clause.
    let q = quotes(
        "Ruth Akers, the lawyer who argued the appeal, told reporters that the verdict was unjust.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the verdict was unjust");
    assert!(q[0].2.contains("Akers"), "{q:?}");
}

#[test]
fn no_opening_a_clause_with_its_verb() {
    let q = quotes("The Marlow Trust met on Monday. Its chairman said no decision had been made.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "no decision had been made");
    // A reply, not a clause.
    let q = quotes("The Marlow Trust was asked to sell the field. Its chairman said no.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn an_opening_phrase_of_time_is_no_speaker() {
    let q = quotes(
        "Two years ago the mayor stood in the square and told the crowd that the council would build a bridge.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(!q[0].2.contains("Two"), "{q:?}");
    assert!(q[0].2.to_lowercase().contains("mayor"), "{q:?}");
}

#[test]
fn a_place_in_a_role_apposition_is_no_speaker() {
    let q = quotes(
        "The Treasurer, the honourable member for Kelso Ridge, said in her budget speech that taxes would not rise.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2.contains("Treasurer"), "{q:?}");
}

#[test]
fn a_yes_no_question_about_speech_reports_none() {
    let q = quotes("A reporter spoke next. Can you promise that no other school is at risk?");
    assert!(q.is_empty(), "{q:?}");
    let q = quotes("Did the mayor say that the school would close?");
    assert!(q.is_empty(), "{q:?}");
    let q = quotes("The mayor said that the school would close. Why?");
    assert_eq!(q.len(), 1, "{q:?}");
}

#[test]
fn a_spaced_hyphen_after_a_quote_signs_it() {
    let q = quotes(
        "Critics were scathing.\n\n\"So far the council has won every round. But the fight is long.\" - Mara Quell\n\nThe council did not reply.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2.contains("Quell"), "{q:?}");
}

#[test]
fn in_the_words_of_names_the_speaker_of_the_quote_after() {
    let q = quotes(
        "The trial heard grim evidence, and in the words of the prosecutor, Dana Whitlock, \"the boy suffered for months without help.\"",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert!(q[0].2.contains("Whitlock"), "{q:?}");
}

#[test]
fn a_speech_participle_after_a_preposition_reports_nothing() {
    let q = quotes(
        "The agency has urged parents to act after the number of confirmed cases in the region rose to 90 in March.",
    );
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_speech_word_used_as_a_noun_reports_nothing() {
    let q = quotes(
        "Tellarion blames the wet spring, but providers in the neighbouring state of Ostia finished their work on time.",
    );
    assert!(q.is_empty(), "{q:?}");
    // The verb still reports: "officials state that …".
    let q = quotes("Officials state that the bridge will reopen in May.");
    assert_eq!(q.len(), 1, "{q:?}");
}

#[test]
fn a_name_apposed_to_a_bare_description_is_the_speaker() {
    // "The watchdog" alone would be taken for the body named most often.
    let q = quotes(
        "The Tarn Growers' Union asked for a review. The Tarn Growers' Union wants lower \
         prices. The watchdog, the Pell Fair Trading Office, said it would examine the merger.",
    );
    let last = q.last().expect("a quote");
    assert_eq!(last.2, "Pell Fair Trading Office", "{q:?}");
}

#[test]
fn wrote_to_a_hearer_then_that_reports_a_clause() {
    let q = quotes(
        "In March the mayor wrote to our secretary, Ivo Marsh, that the depot would stay open until May.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Indirect);
    assert_eq!(q[0].1, "the depot would stay open until May");
    // An infinitive after the verb is no hearer.
    let q = quotes("The board agreed to ask that the depot stay open.");
    assert!(q.iter().all(|q| q.3 != "agreed"), "{q:?}");
}

#[test]
fn in_the_words_of_reaches_over_a_participle_phrase() {
    let q = quotes(
        "In the words of the harbour master, Edda Lind, speaking at the inquiry in June, \"a port without a pilot is a trap.\"",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2.contains("Lind"), "{q:?}");
}

#[test]
fn a_vocative_before_you_said_is_no_reported_clause() {
    let q = quotes(
        "Councillor Brandt, you said, and I quote, \"I will never sell the park.\" The park was sold in May.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert_eq!(q[0].3, "said");
}

#[test]
fn an_aside_in_commas_between_verb_and_quote() {
    let q = quotes(
        "The firm sent a letter to the tenants. It says, in plain words, \"The lease ends on Friday.\"",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert_eq!(q[0].3, "says");
    let q = quotes(
        "As I told the harbour board in August, \"a dredger that never sails is a cost, not a plan.\"",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].3, "told");
}

#[test]
fn that_after_an_inverted_verb_opens_its_clause() {
    let q = quotes(
        "But the council's minutes, which were published on Friday, state that the depot \"will cost less to keep\".",
    );
    assert!(
        q.iter()
            .any(|q| q.0 == QuoteKind::Indirect && q.1.starts_with("the depot")),
        "{q:?}"
    );
    assert!(q.iter().all(|q| !q.2.starts_with("that")), "{q:?}");
}

#[test]
fn a_compound_document_noun_reports_nothing() {
    let q = quotes(
        "We have read the survey report that the ministry ordered from a private firm in Tarrow.",
    );
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn according_to_a_document_noun() {
    let q = quotes("According to the report, the dam is safe and needs only small repairs.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the dam is safe and needs only small repairs");
}

#[test]
fn a_headline_quote_before_a_colon_and_a_name() {
    let q = quotes(
        "“We will not close a single ward”: Dorrin Health Trust answers patients\n\nDorrin Health Trust said on Monday that its wards would stay open.",
    );
    let head = q
        .iter()
        .find(|q| q.0 == QuoteKind::Direct)
        .expect("headline quote");
    assert!(head.2.contains("Dorrin"), "{q:?}");
    assert_eq!(head.3, "");
}

#[test]
fn an_object_pronoun_is_never_the_speaker() {
    let q = quotes(
        "Harlan Mining wrote to the council last week. Its letter to us says the mine \"has consulted every household\".",
    );
    let r = q
        .iter()
        .find(|q| q.0 == QuoteKind::Indirect)
        .expect("reported clause");
    assert!(r.2.contains("Harlan"), "{q:?}");
}

#[test]
fn a_relative_clause_ends_the_speaking_subject() {
    let q = quotes("Relatives of the miners who died say they were never told the truth.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2.contains("miners"), "{q:?}");
}

#[test]
fn you_after_a_vocative_name_speaks() {
    let q = quotes(
        "Colleagues, the park is our pride. Councillor Neville Brandt, you said in March, \"The park will never be sold.\" It was sold in May.",
    );
    let d = q
        .iter()
        .find(|q| q.0 == QuoteKind::Direct)
        .expect("direct quote");
    assert!(d.2.contains("Brandt"), "{q:?}");
}

#[test]
fn a_pronoun_with_a_contracted_auxiliary_opens_a_reported_clause() {
    let q = quotes("Our steward told me they'd written to the owners twice in June.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "they'd written to the owners twice in June");
    // A possessive "'s" is no auxiliary: "said the firm's plan" reports nothing.
    assert!(!contracted_auxiliary("firm's"));
    assert!(contracted_auxiliary("we’ll"));
}

#[test]
fn a_list_completes_a_reported_clause_left_open() {
    let q = quotes(
        "The trust met on Monday. The trust also said it would:\n\n- open the east wing in May;\n- hire forty nurses; and\n- publish its waiting times.\n",
    );
    let got: Vec<(QuoteKind, &str)> = q.iter().map(|q| (q.0, q.1.as_str())).collect();
    assert_eq!(
        got,
        [
            (QuoteKind::Indirect, "open the east wing in May"),
            (QuoteKind::Indirect, "hire forty nurses"),
            (QuoteKind::Indirect, "publish its waiting times"),
        ]
    );
    // A list after a full attribution is a block quote as before.
    let q = quotes("The trust said in a statement:\n\n- We are proud of our nurses.\n");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
}

#[test]
fn he_after_an_unnamed_spokesman_is_the_spokesman() {
    let q = quotes(
        "Serania's foreign minister, Tomas Ferrante, said his country would not sign.\n\n\
         Ostmark was less pleased. A spokesman for its foreign ministry said the deal was weak. \
         \"The stock needs a rest,\" he said.",
    );
    let direct = q.iter().find(|q| q.0 == QuoteKind::Direct);
    let who = direct.map(|q| q.2.as_str()).unwrap_or_default();
    assert!(who.contains("spokesman"), "{q:?}");
}

#[test]
fn clause_before_a_postmodified_speaker_with_an_apposed_name() {
    let q =
        quotes("The firm will close two depots, a spokesman for the company, Piotr Lang, said.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "The firm will close two depots");
    assert!(q[0].2.contains("Lang"), "{q:?}");
    // "state" after a determiner is a noun of the speaker's phrase.
    let q = quotes(
        "Clinics will reopen in May, the state health secretary, Ivo Petrak, announced on Friday.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "Clinics will reopen in May");
    assert!(q[0].2.contains("Petrak"), "{q:?}");
}

#[test]
fn an_apposed_subject_before_said_is_no_inverted_attribution() {
    let q = quotes("The head of the agency, Mira Holt, said the plan would work.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the plan would work");
    assert!(q[0].2.contains("Holt"), "{q:?}");
}

#[test]
fn according_to_a_role_and_its_named_firm_credits_the_firm() {
    let q = quotes(
        "The city will buy new trucks. According to the city's waste contractor, Corvane \
         Holdings, about 40 new drivers will be needed.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "about 40 new drivers will be needed");
    assert_eq!(q[0].2, "Corvane Holdings");
}

#[test]
fn a_document_speaks_for_the_author_named_after_it() {
    // A participle after a comma, with a particle before "by".
    let q = quotes(
        "The transport plan, drawn up by the Orlen Valley Transport Board, was published on \
         Monday. According to the plan, two rail lines will close next spring.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "Orlen Valley Transport Board");
    // A relative clause: the firm the survey was commissioned from made it.
    let q = quotes(
        "Drivers were asked last winter. We have read the survey that the ministry \
         commissioned from the polling firm Castlegate Polling Group. According to the survey, \
         most drivers want lower speed limits.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "Castlegate Polling Group");
}

#[test]
fn a_document_speaks_for_an_issuer_named_at_a_later_mention() {
    let q = quotes(
        "The inspectors visited in May. According to the report, the roof is sound. The \
         council asked the Harlow Surveying Agency to publish the Harlow Surveying Agency \
         report in full.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "Harlow Surveying Agency");
}

#[test]
fn according_to_a_plural_noun_the_tagger_reads_as_a_verb_keeps_it() {
    let q =
        quotes("The minister visited. According to officials at the ministry, a plan is ready.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "officials");
}

#[test]
fn it_opening_the_next_report_goes_on_with_the_body_that_spoke() {
    let q = quotes(
        "Harbourline's pledge to keep every job is at the heart of the dispute, according to \
         the Dockers' Union of Tarrow. It says the company has already cut 40 posts.",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1, "the company has already cut 40 posts");
    assert_eq!(q[1].2, q[0].2);
    assert!(q[1].2.contains("Union"), "{q:?}");
}

#[test]
fn a_bare_spokesman_after_a_body_speaking_in_the_sentence_speaks_for_it() {
    let q = quotes(
        "Kellan Freight hired Dovecote Bank. The transport minister, Ilse Marr, urged talks. Her \
         department said it stood ready to help, and a spokesman added that the minister would \
         not intervene.",
    );
    let added = q
        .iter()
        .find(|q| q.3 == "added")
        .expect("the spokesman's quote");
    assert_eq!(added.1, "the minister would not intervene");
    assert_eq!(added.2, "Her department");
}

#[test]
fn a_quotation_modifying_the_noun_after_it_is_nobodys_and_leaves_the_verb_free() {
    let q = quotes(
        "The traders urged the council to fund a \"buy here\" campaign, and their chairman, \
         Omar Lisle, said members would put up posters.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Indirect);
    assert_eq!(q[0].1, "members would put up posters");
    assert_eq!(q[0].2, "Omar Lisle");
}

#[test]
fn a_places_mp_named_in_apposition_speaks_not_the_place() {
    let q = quotes(
        "The plant will close in May. Harrowby's MP, Nadia Quell, said she would ask the \
         minister to meet the company.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "Nadia Quell");
}

#[test]
fn a_relative_clause_between_subject_and_verb_names_no_speaker() {
    let q = quotes(
        "The strike is in its third week. Striking porters, who have held a picket outside the \
         Dunmere Arena each morning, said they had little choice.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "they had little choice");
    assert_eq!(q[0].2, "Striking porters");
}

#[test]
fn a_documents_phrase_before_an_apposition_speaks_for_its_owner() {
    let q = quotes(
        "The Tarrow Conciliation Board said it was ready to host talks. Its report on an \
         earlier dispute in the city, published in 2024, recommended that the council pay \
         porters more.",
    );
    let r = q
        .iter()
        .find(|q| q.3 == "recommended")
        .expect("the report's quote");
    assert_eq!(r.1, "the council pay porters more");
    assert_eq!(r.2, "Tarrow Conciliation Board");
}

#[test]
fn a_negative_subject_negates_the_speech() {
    let q = quotes("The hall was cold. Nobody has ever said, “I wish the winter were longer.”");
    assert!(q.is_empty(), "{q:?}");
    let q = quotes("No minister has said that the line will close.");
    assert!(q.is_empty(), "{q:?}");
    // A subject opening with "no" as part of a name still speaks.
    let q = quotes("The firm's chief, Ana Noyes, said that the line will close.");
    assert_eq!(q.len(), 1, "{q:?}");
}

#[test]
fn reminded_and_an_adverb_after_has_report_a_clause() {
    let q = quotes("The dean, Ravi Onn, reminded me this morning that the hall is shut.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the hall is shut");
    assert!(q[0].2.contains("Onn"), "{q:?}");
    let q = quotes("Councillor Ines Marr has since said in the Courier that the hall is shut.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2.contains("Marr"), "{q:?}");
}

#[test]
fn a_plural_speech_noun_after_a_verb_reports_nothing() {
    let q =
        quotes("The alert went out at four. I've seen reports that it reached some phones late.");
    assert!(q.is_empty(), "{q:?}");
    // An auxiliary or adverb before the verb keeps it a verb.
    let q = quotes("The union now says that the strike is over.");
    assert_eq!(q.len(), 1, "{q:?}");
}

#[test]
fn a_relative_clause_with_its_own_object_ends_the_speaking_subject() {
    let q = quotes(
        "The lift broke in June. The nurses who met them at the gate said the wait had been too long.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2.contains("nurses"), "{q:?}");
}

#[test]
fn a_postmodified_subject_after_a_label_speaks_as_a_whole() {
    let q = quotes("Q: Shopkeepers on Fenn Street say they were never consulted. Why not?");
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2.starts_with("Shopkeepers"), "{q:?}");
}

#[test]
fn a_determiner_standing_alone_speaks() {
    let q = quotes(
        "A neighbour told me he was selling his herd. Another said he would be gone by spring.",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].1, "he would be gone by spring");
    assert_eq!(q[1].2, "Another");
    let q = quotes("Some traders backed the plan. Others said it came too late.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "Others");
}

#[test]
fn a_clause_after_said_and_a_colon_within_its_paragraph_is_quoted() {
    let q = quotes(
        "I met the ferrymen in May. They said: the boats are old, and nobody pays for repairs. \
         I agreed with them.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, QuoteKind::Direct);
    assert_eq!(q[0].1, "the boats are old, and nobody pays for repairs.");
    assert_eq!(q[0].3, "said");
    let q = quotes("I'll tell you what the engineers told me: the old piers were unsafe.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the old piers were unsafe.");
    assert_eq!(q[0].2, "the engineers");
    // A colon introducing a list of things is no quote.
    let q = quotes("The mayor said three things matter: roads, schools and parks.");
    assert!(q.iter().all(|q| !q.1.starts_with("roads")), "{q:?}");
}

#[test]
fn the_subject_right_after_which_is_the_relative_clauses_own() {
    let text =
        "The summit failed to agree on a ban on new mines, which coastal states had demanded.";
    let ann = annotate(text);
    let c = ann.commitments.first().expect("the demand");
    assert_eq!(c.actor_name.as_deref(), Some("coastal states"), "{c:?}");
}

#[test]
fn a_name_apposed_after_a_contact_clause_is_the_speaker() {
    let q = quotes(
        "I rang the depot twice. The clerk I spoke to, a Mr. Harlow, told me a van would come on Friday.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "Harlow");
}

#[test]
fn a_role_after_and_speaks_as_written() {
    let q = quotes(
        "A letter from Dunmore Bank said the loan would be reviewed, and the manager told me on \
         the phone that they wanted it back within a year.",
    );
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[1].2, "the manager");
}

#[test]
fn interview_turns_report_only_real_clauses() {
    let q = quotes(
        "The chief medical officer told me only yesterday that the hubs are ahead of schedule.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the hubs are ahead of schedule");
    // "that's" is a pronoun and its verb, no complementizer.
    let q = quotes("Doctors' leaders say that's not what they see.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "that's not what they see");
    // A pronoun object with no verb of its own is no clause.
    let q = quotes("I've said this before and I'll say it again: the target will be met.");
    assert!(q.iter().all(|q| !q.1.starts_with("this before")), "{q:?}");
    // "wouldn't say" is negated speech.
    let q = quotes("I'd accept that it is under pressure. I wouldn't say it's failing.");
    assert!(q.iter().all(|q| q.1 != "it's failing"), "{q:?}");
}

#[test]
fn a_contact_clause_after_the_subject_keeps_its_place_from_speaking() {
    let q = quotes(
        "The clinic reopened in May. Nurses I met in Arbroath last week told me morale is better.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert!(q[0].2.starts_with("Nurses"), "{q:?}");
}

#[test]
fn a_pronoun_whose_verb_has_its_object_opens_no_contact_clause() {
    let text = "Last year you said the board would open a new clinic by 2027.";
    let ann = annotate(text);
    let c = ann.commitments.first().expect("the pledge");
    assert_eq!(c.actor_name.as_deref(), Some("the board"), "{c:?}");
}

#[test]
fn a_passive_speech_verb_with_its_agent_reports_a_clause() {
    let q =
        quotes("I was told by the ferry board that the new boat would carry six hundred people.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the new boat would carry six hundred people");
    assert_eq!(q[0].2, "the ferry board");
    // Without its agent a passive names no one and reports nothing.
    let q = quotes("I was told that the new boat would carry six hundred people.");
    assert!(q.is_empty(), "{q:?}");
}

#[test]
fn a_speech_verb_in_a_relative_clause_reports_nothing() {
    let q = quotes("Publish the review the board says it relied on.");
    assert!(q.is_empty(), "{q:?}");
    let q = quotes("I want them to pay what they said they would pay.");
    assert!(q.is_empty(), "{q:?}");
    // A time phrase or a preposition's noun before the subject is no antecedent.
    let q = quotes("Last week the board said it would pay.");
    assert_eq!(q.len(), 1, "{q:?}");
    let q = quotes("For its part the board said it would pay.");
    assert_eq!(q.len(), 1, "{q:?}");
}

#[test]
fn put_it_a_possessed_answer_and_liked_to_say_attribute_quotes() {
    let q = quotes(
        "The boats were idle. A fisherman on the quay put it best last week: “They want the harbour without us.”",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "A fisherman on the quay");
    assert_eq!(q[0].3, "put");
    let q =
        quotes("And as my late father liked to say, “A harbour is only as good as its last tide.”");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "my late father");
    let q = quotes(
        "I wrote to Harbour Estates on Monday. Their answer came in a letter on Friday: “The market will be considered later.”",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "Harbour Estates");
    let q =
        quotes("The developers were upbeat. Their brochure promises “a waterfront for everyone”.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_ne!(q[0].2, "Their brochure");
}

#[test]
fn to_quote_names_the_speaker_of_the_quote_after() {
    let q = quotes("To quote the harbour master, Denis Roe, “Nobody asked the boats.”");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "Denis Roe");
    assert_eq!(q[0].3, "quote");
}

#[test]
fn quoted_as_saying_and_a_closing_mark_ending_the_clause() {
    let q = quotes(
        "Union organiser Bridget Mawson was quoted as saying the dockers would stay out “as long as it takes”.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].1, "the dockers would stay out “as long as it takes”");
    assert_eq!(q[0].2, "Bridget Mawson");
    assert_eq!(q[0].3, "saying");
    let q = quotes("The owner said in a statement that its offer was \"fair and final\".");
    assert_eq!(q[0].1, "its offer was \"fair and final\"");
}

#[test]
fn he_after_a_sentence_describing_one_unnamed_person_is_that_person() {
    let q = quotes(
        "Fire chief Ada Vance spoke first. I spoke to the site manager at four. He told me the building was empty.",
    );
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, "the site manager");
}

#[test]
fn an_object_before_an_infinitive_is_no_reported_clause() {
    let q = quotes(
        "We call on every mayor who has announced a closure to suspend it until the grant is known.",
    );
    assert!(q.is_empty(), "{q:?}");
    let q = quotes("The mayor announced the library would close.");
    assert_eq!(q.len(), 1, "{q:?}");
}

#[test]
fn a_clause_joined_to_a_that_clause_by_and_is_reported_too() {
    let q =
        quotes("He told me the building had been empty since midnight and that the alarm was off.");
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(
        q[0].1,
        "the building had been empty since midnight and that the alarm was off"
    );
}
