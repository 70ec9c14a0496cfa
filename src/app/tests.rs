//! Tests of `update` on a small article with hand-made annotations.

use super::*;
use crate::document::Format;
use crate::keymap::Keymap;
use crate::model::{Entity, Mention, MentionForm, Quote, QuoteKind};
use crate::theme::Themes;

/// The themes for tests that draw, starting with the dark one.
pub(super) fn themes() -> Themes {
    crate::theme::choose(Some("dark"), false).unwrap().0
}

/// An article of `paras` paragraphs; every paragraph mentions Ann and the
/// third one also Bob.
pub(super) fn app(paras: usize, size: (u16, u16)) -> App {
    let mut text = String::new();
    for i in 0..paras {
        text += &format!("Paragraph {i}: Ann spoke to the committee about the budget for a while.");
        if i % 3 == 2 {
            text += " Bob answered.";
        }
        text += "\n";
    }
    let mut ann = Annotations {
        entities: vec![
            Entity {
                kind: EntityKind::Person,
                name: "Ann".into(),
                roles: vec![],
                mentions: vec![],
            },
            Entity {
                kind: EntityKind::Person,
                name: "Bob".into(),
                roles: vec![],
                mentions: vec![],
            },
        ],
        ..Annotations::default()
    };
    let mut spans: Vec<(usize, usize)> = text.match_indices("Ann").map(|(i, _)| (i, 0)).collect();
    spans.extend(text.match_indices("Bob").map(|(i, _)| (i, 1)));
    spans.sort();
    for (i, e) in spans {
        ann.entities[e].mentions.push(ann.mentions.len());
        ann.mentions.push(Mention {
            span: Span::new(i, i + 3),
            form: MentionForm::Name,
            entity: e,
        });
    }
    if let Some((i, _)) = text.match_indices("answered").next() {
        ann.quotes.push(Quote {
            kind: QuoteKind::Indirect,
            speaker: Some(1),
            speaker_name: None,
            cue: None,
            span: Span::new(i, i + 8),
        });
    }
    let doc = Document::new(text, "t.txt", Format::Text);
    let mut app = App::new(doc, ann, themes().choice(), size);
    // A relative export path typed by a test fails here rather than
    // writing into the working folder.
    app.folder = PathBuf::from("/nonexistent/gloss-tests");
    app
}

pub(super) fn keys(app: &mut App, keys: &str) {
    for k in crate::keymap::parse_keys(keys).unwrap() {
        let a = app.action_for(k);
        update(app, a);
    }
}

#[test]
fn scrolling_stays_in_bounds() {
    let mut a = app(40, (80, 20));
    keys(&mut a, "kkk<PageUp>");
    assert_eq!(a.top, 0);
    keys(&mut a, "G");
    assert_eq!(a.top, a.max_top());
    assert!(a.max_top() > 0);
    keys(&mut a, "jjj<C-d><Space>");
    assert_eq!(a.top, a.max_top());
    keys(&mut a, "g");
    assert_eq!(a.top, 0);
    keys(&mut a, "<C-d>");
    assert_eq!(a.top, a.view_height() / 2);
}

#[test]
fn star_and_hash_walk_the_selected_entity_and_wrap() {
    let mut a = app(9, (80, 20));
    keys(&mut a, "*");
    assert_eq!(a.selected, Some(0));
    assert_eq!(a.mention_position(), Some((1, 9)));
    keys(&mut a, "********");
    assert_eq!(a.mention_position(), Some((9, 9)));
    keys(&mut a, "*");
    assert_eq!(a.mention_position(), Some((1, 9)));
    assert!(a.message.contains("wrapped"));
    keys(&mut a, "#");
    assert_eq!(a.mention_position(), Some((9, 9)));
    keys(&mut a, "##");
    assert_eq!(a.mention_position(), Some((7, 9)));
}

