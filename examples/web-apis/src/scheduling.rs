//! Prioritized Task Scheduling (`scheduler.postTask`). web-sys has it only behind
//! `--cfg=web_sys_unstable_apis`; a crate that does not want that flag in every build binds the
//! little it uses itself, as here.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::js;

#[wasm_bindgen]
extern "C" {
    type Scheduler;
    #[wasm_bindgen(catch, method, js_name = postTask)]
    fn post_task(
        this: &Scheduler,
        callback: &Function,
        options: &JsValue,
    ) -> Result<Promise, JsValue>;

    type TaskController;
    #[wasm_bindgen(catch, constructor, js_class = "TaskController")]
    fn new(options: &JsValue) -> Result<TaskController, JsValue>;
    #[wasm_bindgen(method, getter)]
    fn signal(this: &TaskController) -> JsValue;
    #[wasm_bindgen(catch, method, js_name = setPriority)]
    fn set_priority(this: &TaskController, priority: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(method)]
    fn abort(this: &TaskController);
}

/// Posts tasks that each append a letter to a shared log, and reports what the scheduler did, as
/// `order=<letters> reprioritised=<letters> aborted=<error name>`:
/// - order: three tasks posted background, user-visible, user-blocking in that order must run
///   highest priority first, "uvb";
/// - reprioritised: a background task raised to user-blocking after posting must overtake a
///   user-visible one posted after it, "xy";
/// - aborted: a task whose controller aborts before it runs must reject with an AbortError.
#[wasm_bindgen(js_name = postTaskOrder)]
pub async fn post_task_order() -> Result<String, JsValue> {
    let scheduler: Scheduler = js::require_global("scheduler")
        .map_err(|_| {
            js::not_supported(
                "scheduler.postTask() is not available in this engine (no scheduler global)",
            )
        })?
        .unchecked_into();
    js::require_global("TaskController")?;
    let log = Rc::new(RefCell::new(String::new()));
    // Every callback must live until its task has run; they are dropped at the end of this call.
    let mut callbacks: Vec<Closure<dyn FnMut() -> JsValue>> = Vec::new();
    let mut post = |letter: char, options: &JsValue| -> Result<Promise, JsValue> {
        let log = Rc::clone(&log);
        let callback = Closure::<dyn FnMut() -> JsValue>::new(move || {
            log.borrow_mut().push(letter);
            JsValue::from_str(&letter.to_string())
        });
        let promise = scheduler.post_task(callback.as_ref().unchecked_ref(), options)?;
        callbacks.push(callback);
        Ok(promise)
    };
    let priority = |p: &str| js::object(&[("priority", JsValue::from_str(p))]).map(JsValue::from);

    let posted = [
        post('b', &priority("background")?)?,
        post('v', &priority("user-visible")?)?,
        post('u', &priority("user-blocking")?)?,
    ];
    let mut returned = String::new();
    for promise in posted {
        returned.push_str(
            &JsFuture::from(promise)
                .await?
                .as_string()
                .unwrap_or_default(),
        );
    }
    if returned != "bvu" {
        return Err(js::error(format!(
            "postTask() promises resolved to {returned:?}, not each callback's own letter"
        )));
    }
    let order = std::mem::take(&mut *log.borrow_mut());

    let controller = TaskController::new(&priority("background")?)?;
    let raised = post('x', &js::object(&[("signal", controller.signal())])?.into())?;
    let later = post('y', &priority("user-visible")?)?;
    controller.set_priority("user-blocking")?;
    JsFuture::from(raised).await?;
    JsFuture::from(later).await?;
    let reprioritised = std::mem::take(&mut *log.borrow_mut());

    let doomed = TaskController::new(&JsValue::UNDEFINED)?;
    let cancelled = post('z', &js::object(&[("signal", doomed.signal())])?.into())?;
    doomed.abort();
    let aborted = match JsFuture::from(cancelled).await {
        Ok(_) => "none (the task ran)".to_owned(),
        Err(e) => js::describe(&e)
            .split(':')
            .next()
            .unwrap_or_default()
            .to_owned(),
    };
    if log.borrow().contains('z') {
        return Err(js::error("an aborted task ran anyway"));
    }
    drop(callbacks);
    Ok(format!(
        "order={order} reprioritised={reprioritised} aborted={aborted}"
    ))
}
