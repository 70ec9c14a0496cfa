//! The W3C Web Annotation Data Model's requirements as assertions, written
//! after the model (https://www.w3.org/TR/annotation-model/) and the MUST
//! assertions of the W3C test suite (`annotation-model/annotations/
//! annotationMusts.test` and the `definitions/` schemas it uses, in the
//! w3c/web-annotation-tests and web-platform-tests repositories), which
//! were read for reference only; nothing is copied from them.
//!
//! Each function returns the problems it finds, one line each, so a test
//! can report every failing annotation at once.

use serde_json::{Map, Value};

/// The Web Annotation JSON-LD context.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// The terms the Web Annotation context defines (keys an annotation, its
/// bodies, targets and selectors may use without a context of their own).
const TERMS: &[&str] = &[
    "@context",
    "id",
    "type",
    "body",
    "target",
    "source",
    "selector",
    "state",
    "scope",
    "refinedBy",
    "startSelector",
    "endSelector",
    "renderedVia",
    "creator",
    "generator",
    "rights",
    "homepage",
    "via",
    "canonical",
    "stylesheet",
    "cached",
    "conformsTo",
    "items",
    "partOf",
    "first",
    "last",
    "next",
    "prev",
    "audience",
    "motivation",
    "purpose",
    "textDirection",
    "accessibility",
    "bodyValue",
    "format",
    "language",
    "processingLanguage",
    "value",
    "exact",
    "prefix",
    "suffix",
    "styleClass",
    "name",
    "email",
    "email_sha1",
    "nickname",
    "label",
    "created",
    "modified",
    "generated",
    "sourceDate",
    "sourceDateStart",
    "sourceDateEnd",
    "start",
    "end",
    "total",
    "startIndex",
];

/// The prefixes the Web Annotation context defines, for CURIE keys
/// ("schema:roleName") from vocabularies it already includes.
const PREFIXES: &[&str] = &[
    "oa", "dc", "dcterms", "dctypes", "foaf", "rdf", "rdfs", "skos", "xsd", "iana", "owl", "as",
    "schema",
];

/// The motivations and purposes of the model (section 3.3.5).
const MOTIVATIONS: &[&str] = &[
    "assessing",
    "bookmarking",
    "classifying",
    "commenting",
    "describing",
    "editing",
    "highlighting",
    "identifying",
    "linking",
    "moderating",
    "questioning",
    "replying",
    "reviewing",
    "tagging",
];

/// True when `s` is an absolute URI (RFC 3986: a scheme, a colon, then
/// only characters a URI may hold, `%` only before two hex digits): the
/// test suite's `"format": "uri"`.
pub fn is_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let scheme_ok = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    let b = rest.as_bytes();
    let rest_ok = b.iter().enumerate().all(|(i, &c)| match c {
        b'%' => {
            b.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && b.get(i + 2).is_some_and(u8::is_ascii_hexdigit)
        }
        c => c.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&c),
    });
    scheme_ok && rest_ok
}

/// True for an `xsd:dateTime` with a time zone, as RFC 3339 writes it
/// (`2026-11-26T12:00:00Z`, fractions and offsets allowed).
fn is_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    if b.len() < 20
        || !digits(0..4)
        || b[4] != b'-'
        || !digits(5..7)
        || b[7] != b'-'
        || !digits(8..10)
        || b[10] != b'T'
        || !digits(11..13)
        || b[13] != b':'
        || !digits(14..16)
        || b[16] != b':'
        || !digits(17..19)
    {
        return false;
    }
    let mut i = 19;
    if b[i] == b'.' {
        i += 1;
        let from = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == from {
            return false;
        }
    }
    match &b[i..] {
        [b'Z'] => true,
        [b'+' | b'-', ..] => {
            b.len() == i + 6 && digits(i + 1..i + 3) && b[i + 3] == b':' && digits(i + 4..i + 6)
        }
        _ => false,
    }
}

/// The values of a key that may hold one value or an array of them.
pub fn values(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        v => vec![v],
    }
}

/// True when `v` is one URI, or an array of exactly one.
fn single_uri(v: &Value) -> bool {
    match v {
        Value::String(s) => is_uri(s),
        Value::Array(a) => a.len() == 1 && a[0].as_str().is_some_and(is_uri),
        _ => false,
    }
}

