//! A publication date made readable: `2024-03-14T09:30:00Z` shows as
//! "14 March 2024, 09:30 UTC".
//!
//! Pages write their dates for machines (`<time datetime>`,
//! `article:published_time`, front matter), mostly in RFC 3339 or another
//! ISO 8601 form. The `time` crate (already built for ratatui's calendar)
//! parses and checks them; anything else is shown as written.

use std::borrow::Cow;

use time::format_description::well_known::Iso8601;
use time::{Date, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

/// `raw` as a person reads a date: the day, the month's name and the year,
/// then the time to the minute and its offset from UTC when `raw` has them
/// ("14 March 2024", "14 March 2024, 09:30", "14 March 2024, 09:30 UTC",
/// "14 March 2024, 09:30 UTC+05:30"). The time stays in the offset it was
/// written in. RFC 3339 and ISO 8601 forms are understood, with a space or
/// a lowercase `t` between the date and the time, seconds or none, and an
/// offset as `Z`, `+01:00`, `+0100` or `+01`; anything else, or an
/// impossible date or time, is returned as written.
pub fn readable(raw: &str) -> Cow<'_, str> {
    match parse(raw) {
        Some((date, time)) => Cow::Owned(format(date, time)),
        None => Cow::Borrowed(raw),
    }
}

/// A time of day, with its offset from UTC when written.
type Clock = (Time, Option<UtcOffset>);

/// The date in `raw`, with its time and offset when written.
fn parse(raw: &str) -> Option<(Date, Option<Clock>)> {
    let mut parts = raw.split_whitespace();
    let date = parts.next()?;
    // "2024-03-14 09:30:00 +0000": a space may stand for the `T` and before
    // the offset.
    let joined = match (parts.next(), parts.next(), parts.next()) {
        (None, ..) => date.to_ascii_uppercase(),
        (Some(time), None, _) => format!("{date}T{time}").to_ascii_uppercase(),
        (Some(time), Some(offset), None) => format!("{date}T{time}{offset}").to_ascii_uppercase(),
        (Some(_), Some(_), Some(_)) => return None,
    };
    let iso = Iso8601::PARSING;
    if !joined.contains('T') {
        return Date::parse(&joined, &iso).ok().map(|d| (d, None));
    }
    if let Ok(t) = OffsetDateTime::parse(&joined, &iso) {
        // RFC 3339 offsets stay within a day; `time` takes up to 25 hours.
        let offset = t.offset();
        return (offset.whole_hours().abs() < 24)
            .then(|| (t.date(), Some((t.time(), Some(offset)))));
    }
    let t = PrimitiveDateTime::parse(&joined, &iso).ok()?;
    Some((t.date(), Some((t.time(), None))))
}

/// See [`readable`].
fn format(date: Date, time: Option<Clock>) -> String {
    let day = format!("{} {} {}", date.day(), date.month(), date.year());
    let Some((time, offset)) = time else {
        return day;
    };
    let clock = format!("{day}, {:02}:{:02}", time.hour(), time.minute());
    match offset {
        None => clock,
        Some(o) if o.is_utc() => format!("{clock} UTC"),
        Some(o) => {
            let sign = if o.is_negative() { '-' } else { '+' };
            let (h, m, _) = o.as_hms();
            format!(
                "{clock} UTC{sign}{:02}:{:02}",
                h.unsigned_abs(),
                m.unsigned_abs()
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::readable;

    #[test]
    fn rfc_3339_dates_read_as_words() {
        let cases = [
            ("2024-03-14T09:30:00Z", "14 March 2024, 09:30 UTC"),
            ("2024-03-14t09:30:00z", "14 March 2024, 09:30 UTC"),
            (
                "2024-03-14T09:30:00.123+01:00",
                "14 March 2024, 09:30 UTC+01:00",
            ),
            ("2024-03-14T09:30:00-00:00", "14 March 2024, 09:30 UTC"),
            (
                "2019-12-31T23:59:59-05:00",
                "31 December 2019, 23:59 UTC-05:00",
            ),
            (
                "2024-01-05T07:05:00+05:30",
                "5 January 2024, 07:05 UTC+05:30",
            ),
            (
                "2024-01-05T07:05:00-00:30",
                "5 January 2024, 07:05 UTC-00:30",
            ),
        ];
        for (raw, shown) in cases {
            assert_eq!(readable(raw), shown, "{raw}");
        }
    }

    #[test]
    fn other_common_forms_are_understood() {
        let cases = [
            ("2024-03-14", "14 March 2024"),
            (" 2024-02-29 ", "29 February 2024"),
            ("2024-03-14T09:30", "14 March 2024, 09:30"),
            ("2024-03-14T09:30:00", "14 March 2024, 09:30"),
            ("2024-03-14T09:30Z", "14 March 2024, 09:30 UTC"),
            ("2024-03-14T09:30:00+0100", "14 March 2024, 09:30 UTC+01:00"),
            ("2024-03-14T09:30:00+01", "14 March 2024, 09:30 UTC+01:00"),
            ("2024-03-14 09:30:00", "14 March 2024, 09:30"),
            ("2024-03-14 09:30:00Z", "14 March 2024, 09:30 UTC"),
            ("2024-03-14 09:30:00 +0000", "14 March 2024, 09:30 UTC"),
            ("20240314", "14 March 2024"),
        ];
        for (raw, shown) in cases {
            assert_eq!(readable(raw), shown, "{raw}");
        }
    }

    #[test]
    fn anything_else_stays_as_written() {
        for raw in [
            "",
            "March 14, 2024",
            "Thursday 14 March",
            "2024-02-30",
            "2023-02-29",
            "2024-13-01",
            "2024-03-14T25:00Z",
            "2024-03-14T09:30:61Z",
            "2024-03-14T09",
            "2024-03",
            "2024-03-14 09:30 +0000 extra",
            "2024-03-14T09:30:00+25:00",
            "yesterday",
            "2024-03-14 ␛[31m",
        ] {
            assert_eq!(readable(raw), raw, "{raw:?}");
        }
    }
}
