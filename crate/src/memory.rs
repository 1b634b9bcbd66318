//! Memory: a counting allocator (so JS can see the bytes Rust holds) and linear-memory growth.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Wraps the system allocator (dlmalloc on wasm32) and counts the bytes handed out.
pub struct CountingAllocator;

static IN_USE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to `System` unchanged; only the counter is added.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc(layout);
        if !ptr.is_null() {
            IN_USE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc_zeroed(layout);
        if !ptr.is_null() {
            IN_USE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_ptr = System.realloc(ptr, layout, new_size);
        if !new_ptr.is_null() {
            IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
            IN_USE.fetch_add(new_size, Ordering::Relaxed);
        }
        new_ptr
    }
}

/// Bytes currently allocated through the global allocator, when it is `CountingAllocator`.
pub fn bytes_in_use() -> usize {
    IN_USE.load(Ordering::Relaxed)
}

/// Allocates `len` bytes, writes a pattern, and returns a checksum of them: allocation plus
/// first touch, the work the JS twin does with `new Uint8Array(len)`.
pub fn alloc_fill_checksum(len: usize) -> u32 {
    let mut buffer = vec![0u8; len];
    for (i, b) in buffer.iter_mut().enumerate() {
        *b = (i % 251) as u8;
    }
    buffer.iter().fold(0u32, |acc, &b| {
        acc.wrapping_mul(31).wrapping_add(u32::from(b))
    })
}

/// A live allocation JS holds on to, so it can watch `bytes_in_use` rise and fall.
pub struct Block {
    bytes: Vec<u8>,
}

impl Block {
    pub fn new(len: usize) -> Self {
        Self {
            bytes: vec![0xA5; len],
        }
    }

    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

/// Result of asking linear memory to grow: pages before and after, or the refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Growth {
    Grown { before: usize, after: usize },
    Refused { pages: usize },
}

/// Grows memory 0 by `delta` pages (64 KiB each). `memory.grow` answers the old size or -1.
#[cfg(target_arch = "wasm32")]
pub fn grow_pages(delta: usize) -> Growth {
    let before = core::arch::wasm32::memory_grow(0, delta);
    if before == usize::MAX {
        Growth::Refused {
            pages: core::arch::wasm32::memory_size(0),
        }
    } else {
        Growth::Grown {
            before,
            after: core::arch::wasm32::memory_size(0),
        }
    }
}

#[cfg(target_arch = "wasm32")]
pub fn pages() -> usize {
    core::arch::wasm32::memory_size(0)
}

/// Natively there is no linear memory; a simulated one with wasm32's 65536-page ceiling keeps the
/// bookkeeping testable by `cargo test`.
#[cfg(not(target_arch = "wasm32"))]
static SIMULATED_PAGES: AtomicUsize = AtomicUsize::new(17);

#[cfg(not(target_arch = "wasm32"))]
pub fn grow_pages(delta: usize) -> Growth {
    const MAX_PAGES: usize = 65_536;
    let result = SIMULATED_PAGES.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |p| {
        p.checked_add(delta).filter(|&n| n <= MAX_PAGES)
    });
    match result {
        Ok(before) => Growth::Grown {
            before,
            after: before + delta,
        },
        Err(pages) => Growth::Refused { pages },
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn pages() -> usize {
    SIMULATED_PAGES.load(Ordering::SeqCst)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksum_matches_known_answers() {
        assert_eq!(alloc_fill_checksum(0), 0);
        // ((0*31+0)*31+1)*31+2
        assert_eq!(alloc_fill_checksum(3), 33);
        // Known answer, computed apart from this code (Python and JS folds of i % 251 agree).
        assert_eq!(alloc_fill_checksum(1 << 20), 547_339_405);
    }

    #[test]
    fn blocks_report_their_length() {
        let block = Block::new(4096);
        assert_eq!(block.len(), 4096);
        assert!(!block.is_empty());
        assert!(Block::new(0).is_empty());
    }

    #[test]
    fn growth_reports_pages_and_refuses_past_the_ceiling() {
        let start = pages();
        assert_eq!(
            grow_pages(2),
            Growth::Grown {
                before: start,
                after: start + 2
            }
        );
        assert_eq!(pages(), start + 2);
        assert_eq!(grow_pages(usize::MAX), Growth::Refused { pages: start + 2 });
        assert_eq!(
            grow_pages(0),
            Growth::Grown {
                before: start + 2,
                after: start + 2
            }
        );
    }
}