/// True when `v` is `name`, or an array holding `name`.
fn has_type(v: Option<&Value>, name: &str) -> bool {
    v.is_some_and(|v| values(v).iter().any(|t| *t == name))
}

/// Keys of `o` that the Web Annotation context does not define and that
/// are no CURIE of a prefix it defines.
fn unknown_keys(o: &Map<String, Value>, at: &str, problems: &mut Vec<String>) {
    for k in o.keys() {
        let curie = k
            .split_once(':')
            .is_some_and(|(p, local)| PREFIXES.contains(&p) && !local.is_empty());
        if !TERMS.contains(&k.as_str()) && !curie {
            problems.push(format!(
                "{at}: `{k}` is no term of the Web Annotation context"
            ));
        }
    }
}

/// What kind of resource a body or target object is (model 3.2, 4):
/// External Web Resource (an IRI `id`, no `value`, `source` or `target`),
/// Embedded Textual Body (`value`), Specific Resource (one `source` and a
/// purpose, selector, state, styleClass, renderedVia or scope), Choice or
/// Set (`items`). The test suite requires exactly one to match.
fn kinds(o: &Map<String, Value>) -> Vec<&'static str> {
    let mut out = Vec::new();
    let has = |k: &str| o.contains_key(k);
    if o.get("id").is_some_and(single_uri) && !has("value") && !has("source") && !has("target") {
        out.push("External Web Resource");
    }
    if o.get("value").is_some_and(Value::is_string) {
        out.push("Textual Body");
    }
    let source_ok = o.get("source").is_some_and(|s| match s {
        Value::String(s) => is_uri(s),
        Value::Object(s) => kinds(s) == ["External Web Resource"],
        _ => false,
    });
    let refined = [
        "purpose",
        "selector",
        "state",
        "styleClass",
        "renderedVia",
        "scope",
    ]
    .iter()
    .any(|k| has(k));
    if source_ok && refined {
        out.push("Specific Resource");
    }
    if o.get("items").is_some_and(Value::is_array) {
        out.push("Choice or Set");
    }
    out
}

/// Problems of one selector (model 4.2.4, 4.2.5).
fn selector_problems(s: &Value, at: &str, problems: &mut Vec<String>) {
    let Some(o) = s.as_object() else {
        if !s.as_str().is_some_and(is_uri) {
            problems.push(format!("{at}: a selector is an object or an IRI"));
        }
        return;
    };
    unknown_keys(o, at, problems);
    let string = |k: &str| o.get(k).is_none_or(Value::is_string);
    let count = |k: &str| o.get(k).is_some_and(|v| v.as_u64().is_some());
    match o.get("type").and_then(Value::as_str) {
        Some("TextQuoteSelector") => {
            if !o.get("exact").is_some_and(Value::is_string)
                || !string("prefix")
                || !string("suffix")
            {
                problems.push(format!(
                    "{at}: a TextQuoteSelector has one string `exact`, and string `prefix`/`suffix` if any"
                ));
            }
        }
        Some("TextPositionSelector") => {
            if !count("start") || !count("end") || o["start"].as_u64() > o["end"].as_u64() {
                problems.push(format!(
                    "{at}: a TextPositionSelector has non-negative integer `start` <= `end`"
                ));
            }
        }
        other => problems.push(format!("{at}: selector type {other:?} is not checked here")),
    }
}

