//! Frame snapshots of the reader, built from a fixed article and hand-made
//! annotations (so they do not change when the annotator does). Each
//! snapshot has the characters and a style mask; the tests also check the
//! styles of highlighted mentions cell by cell.

mod reader_fixture;

use gloss::app::App;
use gloss::render::to_text;
use gloss::theme;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use reader_fixture::{Reader, cells, dark, reader, span_of};

/// One character per cell of the article's text column saying how it is
/// styled: `p` `o` `l` person / organization / place colour, upper case when
/// underlined (the selected entity), `R` reversed (the cursor), `s` search,
/// `t` target, `.` other text, space for blank.
fn style_mask(app: &Reader, buf: &Buffer) -> String {
    let st = app.styles();
    let area = app.areas.text;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut row = String::new();
        for x in area.left()..area.right() {
            let c = &buf[(x, y)];
            let under = c.modifier.contains(Modifier::UNDERLINED);
            let kind = [(st.person, 'p'), (st.organization, 'o'), (st.place, 'l')]
                .iter()
                .find(|(s, _)| s.fg.is_some() && s.fg == Some(c.fg))
                .map(|&(_, k)| k);
            let ch = if c.modifier.contains(Modifier::REVERSED) {
                'R'
            } else if st.search.bg.is_some() && Some(c.bg) == st.search.bg {
                's'
            } else if st.target.bg.is_some() && Some(c.bg) == st.target.bg {
                't'
            } else if let Some(k) = kind {
                if under { k.to_ascii_uppercase() } else { k }
            } else if c.symbol() == " " {
                ' '
            } else if under {
                'U'
            } else {
                '.'
            };
            row.push(ch);
        }
        out.push_str(row.trim_end());
        out.push('\n');
    }
    out
}

fn press(app: &mut App, keys: &str) {
    for key in gloss::keymap::parse_keys(keys).unwrap() {
        let action = app.action_for(key);
        gloss::app::update(app, action);
    }
}

fn snapshot(name: &str, app: &Reader) -> Buffer {
    let buf = app.frame();
    insta::assert_snapshot!(format!("{name}_text"), to_text(&buf));
    insta::assert_snapshot!(format!("{name}_styles"), style_mask(app, &buf));
    buf
}

/// Kim selected through the search, the cursor on his second mention.
const SELECT_KIM: &str = "/kim<CR><CR><Esc>*";

fn assert_mention_styles(app: &Reader, buf: &Buffer) {
    let st = app.styles();
    let person = st.person.fg.unwrap();
    // Another person: person colour, not emphasised.
    for (x, y) in cells(app, span_of("Trump", 0)) {
        let c = &buf[(x, y)];
        assert_eq!(c.fg, person);
        assert!(!c.modifier.contains(Modifier::UNDERLINED));
    }
    // The selected entity: person colour, bold and underlined everywhere.
    for (x, y) in cells(app, span_of("Kim Jong Un", 0)) {
        let c = &buf[(x, y)];
        assert_eq!(c.fg, person);
        assert!(c.modifier.contains(Modifier::BOLD | Modifier::UNDERLINED));
        assert!(!c.modifier.contains(Modifier::REVERSED));
    }
    // The cursor's mention: reversed as well.
    let cursor = app.cursor.unwrap().span;
    assert_eq!(cursor, span_of("Kim", 1));
    for (x, y) in cells(app, cursor) {
        assert!(
            buf[(x, y)]
                .modifier
                .contains(Modifier::REVERSED | Modifier::UNDERLINED)
        );
    }
    // Organizations and places in their own colours.
    for (x, y) in cells(app, span_of("White House", 0)) {
        assert_eq!(buf[(x, y)].fg, st.organization.fg.unwrap());
    }
    for (x, y) in cells(app, span_of("Singapore", 0)) {
        assert_eq!(buf[(x, y)].fg, st.place.fg.unwrap());
    }
    // Plain words are plain text.
    for (x, y) in cells(app, span_of("letter", 0)) {
        assert_eq!(buf[(x, y)].fg, st.text.fg.unwrap());
        assert!(buf[(x, y)].modifier.is_empty());
    }
}