#[test]
fn the_cursor_scrolls_into_view() {
    let mut a = app(60, (80, 20));
    keys(&mut a, "*#");
    let c = a.cursor.unwrap();
    assert!(a.line_visible(a.layout.line_of(c.span.start)));
    assert!(a.top > 0);
}

#[test]
fn any_entity_walk_selects_its_entity() {
    let mut a = app(3, (80, 20));
    keys(&mut a, "]e]e]e");
    assert_eq!(a.selected, Some(0));
    keys(&mut a, "]e");
    assert_eq!(a.selected, Some(1));
    keys(&mut a, "[e");
    assert_eq!(a.selected, Some(0));
    assert_eq!(a.pending, vec![]);
}

#[test]
fn history_goes_back_and_forward() {
    let mut a = app(30, (80, 20));
    keys(&mut a, "G");
    let bottom = a.top;
    keys(&mut a, "g*");
    let first = a.cursor;
    keys(&mut a, "*");
    let second = a.cursor;
    keys(&mut a, "<C-o>");
    assert_eq!(a.cursor, first);
    keys(&mut a, "<C-o><C-o>");
    assert_eq!(a.top, bottom);
    // `G` took the cursor to the end of the text.
    let end = a.doc.text.len();
    assert_eq!(
        a.cursor.map(|c| (c.span.start, c.span.end)),
        Some((end, end))
    );
    keys(&mut a, "<C-o>");
    assert_eq!(a.top, 0);
    keys(&mut a, "<C-o>");
    assert!(a.message.contains("oldest"));
    keys(&mut a, "<C-n><C-n><C-n><A-Right>");
    assert_eq!(a.cursor, second);
    keys(&mut a, "<A-Left>");
    assert_eq!(a.cursor, first);
}

#[test]
fn search_next_and_previous_wrap() {
    let mut a = app(5, (80, 20));
    keys(&mut a, "/bUdGet<CR>");
    assert_eq!(a.search.matches.len(), 5);
    assert!(a.message.starts_with("match 1/5"));
    keys(&mut a, "nnnn");
    assert!(a.message.starts_with("match 5/5"));
    keys(&mut a, "n");
    assert!(a.message.starts_with("match 1/5") && a.message.contains("wrapped"));
    keys(&mut a, "N");
    assert!(a.message.starts_with("match 5/5"));
    keys(&mut a, "<Esc>");
    assert!(a.search.matches.is_empty());
    keys(&mut a, "/zzz<CR>");
    assert!(a.message.contains("no match"));
}

#[test]
fn enter_selects_the_entity_under_the_cursor_and_side_items_jump() {
    let mut a = app(3, (100, 30));
    keys(&mut a, "/bob<CR><CR>");
    assert_eq!(a.selected, Some(1));
    assert_eq!(a.mention_position(), Some((1, 1)));
    keys(&mut a, "<Esc><Esc>3<Tab><CR>");
    assert_eq!(a.focus, Focus::Side);
    assert_eq!(a.cursor.unwrap().span.slice(&a.doc.text), "answered");
    keys(&mut a, "1G<CR>");
    assert_eq!(a.selected, Some(1));
}

#[test]
fn pending_keys_wait_and_unknown_ones_say_so() {
    let mut a = app(3, (80, 20));
    keys(&mut a, "]");
    assert_eq!(a.pending.len(), 1);
    keys(&mut a, "x");
    assert!(a.pending.is_empty());
    assert!(a.message.contains("]x"));
    keys(&mut a, "]<Esc>");
    assert!(a.pending.is_empty());
}

#[test]
fn resizing_keeps_the_reading_position() {
    let mut a = app(40, (120, 30));
    keys(&mut a, "<C-d><C-d>");
    let byte = a.top_byte();
    update(&mut a, Event::Resize(60, 20).into());
    assert!(a.top_byte() <= byte);
    assert!(a.layout.line(a.top).unwrap().end >= byte || a.top == a.max_top());
    update(&mut a, Event::Resize(1, 1).into());
    assert!(a.areas.too_small);
}