/// Problems of one body or target (`role` is "body" or "target").
fn resource_problems(r: &Value, role: &str, at: &str, problems: &mut Vec<String>) {
    let o = match r {
        Value::String(s) if is_uri(s) => return,
        Value::Object(o) => o,
        _ => {
            problems.push(format!("{at}: a {role} is an IRI or an object"));
            return;
        }
    };
    unknown_keys(o, at, problems);
    let found = kinds(o);
    let allowed: &[&str] = if role == "body" {
        &[
            "External Web Resource",
            "Textual Body",
            "Specific Resource",
            "Choice or Set",
        ]
    } else {
        &[
            "External Web Resource",
            "Specific Resource",
            "Choice or Set",
        ]
    };
    if found.len() != 1 || !allowed.contains(&found[0]) {
        problems.push(format!(
            "{at}: a {role} is exactly one of {allowed:?}, this is {found:?}"
        ));
        return;
    }
    match found[0] {
        "Textual Body"
            if o.get("type")
                .is_some_and(|t| !has_type(Some(t), "TextualBody")) =>
        {
            problems.push(format!("{at}: a textual body's type is TextualBody"));
        }
        "Specific Resource" => {
            if let Some(sel) = o.get("selector") {
                for (i, s) in values(sel).into_iter().enumerate() {
                    selector_problems(s, &format!("{at}.selector[{i}]"), problems);
                }
            }
            if o.get("scope")
                .is_some_and(|s| !values(s).iter().all(|v| v.as_str().is_some_and(is_uri)))
            {
                problems.push(format!("{at}: a scope is an IRI"));
            }
        }
        _ => {}
    }
    // Only a Textual Body or a Specific Resource has a purpose (3.3.5).
    if let Some(p) = o.get("purpose") {
        if !matches!(found[0], "Textual Body" | "Specific Resource") {
            problems.push(format!(
                "{at}: only a Textual Body or a Specific Resource has a purpose, not an {}",
                found[0]
            ));
        }
        if !values(p)
            .iter()
            .all(|v| v.as_str().is_some_and(|v| MOTIVATIONS.contains(&v)))
        {
            problems.push(format!(
                "{at}: purpose {p} is not a motivation of the model"
            ));
        }
    }
    if let Some(f) = o.get("format")
        && !values(f).iter().all(|f| {
            f.as_str().is_some_and(|f| {
                [
                    "application/",
                    "audio/",
                    "example/",
                    "image/",
                    "multipart/",
                    "text/",
                    "video/",
                ]
                .iter()
                .any(|t| f.starts_with(t))
            })
        })
    {
        problems.push(format!("{at}: format {f} is not a media type"));
    }
    date_problems(o, at, problems);
}

/// `created`, `modified` and `generated`: one date-time each, if present.
fn date_problems(o: &Map<String, Value>, at: &str, problems: &mut Vec<String>) {
    for k in ["created", "modified", "generated"] {
        if let Some(v) = o.get(k) {
            let one = match v {
                Value::Array(a) if a.len() == 1 => &a[0],
                v => v,
            };
            if !one.as_str().is_some_and(is_date_time) {
                problems.push(format!("{at}: `{k}` is one xsd:dateTime, not {v}"));
            }
        }
    }
}

/// The problems of annotation `a`, embedded where `context` is the
/// `@context` in force (its own, else the collection's).
pub fn annotation_problems(a: &Value, context: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(o) = a.as_object() else {
        return vec!["an annotation is an object".into()];
    };
    let at = o
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or("(no id)")
        .to_owned();
    unknown_keys(o, &at, &mut problems);
    // 3.1: @context, id, type, target; not both body and bodyValue.
    let context = o.get("@context").unwrap_or(context);
    let context_ok = match context {
        Value::String(s) => s == CONTEXT,
        Value::Array(a) => a.iter().any(|c| c == CONTEXT),
        _ => false,
    };
    if !context_ok {
        problems.push(format!("{at}: {CONTEXT} is not a value of @context"));
    }
    if !o.get("id").is_some_and(single_uri) {
        problems.push(format!("{at}: an annotation has exactly one IRI as id"));
    }
    if !has_type(o.get("type"), "Annotation") {
        problems.push(format!("{at}: an annotation's type includes Annotation"));
    }
    match o.get("target") {
        None => problems.push(format!("{at}: an annotation has a target")),
        Some(t) => {
            let ts = values(t);
            if ts.is_empty() {
                problems.push(format!("{at}: an annotation has a target"));
            }
            for (i, t) in ts.into_iter().enumerate() {
                resource_problems(t, "target", &format!("{at} target[{i}]"), &mut problems);
            }
        }
    }
    if o.contains_key("body") && o.contains_key("bodyValue") {
        problems.push(format!(
            "{at}: an annotation has body or bodyValue, not both"
        ));
    }
    if let Some(b) = o.get("body") {
        for (i, b) in values(b).into_iter().enumerate() {
            resource_problems(b, "body", &format!("{at} body[{i}]"), &mut problems);
        }
    }
    if o.get("bodyValue").is_some_and(|v| !v.is_string()) {
        problems.push(format!("{at}: bodyValue is one string"));
    }
    if let Some(m) = o.get("motivation")
        && !values(m)
            .iter()
            .all(|v| v.as_str().is_some_and(|v| MOTIVATIONS.contains(&v)))
    {
        problems.push(format!(
            "{at}: motivation {m} is not a motivation of the model"
        ));
    }
    date_problems(o, &at, &mut problems);
    for k in ["rights", "canonical", "via"] {
        if o.get(k)
            .is_some_and(|v| !values(v).iter().all(|v| v.as_str().is_some_and(is_uri)))
        {
            problems.push(format!("{at}: `{k}` is an IRI"));
        }
    }
    problems
}

