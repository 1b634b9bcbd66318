//! structuredClone(): present in every current engine, and a good place for subtle differences
//! (identity of shared references, cycles, BigInt, Error subclasses) and for engine limits, since
//! each engine bounds how deep a graph it will serialise in its own way.

use js_sys::{BigInt, Date, Map, Object, RangeError, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::js;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_name = structuredClone)]
    fn structured_clone(value: &JsValue) -> Result<JsValue, JsValue>;
}

const BIG: &str = "18446744073709551617"; // 2^64 + 1: survives only as a BigInt, not as a Number.
const BYTES: [u8; 4] = [1, 2, 3, 250];

fn set(target: &JsValue, key: &str, value: &JsValue) -> Result<(), JsValue> {
    Reflect::set(target, &JsValue::from_str(key), value).map(drop)
}

fn get(target: &JsValue, key: &str) -> Result<JsValue, JsValue> {
    Reflect::get(target, &JsValue::from_str(key))
}

fn require_structured_clone() -> Result<(), JsValue> {
    js::require_global("structuredClone").map(drop)
}

/// `{ n: { n: ... } }` with `depth` objects, the innermost last; every node, outermost first.
fn chain(depth: u32) -> Result<Vec<Object>, JsValue> {
    let nodes: Vec<Object> = (0..depth).map(|_| Object::new()).collect();
    for pair in nodes.windows(2) {
        set(&pair[0], "n", &pair[1])?;
    }
    Ok(nodes)
}

/// Which properties of the cloned graph held.
#[wasm_bindgen]
pub struct CloneReport {
    /// The clone is a new object.
    pub distinct: bool,
    /// `clone.self === clone`: the cycle was rebuilt, not unrolled.
    pub cycle: bool,
    /// Two properties holding one Uint8Array still hold one (new) Uint8Array.
    #[wasm_bindgen(js_name = sharedIdentity)]
    pub shared_identity: bool,
    /// That Uint8Array's bytes came through.
    pub bytes: bool,
    /// A Map from 1 to `new Date(0)` came back as a Map holding a Date of time 0.
    #[wasm_bindgen(js_name = mapDate)]
    pub map_date: bool,
    /// 2^64 + 1 came back as the same BigInt.
    pub bigint: bool,
    /// A RangeError came back as a RangeError with its message.
    #[wasm_bindgen(js_name = errorType)]
    pub error_type: bool,
    /// Cloning a function threw DataCloneError, as the HTML standard says it must.
    #[wasm_bindgen(js_name = refusesFunction)]
    pub refuses_function: bool,
    /// How many nested objects the clone's chain has (the graph was built with the asked depth).
    pub depth: u32,
}

/// Builds a graph with a cycle, a shared Uint8Array, a Map of a Date, a BigInt, a RangeError and a
/// chain of `depth` nested objects, clones it with structuredClone and checks the clone.
#[wasm_bindgen(js_name = structuredCloneGraph)]
pub fn structured_clone_graph(depth: u32) -> Result<CloneReport, JsValue> {
    require_structured_clone()?;
    let root: JsValue = Object::new().into();
    set(&root, "self", &root)?;
    let bytes = Uint8Array::from(&BYTES[..]);
    set(&root, "shared", &bytes)?;
    set(&root, "again", &bytes)?;
    let map = Map::new();
    map.set(&JsValue::from(1), &Date::new(&JsValue::from(0)));
    set(&root, "map", &map)?;
    let big: JsValue = BigInt::new(&JsValue::from_str(BIG))?.into();
    set(&root, "big", &big)?;
    set(&root, "error", &RangeError::new("out of range"))?;
    let nodes = chain(depth)?;
    if let Some(first) = nodes.first() {
        set(&root, "chain", first)?;
    }

    let clone = structured_clone(&root).map_err(|e| {
        js::error(format!(
            "structuredClone of the test graph threw {}",
            js::describe(&e)
        ))
    })?;

    let shared = get(&clone, "shared")?;
    let cloned_map = get(&clone, "map")?;
    let date = cloned_map
        .dyn_ref::<Map>()
        .map(|m| m.get(&JsValue::from(1)));
    let error = get(&clone, "error")?;
    let mut cloned_depth = 0;
    let mut node = get(&clone, "chain")?;
    while node.is_object() {
        cloned_depth += 1;
        node = get(&node, "n")?;
    }
    let function = Closure::<dyn Fn()>::new(|| {});
    let refuses_function = match structured_clone(function.as_ref()) {
        Ok(_) => false,
        Err(e) => js::describe(&e).starts_with("DataCloneError"),
    };

    Ok(CloneReport {
        distinct: !Object::is(&clone, &root),
        cycle: Object::is(&get(&clone, "self")?, &clone),
        shared_identity: Object::is(&shared, &get(&clone, "again")?)
            && !Object::is(&shared, &bytes),
        bytes: shared
            .dyn_ref::<Uint8Array>()
            .is_some_and(|b| b.to_vec() == BYTES),
        map_date: date
            .as_ref()
            .and_then(|d| d.dyn_ref::<Date>())
            .is_some_and(|d| d.get_time() == 0.0),
        bigint: get(&clone, "big")?.dyn_ref::<BigInt>().is_some_and(|b| {
            b.to_string(10).ok().and_then(|s| s.as_string()).as_deref() == Some(BIG)
        }),
        error_type: error.is_instance_of::<RangeError>()
            && get(&error, "message")?.as_string().as_deref() == Some("out of range"),
        refuses_function,
        depth: cloned_depth,
    })
}

/// The deepest chain of nested plain objects, up to `limit`, that structuredClone accepts here.
/// Engines stop at very different depths (a recursion limit, or the native stack), so this is a
/// measurement to record, not a pass/fail answer.
#[wasm_bindgen(js_name = structuredCloneMaxDepth)]
pub fn structured_clone_max_depth(limit: u32) -> Result<u32, JsValue> {
    require_structured_clone()?;
    // One chain of `limit` objects serves every probe depth: its node i heads a chain of limit - i.
    let nodes = chain(limit)?;
    let clones =
        |depth: u32| depth == 0 || structured_clone(&nodes[(limit - depth) as usize]).is_ok();
    let (mut ok, mut too_deep) = (0, limit + 1);
    if clones(limit) {
        return Ok(limit);
    }
    while ok + 1 < too_deep {
        let mid = ok + (too_deep - ok) / 2;
        if clones(mid) {
            ok = mid;
        } else {
            too_deep = mid;
        }
    }
    Ok(ok)
}
