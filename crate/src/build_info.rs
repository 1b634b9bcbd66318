//! What was built: lets a page or a report say which crate version and profile it ran.

/// Crate version from Cargo.toml.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// "debug" for `wasm-pack build --dev`, "release" otherwise (release and profiling).
pub const PROFILE: &str = if cfg!(debug_assertions) {
    "debug"
} else {
    "release"
};

/// The build as a small JSON object.
pub fn as_json() -> String {
    format!(
        r#"{{"crate":"{}","version":"{VERSION}","profile":"{PROFILE}","target":"{}","debugAssertions":{}}}"#,
        env!("CARGO_PKG_NAME"),
        std::env::consts::ARCH,
        cfg!(debug_assertions),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn build_info_is_json_with_the_crate_version() {
        let info: serde_json::Value = serde_json::from_str(&super::as_json()).unwrap();
        assert_eq!(info["crate"], "wasm-compat");
        assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(info["profile"], super::PROFILE);
        assert_eq!(info["debugAssertions"], cfg!(debug_assertions));
    }
}