#[test]
fn typing_a_search_previews_the_first_match_and_escape_returns() {
    let mut a = app(60, (80, 20));
    keys(&mut a, "/paragraph 50");
    assert_eq!(a.search.matches.len(), 1);
    let m = a.search.matches[0];
    assert!(a.line_visible(a.layout.line_of(m.start)));
    assert!(a.top > 0);
    keys(&mut a, "<Esc>");
    assert_eq!(a.top, 0);
    assert!(a.prompt.is_none());
    keys(&mut a, "/paragraph 50<CR>");
    assert_eq!(a.cursor.map(|c| c.span), Some(m));
    assert!(a.line_visible(a.layout.line_of(m.start)));
}

#[test]
fn tab_keys_and_focus() {
    let mut a = app(3, (100, 30));
    keys(&mut a, "2");
    assert_eq!((a.tab, a.focus), (Tab::Commitments, Focus::Article));
    keys(&mut a, "<Tab>");
    assert_eq!(a.focus, Focus::Side);
    keys(&mut a, "<S-Tab>");
    assert_eq!(a.focus, Focus::Article);
    // On a narrow screen the side pane shows over the article when asked for.
    let mut n = app(3, (50, 20));
    assert!(n.areas.side.is_none());
    keys(&mut n, "3");
    assert_eq!((n.tab, n.focus), (Tab::Quotes, Focus::Side));
    assert!(n.areas.side_covers_article);
    keys(&mut n, "<Esc>");
    assert_eq!(n.focus, Focus::Article);
    assert!(n.areas.side.is_none());
}

#[test]
fn help_scrolls_within_bounds_and_closes() {
    let mut a = app(3, (80, 12));
    keys(&mut a, "?");
    assert_eq!(a.help, Some(0));
    keys(&mut a, "GG");
    let max = a.areas.help_max_scroll(HelpPage::new(&a).lines.len());
    assert_eq!(a.help, Some(max));
    keys(&mut a, "k");
    assert_eq!(a.help, Some(max - 1));
    keys(&mut a, "q");
    assert_eq!(a.help, None);
    assert!(!a.quit);
}

#[test]
fn the_side_list_keeps_its_selection_in_view() {
    let names: Vec<String> = (0..80).map(|i| format!("Name{i}")).collect();
    let text = names.join(" ") + "\n";
    let mut ann = Annotations::default();
    let mut pos = 0;
    for (i, n) in names.iter().enumerate() {
        ann.entities.push(Entity {
            kind: EntityKind::ALL[i % 3],
            name: n.clone(),
            roles: if i % 2 == 0 {
                vec!["role".into()]
            } else {
                vec![]
            },
            mentions: vec![i],
        });
        ann.mentions.push(Mention {
            span: Span::new(pos, pos + n.len()),
            form: MentionForm::Name,
            entity: i,
        });
        pos += n.len() + 1;
    }
    let doc = Document::new(text, "n.txt", Format::Text);
    let mut a = App::new(doc, ann, themes().choice(), (100, 20));
    keys(&mut a, "<Tab>");
    let visible = |a: &App| {
        let s = a.lists[0];
        (s.offset..=s.selected)
            .map(|r| a.row_height(Tab::Actors, r))
            .sum::<usize>()
            <= a.list_height()
    };
    for _ in 0..100 {
        keys(&mut a, "j");
        assert!(visible(&a));
        assert!(matches!(
            a.actor_rows[a.lists[0].selected],
            ActorRow::Entity(_)
        ));
    }
    keys(&mut a, "G");
    assert_eq!(a.lists[0].selected, a.actor_rows.len() - 1);
    assert!(visible(&a));
    keys(&mut a, "g");
    assert_eq!(
        a.lists[0],
        ListState {
            selected: 1,
            offset: 0
        }
    );
    keys(&mut a, "<C-d><C-d><C-u>");
    assert!(visible(&a));
    keys(&mut a, "<CR>");
    let ActorRow::Entity(e) = a.actor_rows[a.lists[0].selected] else {
        unreachable!()
    };
    assert_eq!(a.selected, Some(e));
}