/// The problems of an `AnnotationCollection` with its first page embedded
/// (model 5.1, 5.2), not counting those of its annotations.
pub fn collection_problems(c: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(o) = c.as_object() else {
        return vec!["a collection is an object".into()];
    };
    unknown_keys(o, "collection", &mut problems);
    if !values(&o["@context"]).iter().any(|v| *v == CONTEXT) {
        problems.push(format!("collection: {CONTEXT} is not a value of @context"));
    }
    if !o.get("id").is_some_and(single_uri) {
        problems.push("collection: a collection has one IRI as id".into());
    }
    if !has_type(o.get("type"), "AnnotationCollection") {
        problems.push("collection: its type includes AnnotationCollection".into());
    }
    if o.get("label")
        .is_some_and(|l| !values(l).iter().all(|v| v.is_string()))
    {
        problems.push("collection: a label is a string".into());
    }
    let page = &o["first"];
    let items = page["items"].as_array();
    if o.get("total").and_then(Value::as_u64) != items.map(|i| i.len() as u64) {
        problems.push("collection: total is the number of annotations".into());
    }
    if let Some(p) = page.as_object() {
        unknown_keys(p, "page", &mut problems);
    }
    if !page.get("id").is_some_and(single_uri)
        || !has_type(page.get("type"), "AnnotationPage")
        || items.is_none()
        || page.get("startIndex").is_some_and(|s| s.as_u64().is_none())
    {
        problems.push(
            "page: an AnnotationPage has one IRI as id, its type, items, and a non-negative startIndex"
                .into(),
        );
    }
    problems
}

#[test]
fn the_checks_catch_what_the_model_forbids() {
    assert!(is_uri("urn:gloss:00ff/e3"));
    assert!(is_uri("file:///tmp/a%20b.txt"));
    assert!(!is_uri("sample/trump-kim-letter.txt"));
    assert!(!is_uri("file:///tmp/a b.txt"));
    assert!(is_date_time("2026-11-26T12:00:00Z"));
    assert!(is_date_time("2026-11-26T12:00:00.5+01:00"));
    assert!(!is_date_time("2026-11-26 12:00:00"));
    let context = Value::from(CONTEXT);
    let target = serde_json::json!({"source": "file:///a.txt", "selector": [
        {"type": "TextQuoteSelector", "exact": "Kim", "prefix": "", "suffix": " met"},
        {"type": "TextPositionSelector", "start": 0, "end": 3}]});
    let good = serde_json::json!({
        "id": "urn:gloss:1/c1", "type": "Annotation", "motivation": "classifying",
        "body": [{"type": "TextualBody", "purpose": "classifying", "value": "x", "format": "text/plain"},
                 {"type": "SpecificResource", "source": "urn:gloss:1/e1", "purpose": "identifying",
                  "schema:roleName": "actor"}],
        "target": target,
    });
    assert_eq!(annotation_problems(&good, &context), Vec::<String>::new());
    let mut bad = good.clone();
    bad["body"][1] =
        serde_json::json!({"id": "urn:gloss:1/e1", "purpose": "identifying", "role": "actor"});
    bad["target"]["source"] = "a.txt".into();
    let problems = annotation_problems(&bad, &context);
    assert_eq!(problems.len(), 3, "{problems:#?}");
}
