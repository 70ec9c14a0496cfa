//! The annotator's files form a one-way pipeline: no file of
//! `src/annotate/` imports one that (through others) imports it back, and a
//! file that declares modules is not imported by them (what its children
//! share lives in a file of its own). The compiler does not keep this; this
//! test reads the imports (`crate::annotate::…` and `super::…` paths outside
//! comments and tests) and fails naming the cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Every module of `src/annotate/` (as its path below `annotate`, "" for
/// `mod.rs`) with the source of its file, tests left out.
fn modules() -> BTreeMap<Vec<String>, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/annotate");
    let mut out = BTreeMap::new();
    let mut dirs = vec![root.clone()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src/annotate is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if !name.ends_with(".rs") || name == "tests.rs" {
                continue;
            }
            let rel = path.strip_prefix(&root).expect("below the root");
            let mut module: Vec<String> = rel
                .with_extension("")
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if module.last().is_some_and(|m| m == "mod") {
                module.pop();
            }
            let text = std::fs::read_to_string(&path).expect("a source file");
            let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
            let code: String = code
                .lines()
                .map(|l| l.split("//").next().unwrap_or(""))
                .collect::<Vec<_>>()
                .join("\n");
            out.insert(module, code);
        }
    }
    out
}

/// The path after each occurrence of `prefix` in `code` ("a::b::C").
fn paths_after<'c>(code: &'c str, prefix: &str) -> Vec<Vec<&'c str>> {
    code.match_indices(prefix)
        .filter(|(i, _)| {
            !code[..*i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
        })
        .map(|(i, _)| {
            let rest = &code[i + prefix.len()..];
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            rest[..end].split("::").filter(|s| !s.is_empty()).collect()
        })
        .collect()
}

/// The modules each module imports.
fn imports() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let modules = modules();
    let known = |path: Vec<String>| {
        (0..=path.len())
            .rev()
            .map(|n| path[..n].to_vec())
            .find(|p| modules.contains_key(p))
    };
    let mut out = BTreeMap::new();
    for (module, code) in &modules {
        let mut deps = BTreeSet::new();
        for path in paths_after(code, "crate::annotate::") {
            deps.extend(known(path.iter().map(|s| s.to_string()).collect()));
        }
        for path in paths_after(code, "super::") {
            let mut base = module[..module.len().saturating_sub(1)].to_vec();
            let mut rest = path.as_slice();
            while let Some(("super", tail)) = rest.split_first().map(|(h, t)| (*h, t)) {
                base.pop();
                rest = tail;
            }
            base.extend(rest.iter().map(|s| s.to_string()));
            deps.extend(known(base));
        }
        deps.remove(module);
        out.insert(module.clone(), deps);
    }
    out
}

#[test]
fn annotate_files_import_one_way() {
    let graph = imports();
    assert!(graph.len() > 20, "found the annotator's files");
    // Depth-first search for a cycle, reporting the first one found.
    fn visit<'g>(
        m: &'g Vec<String>,
        graph: &'g BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        state: &mut BTreeMap<&'g Vec<String>, bool>,
        stack: &mut Vec<&'g Vec<String>>,
    ) {
        match state.get(m) {
            Some(true) => return,
            Some(false) => {
                let from = stack.iter().position(|s| *s == m).unwrap_or(0);
                let cycle: Vec<String> = stack[from..].iter().map(|s| s.join("/")).collect();
                panic!("annotate files import each other: {}", cycle.join(" → "));
            }
            None => {}
        }
        state.insert(m, false);
        stack.push(m);
        for d in &graph[m] {
            visit(d, graph, state, stack);
        }
        stack.pop();
        state.insert(m, true);
    }
    let mut state = BTreeMap::new();
    for m in graph.keys() {
        visit(m, &graph, &mut state, &mut Vec::new());
    }
}

#[test]
fn children_do_not_import_the_file_declaring_them() {
    for (module, deps) in imports() {
        if let Some((_, parent)) = module.split_last() {
            assert!(
                !deps.contains(parent),
                "annotate/{} imports the file that declares it",
                module.join("/")
            );
        }
    }
}