#[test]
fn after_scrolling_away_walks_start_from_the_screen() {
    let mut a = app(60, (80, 20));
    keys(&mut a, "*");
    assert_eq!(a.mention_position(), Some((1, 60)));
    keys(&mut a, "<C-d><C-d><C-d><C-d>");
    let top = a.top_byte();
    keys(&mut a, "*");
    let c = a.cursor.unwrap();
    assert!(c.span.start >= top);
    assert!(a.line_visible(a.layout.line_of(c.span.start)));
    keys(&mut a, "G[e");
    assert!(a.cursor.unwrap().span.start >= a.layout.line(a.max_top()).unwrap().start);
    assert_eq!(a.cursor.unwrap().mention, Some(a.ann.mentions.len() - 1));
}

mod random_use {
    use super::*;
    use proptest::prelude::*;

    /// Any action a person could cause: commands, prompt edits, resizes.
    fn action() -> impl Strategy<Value = Action> {
        prop_oneof![
            6 => (0..Command::ALL.len()).prop_map(|i| Command::ALL[i].into()),
            1 => any::<char>().prop_map(|c| Event::Typed(Key::char(c)).into()),
            1 => (1u16..200, 1u16..60).prop_map(|(w, h)| Event::Resize(w, h).into()),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]
        #[test]
        fn no_sequence_of_actions_panics_or_breaks_the_state(
            paras in 1usize..40,
            actions in proptest::collection::vec(action(), 0..60),
        ) {
            let mut a = app(paras, (90, 30));
            // Exports (a name typed after the default, `t.md…`) go here,
            // not into the working folder.
            let folder = tempfile::tempdir().unwrap();
            a.folder = folder.path().to_path_buf();
            let themes = themes();
            for action in actions {
                if action == Action::Command(Command::Quit) {
                    continue;
                }
                update(&mut a, action);
                prop_assert!(a.top <= a.max_top());
                if let Some(c) = a.cursor {
                    prop_assert!(c.span.end <= a.doc.text.len());
                }
                for tab in Tab::ALL {
                    let s = a.lists[tab.index()];
                    prop_assert!(a.list_len(tab) == 0 || s.selected < a.list_len(tab));
                    let shown: usize = (s.offset..=s.selected).map(|r| a.row_height(tab, r)).sum();
                    prop_assert!(s.offset == s.selected || shown <= a.list_height());
                }
                crate::render::frame(&a, &themes).unwrap();
            }
        }
    }
}

#[test]
fn enter_in_the_pane_over_the_text_jumps_and_closes_it() {
    let mut a = app(3, (60, 20));
    keys(&mut a, "3<CR>");
    assert_eq!(a.focus, Focus::Article);
    assert!(a.areas.side.is_none());
    assert_eq!(a.cursor.unwrap().span.slice(&a.doc.text), "answered");
    keys(&mut a, "1j<CR>");
    assert_eq!((a.focus, a.selected), (Focus::Article, Some(1)));
    // Beside the text, the pane stays.
    let mut wide = app(3, (100, 30));
    keys(&mut wide, "3<Tab><CR>");
    assert_eq!(wide.focus, Focus::Side);
}