#[test]
fn reader_80x24_with_an_entity_selected() {
    let app = reader((80, 24), SELECT_KIM, dark());
    assert_eq!(app.mention_position(), Some((2, 3)));
    let buf = snapshot("reader_80x24", &app);
    assert_mention_styles(&app, &buf);
    let status = to_text(&buf).lines().last().unwrap().to_owned();
    assert!(status.contains("Kim Jong Un 2/3"), "{status}");
}

#[test]
fn reader_160x50_with_an_entity_selected_and_the_side_pane_focused() {
    let app = reader((160, 50), &format!("{SELECT_KIM}<Tab>"), dark());
    let buf = snapshot("reader_160x50", &app);
    assert_mention_styles(&app, &buf);
    // The side pane lists the actor with its role and mention count.
    let text = to_text(&buf);
    assert!(text.contains("North Korean leader"));
    assert!(
        text.lines()
            .any(|l| l.contains("Kim Jong Un") && l.trim_end().ends_with('3'))
    );
    // The mention map marks the selected entity's mentions in its colour.
    let map = app.areas.map;
    let marks = (map.top()..map.bottom())
        .filter(|&y| buf[(map.x, y)].symbol() == "●")
        .count();
    assert!(marks >= 1);
}

#[test]
fn search_matches_and_quotes_are_marked() {
    let app = reader((100, 30), "/letter<CR>]q", dark());
    let buf = app.frame();
    let st = app.styles();
    for (x, y) in cells(&app, span_of("letter", 1)) {
        assert_eq!(Some(buf[(x, y)].bg), st.search.bg);
    }
    let quote = span_of("I look forward", 0);
    for (x, y) in cells(&app, quote) {
        assert_eq!(Some(buf[(x, y)].bg), st.target.bg);
    }
    assert!(app.message.starts_with("quote 1/1"));
}

#[test]
fn help_overlay_lists_every_action() {
    let app = reader((100, 62), "?", dark());
    let buf = app.frame();
    let text = to_text(&buf);
    insta::assert_snapshot!("help_100x62", text);
    // The reader's commands on the first page, the other modes' after them.
    let end = to_text(&reader((100, 62), "?G", dark()).frame());
    for c in gloss::app::Command::ALL {
        let desc = app.keymap.fill(c.help());
        let page = if c.mode() == gloss::app::Mode::Normal {
            &text
        } else {
            &end
        };
        assert!(page.contains(&desc), "{desc}");
    }
}

/// The help on a small screen: keys on a line of their own, in the key
/// style, and the description wrapped under them.
#[test]
fn help_fits_small_screens() {
    for (size, name) in [((60, 20), "help_60x20"), ((20, 5), "help_20x5")] {
        let app = reader(size, "?", dark());
        let buf = app.frame();
        let text = to_text(&buf);
        insta::assert_snapshot!(name, text);
        let st = app.styles();
        let key = st.popup.patch(st.key);
        let (x, y) = text
            .lines()
            .enumerate()
            .find_map(|(y, l)| l.find("j  ↓").map(|x| (l[..x].chars().count(), y)))
            .expect("the first keys are shown");
        assert_eq!(buf[(x as u16, y as u16)].fg, key.fg.unwrap());
    }
    let app = reader((20, 5), "?G", dark());
    let text = to_text(&app.frame());
    assert!(
        text.contains("something was") && text.contains("typed)"),
        "{text}"
    );
}

/// `<CR>` on an item of the pane over the text jumps and shows the text.
#[test]
fn enter_in_the_pane_over_a_narrow_screen_shows_where_it_went() {
    let app = reader((60, 20), "3<CR>", dark());
    assert!(app.areas.side.is_none());
    let buf = snapshot("quote_jump_60x20", &app);
    let target = app.styles().target.bg;
    for (x, y) in cells(&app, span_of("I look forward to seeing you soon,", 0)) {
        assert_eq!(Some(buf[(x, y)].bg), target);
    }
}

