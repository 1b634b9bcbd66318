//! wasm-features <file.wasm>: prints, as one JSON object, the WebAssembly features a module uses
//! and the facts about it that decide where it runs (memories, boundary types).
//!
//! A feature counts as used when wasmparser's validator rejects the module with that one feature
//! switched off and every other on: the validator, not a byte scan, decides. That is how the overlong
//! `call_indirect` table index that LLVM emits once reference-types is on (Rust 1.82+) shows as a
//! reference-types need even when no externref appears.

use std::process::ExitCode;

use wasmparser::{Parser, Payload, TypeRef, ValType, Validator, WasmFeatures};

/// The proposals a browser may lack, by wasmparser's name. Component-model flags are left out: a
/// browser never loads a component.
const PROPOSALS: &[(&str, WasmFeatures)] = &[
    ("mutable_global", WasmFeatures::MUTABLE_GLOBAL),
    (
        "saturating_float_to_int",
        WasmFeatures::SATURATING_FLOAT_TO_INT,
    ),
    ("sign_extension", WasmFeatures::SIGN_EXTENSION),
    ("reference_types", WasmFeatures::REFERENCE_TYPES),
    ("multi_value", WasmFeatures::MULTI_VALUE),
    ("bulk_memory", WasmFeatures::BULK_MEMORY),
    ("simd", WasmFeatures::SIMD),
    ("relaxed_simd", WasmFeatures::RELAXED_SIMD),
    ("threads", WasmFeatures::THREADS),
    (
        "shared_everything_threads",
        WasmFeatures::SHARED_EVERYTHING_THREADS,
    ),
    ("tail_call", WasmFeatures::TAIL_CALL),
    ("multi_memory", WasmFeatures::MULTI_MEMORY),
    ("exceptions", WasmFeatures::EXCEPTIONS),
    ("legacy_exceptions", WasmFeatures::LEGACY_EXCEPTIONS),
    ("memory64", WasmFeatures::MEMORY64),
    ("extended_const", WasmFeatures::EXTENDED_CONST),
    ("function_references", WasmFeatures::FUNCTION_REFERENCES),
    ("gc", WasmFeatures::GC),
    ("memory_control", WasmFeatures::MEMORY_CONTROL),
    ("custom_page_sizes", WasmFeatures::CUSTOM_PAGE_SIZES),
    ("stack_switching", WasmFeatures::STACK_SWITCHING),
    ("wide_arithmetic", WasmFeatures::WIDE_ARITHMETIC),
    ("custom_descriptors", WasmFeatures::CUSTOM_DESCRIPTORS),
    (
        "acquire_release_atomics",
        WasmFeatures::ACQUIRE_RELEASE_ATOMICS,
    ),
    (
        "multibyte_array_access",
        WasmFeatures::MULTIBYTE_ARRAY_ACCESS,
    ),
];

/// Every proposal of PROPOSALS on, plus what wasmparser needs to read any core module.
fn everything() -> WasmFeatures {
    PROPOSALS.iter().fold(
        WasmFeatures::MVP
            | WasmFeatures::CALL_INDIRECT_OVERLONG
            | WasmFeatures::BULK_MEMORY_OPT
            | WasmFeatures::COMPACT_IMPORTS,
        |all, (_, f)| all | *f,
    )
}

