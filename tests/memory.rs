//! Memory per line: the annotator and the reader's layout hold no list with
//! an entry per sentence, paragraph or screen line, so a text of very short
//! lines stays within the README's "under ten times the text" like news does.
//!
//! The heap is measured with a counting allocator (this test file is its own
//! binary, and its one test runs alone in it).

use std::alloc::{GlobalAlloc, Layout as AllocLayout, System};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use gloss::app::wrap::Layout;

/// The system allocator, counting the bytes held and their peak.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: AllocLayout) -> *mut u8 {
        let held = HELD.fetch_add(layout.size(), Ordering::SeqCst) + layout.size();
        PEAK.fetch_max(held, Ordering::SeqCst);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: AllocLayout) {
        HELD.fetch_sub(layout.size(), Ordering::SeqCst);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: AllocLayout, new_size: usize) -> *mut u8 {
        // Counted as the new size alone: large blocks (the ones that matter
        // here) are remapped, not copied.
        let held = HELD.fetch_add(new_size, Ordering::SeqCst) + new_size - layout.size();
        HELD.fetch_sub(layout.size(), Ordering::SeqCst);
        PEAK.fetch_max(held, Ordering::SeqCst);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most heap held while `f` runs, beyond what was held before it.
fn peak_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = HELD.load(Ordering::SeqCst);
    PEAK.store(before, Ordering::SeqCst);
    let out = f();
    (out, PEAK.load(Ordering::SeqCst) - before)
}

#[test]
fn short_lines_cost_no_more_memory_per_byte_than_news() {
    // 200,000 one-letter lines: a sentence, a paragraph and two screen lines
    // every two bytes.
    let text = "a\n".repeat(200_000);
    let n = text.len();

    let (ann, used) = peak_during(|| gloss::annotate::annotate(&text));
    assert!(ann.entities.is_empty());
    // The text itself is the tenth part of the budget.
    assert!(
        n + used < 10 * n,
        "annotating {n} bytes held {used} bytes more ({:.1}x)",
        used as f64 / n as f64
    );

    let shared: Arc<str> = text.as_str().into();
    let (layout, used) = peak_during(|| Layout::new(Arc::clone(&shared), 100));
    assert_eq!(layout.len(), 2 * 200_000 - 1);
    assert_eq!(layout.line(layout.len() - 1).map(|l| l.start), Some(n - 2));
    assert!(
        used < n,
        "laying out {n} bytes held {used} bytes more ({:.1}x)",
        used as f64 / n as f64
    );
}