/// A message too long for the status line shows in full above it, in the
/// status style; on a tiny screen, as much as fits, and `M` lists it whole.
#[test]
fn long_messages_wrap_above_the_status_line() {
    const LONG: &str = "letter.txt.gloss.toml:2:9: unclosed array table, expected `]`; \
                        notes are not saved this session and the file is left as it is";
    for (size, name) in [
        ((60, 20), "long_message_60x20"),
        ((20, 5), "long_message_20x5"),
    ] {
        let mut app = reader(size, "", dark());
        app.message = LONG.to_owned();
        let buf = app.frame();
        let text = to_text(&buf);
        insta::assert_snapshot!(name, text);
        let status = app.styles().status;
        let row = app.areas.status.y - 1;
        assert_eq!(Some(buf[(0, row)].bg), status.bg);
    }
    let mut app = reader((60, 20), "", dark());
    app.message = LONG.to_owned();
    let text = to_text(&app.frame());
    let words: String = text.split_whitespace().collect();
    assert!(
        words.contains(&LONG.split_whitespace().collect::<String>()),
        "{text}"
    );
    let mut app = reader((20, 5), "", dark());
    app.message = LONG.to_owned();
    press(&mut app, "M");
    let page = gloss::app::HelpPage::new(&app);
    let bare = |s: &str| s.split_whitespace().collect::<String>();
    let all: String = page.lines.iter().map(|(_, t)| bare(t)).collect();
    assert!(all.contains(&bare(LONG)), "{all}");
}

#[test]
fn pending_key_popup_shows_continuations() {
    let app = reader((80, 24), "]", dark());
    let text = to_text(&app.frame());
    for line in [
        "]e  next mention of any actor",
        "]c  next commitment",
        "]q  next quote",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
}

#[test]
fn no_color_frame_uses_emphasis_only() {
    let app = reader(
        (80, 24),
        SELECT_KIM,
        theme::choose(Some("light"), true).unwrap().0,
    );
    let buf = snapshot("reader_no_color", &app);
    for cell in buf.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
    for (x, y) in cells(&app, span_of("Kim Jong Un", 0)) {
        assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    }
    for (x, y) in cells(&app, app.cursor.unwrap().span) {
        assert!(buf[(x, y)].modifier.contains(Modifier::REVERSED));
    }
}

/// `t` draws the reader in the next theme and says which.
#[test]
fn t_switches_to_the_next_theme() {
    let app = reader((80, 24), "t", dark());
    assert!(
        app.message.starts_with("theme: light · "),
        "{}",
        app.message
    );
    let (light, _) = theme::choose(Some("light"), false).unwrap();
    let light = &light.shown(&light.choice()).styles;
    assert_eq!(app.styles(), light);
    assert_ne!(light.text.fg, reader((80, 24), "", dark()).styles().text.fg);
    let buf = app.frame();
    for (x, y) in cells(&app, span_of("letter", 0)) {
        assert_eq!(Some(buf[(x, y)].fg), light.text.fg);
    }
    let back = reader((80, 24), "tttt", dark());
    assert!(
        back.message.starts_with("theme: dark · "),
        "{}",
        back.message
    );
}

#[test]
fn every_theme_draws_the_sample() {
    for name in theme::names() {
        let app = reader(
            (90, 30),
            "*<Tab>2",
            theme::choose(Some(name), false).unwrap().0,
        );
        let buf = app.frame();
        assert!(to_text(&buf).contains("Commitments"), "{name}");
    }
}

#[test]
fn commitments_and_quotes_tabs() {
    let app = reader((100, 16), "]c<Tab>", dark());
    let text = to_text(&app.frame());
    insta::assert_snapshot!("commitments_100x16", text);
    assert!(text.contains("North Korea · pledge"));
    let app = reader((100, 16), "3", dark());
    let text = to_text(&app.frame());
    insta::assert_snapshot!("quotes_100x16", text);
    assert!(text.contains("Donald J. Trump · said"));
    assert!(text.contains("“I look forward") && text.contains("soon,”"));
}
