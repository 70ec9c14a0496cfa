//! Screen geometry: where the article, the mention map, the side pane and
//! the status line go for a screen size. Both `update` (to lay out the text
//! and scroll) and `ui::draw` use it, so they always agree.

use ratatui::layout::Rect;

/// Narrower or lower screens get a short notice instead of the reader.
pub const MIN_WIDTH: u16 = 20;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 5;
/// The article is never set wider than this, for comfortable reading.
pub const MAX_TEXT_WIDTH: u16 = 88;
/// From this width on, the side pane stands beside the article.
pub const SIDE_BY_SIDE_WIDTH: u16 = 72;

/// Where everything goes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Areas {
    /// The whole screen.
    pub screen: Rect,
    /// The article's text column (margins excluded). Its width is the
    /// layout width even when the side pane covers it on a narrow screen.
    pub text: Rect,
    /// The mention map strip, right of the article.
    pub map: Rect,
    /// The side pane (its left border included), when shown.
    pub side: Option<Rect>,
    /// The status line.
    pub status: Rect,
    /// True when the side pane covers the article (narrow screens).
    pub side_covers_article: bool,
    /// True when the screen is too small for the reader.
    pub too_small: bool,
}

impl Areas {
    /// The help overlay's box for `lines` lines: centred, at most 90
    /// columns, as tall as its lines (plus the border) allow; on a small
    /// screen, all of it. Zero-sized only when not even one line fits.
    pub fn help_box(&self, lines: usize) -> Rect {
        let screen = self.screen;
        let w = self.help_box_width();
        let room = if screen.height >= 10 {
            screen.height - 2
        } else {
            screen.height
        };
        let h = room.min(u16::try_from(lines + 2).unwrap_or(u16::MAX));
        if w < 10 || h < 3 {
            return Rect::default();
        }
        Rect::new((screen.width - w) / 2, (screen.height - h) / 2, w, h)
    }

    /// The help overlay's width, border included.
    fn help_box_width(&self) -> u16 {
        let width = self.screen.width;
        if width >= 24 { width - 4 } else { width }.min(90)
    }

    /// The columns for text inside the help overlay (border and a space
    /// each side left out).
    pub fn help_width(&self) -> u16 {
        self.help_box_width().saturating_sub(4)
    }

    /// The largest useful scroll of the help overlay listing `lines` lines.
    pub fn help_max_scroll(&self, lines: usize) -> usize {
        lines.saturating_sub(usize::from(self.help_box(lines).height.saturating_sub(2)))
    }

    /// The areas of a `width` × `height` screen; `side_focused` shows the side
    /// pane over the article on narrow screens.
    pub fn new(width: u16, height: u16, side_focused: bool) -> Self {
        let screen = Rect::new(0, 0, width, height);
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return Self {
                screen,
                too_small: true,
                ..Self::default()
            };
        }
        let status = Rect::new(0, height - 1, width, 1);
        let body_h = height - 1;
        let wide = width >= SIDE_BY_SIDE_WIDTH;
        let side_w = if wide {
            (width * 3 / 10 + 6).clamp(32, 46)
        } else {
            0
        };
        let region_w = width - side_w;
        let map = Rect::new(region_w - 1, 0, 1, body_h);
        let room = region_w - 1;
        let margin = match room {
            60.. => 4,
            30.. => 2,
            _ => 1,
        };
        let text_w = (room - 2 * margin).min(MAX_TEXT_WIDTH);
        let top = u16::from(body_h >= 12);
        let text = Rect::new((room - text_w) / 2, top, text_w, body_h - top);
        let (side, covers) = if wide {
            (Some(Rect::new(region_w, 0, side_w, body_h)), false)
        } else if side_focused {
            (Some(Rect::new(0, 0, width, body_h)), true)
        } else {
            (None, false)
        };
        Self {
            screen,
            text,
            map,
            side,
            status,
            side_covers_article: covers,
            too_small: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_keep_a_reading_width_and_a_side_pane() {
        let a = Areas::new(160, 50, false);
        assert_eq!(a.text.width, MAX_TEXT_WIDTH);
        let side = a.side.unwrap();
        assert!(a.map.right() <= side.x);
        assert!(a.text.right() < a.map.x);
        assert_eq!(side.right(), 160);
    }

    #[test]
    fn narrow_and_tiny_screens() {
        let a = Areas::new(60, 20, false);
        assert!(a.side.is_none());
        assert!(Areas::new(60, 20, true).side_covers_article);
        assert!(Areas::new(19, 30, false).too_small);
        assert!(Areas::new(1, 1, false).too_small);
        let a = Areas::new(20, 5, false);
        assert!(!a.too_small && a.text.width > 0 && a.text.height > 0);
    }
}