fn validate(bytes: &[u8], features: WasmFeatures) -> Result<(), String> {
    Validator::new_with_features(features)
        .validate_all(bytes)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// A used feature and the validator's message with it switched off (the evidence).
struct Use {
    name: &'static str,
    evidence: String,
}

fn features_used(bytes: &[u8]) -> Vec<Use> {
    let all = everything();
    let mut used = Vec::new();
    for (name, feature) in PROPOSALS {
        if let Err(evidence) = validate(bytes, all - *feature) {
            used.push(Use { name, evidence });
        }
    }
    used
}

/// Whether reference-types is needed only for the overlong call_indirect encoding.
fn only_overlong_call_indirect(bytes: &[u8]) -> bool {
    let all = everything();
    validate(
        bytes,
        (all - WasmFeatures::REFERENCE_TYPES) | WasmFeatures::CALL_INDIRECT_OVERLONG,
    )
    .is_ok()
}

struct Memory {
    imported: bool,
    initial: u64,
    maximum: Option<u64>,
    shared: bool,
    memory64: bool,
}

#[derive(Default)]
struct Shape {
    memories: Vec<Memory>,
    imports: Vec<(String, String, &'static str)>,
    exports: Vec<(String, &'static str)>,
    /// Imported or exported functions whose signature has an i64: JS sees a BigInt there.
    i64_boundary: Vec<String>,
}

fn has_i64(ty: &wasmparser::FuncType) -> bool {
    ty.params()
        .iter()
        .chain(ty.results())
        .any(|t| *t == ValType::I64)
}

fn shape(bytes: &[u8]) -> Result<Shape, String> {
    let mut shape = Shape::default();
    let mut func_types: Vec<Option<wasmparser::FuncType>> = Vec::new();
    let mut function_type_index: Vec<u32> = Vec::new();
    let mut exported_functions: Vec<(String, u32)> = Vec::new();
    for payload in Parser::new(0).parse_all(bytes) {
        match payload.map_err(|e| e.to_string())? {
            Payload::TypeSection(reader) => {
                for group in reader {
                    for sub in group.map_err(|e| e.to_string())?.into_types() {
                        func_types.push(match &sub.composite_type.inner {
                            wasmparser::CompositeInnerType::Func(f) => Some(f.clone()),
                            _ => None,
                        });
                    }
                }
            }
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    let import = import.map_err(|e| e.to_string())?;
                    let kind = match import.ty {
                        TypeRef::Func(index) | TypeRef::FuncExact(index) => {
                            function_type_index.push(index);
                            if let Some(Some(ty)) = func_types.get(index as usize) {
                                if has_i64(ty) {
                                    shape
                                        .i64_boundary
                                        .push(format!("import {}.{}", import.module, import.name));
                                }
                            }
                            "function"
                        }
                        TypeRef::Memory(m) => {
                            shape.memories.push(Memory {
                                imported: true,
                                initial: m.initial,
                                maximum: m.maximum,
                                shared: m.shared,
                                memory64: m.memory64,
                            });
                            "memory"
                        }
                        TypeRef::Table(_) => "table",
                        TypeRef::Global(_) => "global",
                        TypeRef::Tag(_) => "tag",
                    };
                    shape
                        .imports
                        .push((import.module.to_string(), import.name.to_string(), kind));
                }
            }
            Payload::FunctionSection(reader) => {
                for index in reader {
                    function_type_index.push(index.map_err(|e| e.to_string())?);
                }
            }
            Payload::MemorySection(reader) => {
                for m in reader {
                    let m = m.map_err(|e| e.to_string())?;
                    shape.memories.push(Memory {
                        imported: false,
                        initial: m.initial,
                        maximum: m.maximum,
                        shared: m.shared,
                        memory64: m.memory64,
                    });
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export.map_err(|e| e.to_string())?;
                    let kind = match export.kind {
                        wasmparser::ExternalKind::Func | wasmparser::ExternalKind::FuncExact => {
                            exported_functions.push((export.name.to_string(), export.index));
                            "function"
                        }
                        wasmparser::ExternalKind::Memory => "memory",
                        wasmparser::ExternalKind::Table => "table",
                        wasmparser::ExternalKind::Global => "global",
                        wasmparser::ExternalKind::Tag => "tag",
                    };
                    shape.exports.push((export.name.to_string(), kind));
                }
            }
            _ => {}
        }
    }
    for (name, function) in exported_functions {
        let ty = function_type_index
            .get(function as usize)
            .and_then(|t| func_types.get(*t as usize))
            .and_then(|t| t.as_ref());
        if ty.is_some_and(has_i64) {
            shape.i64_boundary.push(format!("export {name}"));
        }
    }
    Ok(shape)
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn json_list<T>(items: &[T], each: impl Fn(&T) -> String) -> String {
    format!("[{}]", items.iter().map(each).collect::<Vec<_>>().join(","))
}

fn report(bytes: &[u8]) -> Result<String, String> {
    if bytes.len() < 8 || &bytes[..4] != b"\0asm" {
        return Err(
            "not a WebAssembly module: it does not start with the \\0asm magic number".into(),
        );
    }
    validate(bytes, everything()).map_err(|e| format!("not a valid WebAssembly module: {e}"))?;
    let used = features_used(bytes);
    let overlong_only =
        used.iter().any(|u| u.name == "reference_types") && only_overlong_call_indirect(bytes);
    let shape = shape(bytes)?;
    Ok(format!(
        "{{\"bytes\":{},\"features\":{},\"referenceTypesOnlyForCallIndirectEncoding\":{},\"memories\":{},\"imports\":{},\"exports\":{},\"i64AtBoundary\":{}}}",
        bytes.len(),
        json_list(&used, |u| format!("{{\"name\":{},\"evidence\":{}}}", json_string(u.name), json_string(&u.evidence))),
        overlong_only,
        json_list(&shape.memories, |m| format!(
            "{{\"imported\":{},\"initialPages\":{},\"maximumPages\":{},\"shared\":{},\"memory64\":{}}}",
            m.imported,
            m.initial,
            m.maximum.map_or("null".to_string(), |v| v.to_string()),
            m.shared,
            m.memory64
        )),
        json_list(&shape.imports, |(module, name, kind)| format!("{{\"module\":{},\"name\":{},\"kind\":\"{kind}\"}}", json_string(module), json_string(name))),
        json_list(&shape.exports, |(name, kind)| format!("{{\"name\":{},\"kind\":\"{kind}\"}}", json_string(name))),
        json_list(&shape.i64_boundary, |s| json_string(s)),
    ))
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: wasm-features <file.wasm>");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("wasm-features: cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    match report(&bytes) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("wasm-features: {path}: {message}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // (module (func (export "f") (param i32) (result i32) local.get 0 i32.extend8_s))
    const SIGN_EXT: &[u8] = &[
        0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 127, 1, 127, 3, 2, 1, 0, 7, 5, 1, 1, 102, 0,
        0, 10, 7, 1, 5, 0, 32, 0, 192, 11,
    ];

    #[test]
    fn a_sign_extension_op_is_found_and_nothing_else() {
        let used: Vec<_> = features_used(SIGN_EXT)
            .into_iter()
            .map(|u| u.name)
            .collect();
        assert_eq!(used, vec!["sign_extension"]);
    }

    #[test]
    fn bytes_that_are_not_wasm_are_named_so() {
        assert!(report(b"<!doctype html>")
            .unwrap_err()
            .contains("not a WebAssembly module"));
    }

    #[test]
    fn exports_and_boundary_types_are_read() {
        let out = report(SIGN_EXT).unwrap();
        assert!(
            out.contains("{\"name\":\"f\",\"kind\":\"function\"}"),
            "{out}"
        );
        assert!(out.contains("\"i64AtBoundary\":[]"), "{out}");
    }
}
