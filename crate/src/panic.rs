//! Panics that JS can read.
//!
//! With `panic = "abort"` a Rust panic on wasm32 ends in an `unreachable` trap: JS catches a
//! `WebAssembly.RuntimeError("unreachable")` and the message is gone. The hook below keeps the
//! message; `take_panic_message` hands it to JS, where `crate/js/panicMessages.ts` rethrows the
//! trap as an `Error` carrying it. (A hook that threw a JS exception instead would never return,
//! leaving std's "in panic hook" flag set, and every later panic would abort without a message.)

use std::cell::RefCell;
use std::sync::Once;

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

static INSTALL: Once = Once::new();

/// Installs the recording hook once; later calls do nothing.
pub fn install_hook() {
    INSTALL.call_once(|| {
        let default_hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let message = match info.payload().downcast_ref::<&str>() {
                Some(s) => (*s).to_owned(),
                None => info
                    .payload()
                    .downcast_ref::<String>()
                    .cloned()
                    .unwrap_or_else(|| info.to_string()),
            };
            LAST_PANIC.with(|slot| *slot.borrow_mut() = Some(message));
            if !cfg!(target_arch = "wasm32") {
                default_hook(info);
            }
        }));
    });
}

/// The message of the last panic, once; `None` when there was none since the last call.
pub fn take_message() -> Option<String> {
    LAST_PANIC.with(|slot| slot.borrow_mut().take())
}

/// Panics with exactly `message`.
pub fn panic_with(message: &str) -> ! {
    install_hook();
    std::panic::panic_any(message.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hook_records_the_message() {
        let result = std::panic::catch_unwind(|| panic_with("boom: 42"));
        assert!(result.is_err());
        assert_eq!(take_message().as_deref(), Some("boom: 42"));
        assert_eq!(take_message(), None);
    }
}