#[test]
fn top_and_bottom_take_the_cursor_along() {
    let mut a = app(40, (80, 20));
    keys(&mut a, "]e]e]e");
    assert_eq!(a.cursor.unwrap().mention, Some(2));
    keys(&mut a, "g]e");
    assert_eq!(a.cursor.unwrap().mention, Some(0));
    keys(&mut a, "G[e");
    assert_eq!(a.cursor.unwrap().mention, Some(a.ann.mentions.len() - 1));
    keys(&mut a, "<Home>*");
    assert_eq!(a.cursor.unwrap().mention, Some(0));
    keys(&mut a, "<End>");
    let c = a.cursor.unwrap();
    assert_eq!(
        (c.span.start, c.span.end),
        (a.doc.text.len(), a.doc.text.len())
    );
    assert!(a.back.len() >= 3, "g and G are jumps");
}

#[test]
fn a_resize_brings_back_the_first_rows_of_a_list_that_now_fits() {
    let mut a = app(12, (100, 30));
    // One quote per paragraph: a list taller than a low screen.
    let text = std::sync::Arc::clone(&a.doc.text);
    a.ann.quotes = text
        .match_indices("spoke")
        .map(|(i, _)| Quote {
            kind: QuoteKind::Indirect,
            speaker: Some(0),
            speaker_name: None,
            cue: None,
            span: Span::new(i, i + 5),
        })
        .collect();
    update(&mut a, Event::Resize(100, 8).into());
    keys(&mut a, "3<Tab>G");
    assert_eq!(a.lists[Tab::Quotes.index()].selected, 11);
    assert!(a.lists[Tab::Quotes.index()].offset > 0);
    update(&mut a, Event::Resize(100, 80).into());
    assert_eq!(a.lists[Tab::Quotes.index()].offset, 0);
    // Smaller again: the selection stays in view, with no room wasted below it.
    update(&mut a, Event::Resize(100, 20).into());
    let offset = a.lists[Tab::Quotes.index()].offset;
    assert!(offset > 0 && offset <= 11);
    let shown: usize = (offset..12).map(|r| a.row_height(Tab::Quotes, r)).sum();
    assert!(shown <= a.list_height());
    assert!(shown + a.row_height(Tab::Quotes, offset - 1) > a.list_height());
}

#[test]
fn help_shows_and_scrolls_on_the_smallest_screen() {
    let mut a = app(3, (20, 5));
    keys(&mut a, "?");
    assert_eq!(a.help, Some(0));
    let page = HelpPage::new(&a);
    let lines = page.lines.len();
    assert!(
        lines > Command::ALL.len(),
        "keys and descriptions on lines of their own"
    );
    assert!(!a.areas.help_box(lines).is_empty());
    keys(&mut a, "jj");
    assert_eq!(a.help, Some(2));
    keys(&mut a, "G");
    assert_eq!(a.help, Some(a.areas.help_max_scroll(lines)));
    // Every description is there in full, wrapped.
    let bare = |s: &str| s.split_whitespace().collect::<String>();
    let text: String = page.lines.iter().map(|(_, t)| bare(t)).collect();
    for c in Command::ALL {
        let d = a.keymap.fill(c.help());
        assert!(text.contains(&bare(&d)), "{d}");
    }
}

#[test]
fn m_lists_the_last_messages_newest_at_the_bottom() {
    let mut a = app(3, (80, 20));
    keys(&mut a, "zxx]e");
    keys(&mut a, "M");
    assert!(a.help_shows_messages);
    let page = HelpPage::new(&a);
    let texts: Vec<&str> = page.lines.iter().map(|(_, t)| t.as_str()).collect();
    let z = texts.iter().position(|t| t.starts_with("z is not a key"));
    let x = texts.iter().position(|t| t.starts_with("x is not a key"));
    assert!(z < x && z.is_some(), "{texts:?}");
    assert_eq!(texts.iter().filter(|t| t.starts_with("x is")).count(), 1);
    assert_eq!(a.help, Some(a.areas.help_max_scroll(page.lines.len())));
    keys(&mut a, "<Esc>?");
    assert!(!a.help_shows_messages);
}

/// A reader with the keymap file `src` laid over the default keys.
fn remapped(src: &str) -> App {
    let mut a = app(9, (200, 60));
    let (keymap, problems) = Keymap::with_overrides(src).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    update(&mut a, Event::Keymap(Box::new(keymap)).into());
    a
}

/// The screen as text.
fn screen(a: &App) -> String {
    crate::render::to_text(&crate::render::frame(a, &themes()).unwrap())
}

#[test]
fn visual_keys_can_be_remapped_and_shadow_nothing_else() {
    let mut a = remapped("visual_left = [\"<Left>\"]\nvisual_word = [\"W\"]\nhelp = [\"h\"]");
    keys(&mut a, "]ev");
    let start = a.visual.unwrap();
    keys(&mut a, "w");
    assert_eq!(a.visual, Some(start), "w no longer extends");
    keys(&mut a, "W");
    assert!(a.visual.unwrap().head > start.head);
    // `h` is the user's help, also while selecting.
    keys(&mut a, "h");
    assert_eq!(a.help, Some(0));
}

#[test]
fn prompt_keys_can_be_remapped() {
    let mut a = remapped(
        "prompt_submit = [\"<C-j>\"]\nprompt_cancel = [\"<C-g>\"]\nprompt_backspace = [\"<C-h>\"]",
    );
    keys(&mut a, "/Bobx<C-h><CR>");
    assert_eq!(a.prompt.as_deref(), Some("Bob"), "<CR> types nothing now");
    keys(&mut a, "<C-j>");
    assert!(a.prompt.is_none());
    assert_eq!(a.search.query, "Bob");
    keys(&mut a, "/x<Esc>");
    assert_eq!(a.prompt.as_deref(), Some("x"));
    keys(&mut a, "<C-g>");
    assert!(a.prompt.is_none());
}

#[test]
fn popup_and_editor_keys_can_be_remapped() {
    let mut a = remapped(
        "popup_cancel = [\"<C-g>\"]\neditor_save = [\"<C-w>\"]\neditor_cancel = [\"<C-q>\"]",
    );
    keys(&mut a, "e<Esc>");
    assert!(a.popup.is_some(), "<Esc> no longer closes the menu");
    assert!(a.message.contains("or C-g"), "{}", a.message);
    keys(&mut a, "<C-g>");
    assert!(a.popup.is_none());
    keys(&mut a, "/budget<CR>vaHello<C-w>");
    assert!(a.popup.is_none());
    assert_eq!(a.store.notes().len(), 1);
    assert_eq!(a.store.notes()[0].body, "Hello");
    keys(&mut a, "/while<CR>vadraft<Esc><C-q>");
    assert!(matches!(&a.popup, Some(Popup::Editor(e)) if e.confirm_discard));
}

#[test]
fn hints_name_the_keys_of_a_remapped_keymap() {
    let mut a = remapped(
        "help = [\"H\"]\nnext_mention = [\"<C-x>\"]\nfocus_next = [\"<C-t>\"]\n\
         cancel = [\"<C-g>\"]\nadd_note = [\"A\"]\nvisual_down = [\"J\"]\n\
         editor_save = [\"<C-w>\"]\nscroll_down = [\"<C-e>\"]",
    );
    assert_eq!(
        a.message,
        "C-x walk an actor's mentions · C-t side pane · H keys"
    );
    let text = screen(&a);
    assert!(text.contains("H help"), "{text}");
    keys(&mut a, "]ev");
    let text = screen(&a);
    assert!(
        text.contains("J/k line  w/b/e word  h/l char · A note · C add actor · C-g cancel"),
        "{text}"
    );
    keys(&mut a, "A");
    let text = screen(&a);
    assert!(text.contains("C-w save  Tab tags  Esc cancel"), "{text}");
    keys(&mut a, "<Esc>H");
    let text = screen(&a);
    assert!(text.contains("C-e/k scroll · C-g close"), "{text}");
    assert!(text.contains("(J/k line, w/b/e word"), "{text}");
}
