// studysift review UI: keyboard navigation, evidence flashing, text selection as evidence, and saves through the
// API's PATCH /v1/records/{id} (If-Match: version, X-CSRF-Token), with the 409 "redo my change on top" flow;
// new records through POST /v1/articles/{id}/records, merges with the versions shown (409 when one is stale).
// Plain JavaScript, no build step; untrusted text only ever goes through textContent.
"use strict";

(function () {
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const csrf = () => ($('meta[name="csrf-token"]') || {}).content || "";
  const textBox = () => $("#article-text");
  let selection = null; // {start, end, text}: the last text selected in the article, in code-point offsets
  let current = null; // the focused .field (article page) or .queue-row (queue page)

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    }
    for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return node;
  }

  // --- text selection -> {start, end, text} in the cleaned text -------------------------------------------------
  const cpLen = (s) => Array.from(s).length; // Python offsets count code points, JS strings count UTF-16 units

  function offsetOf(container, node, offset) {
    let total = 0;
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (t === node) return total + cpLen(t.data.slice(0, offset));
      total += cpLen(t.data);
    }
    if (node.nodeType === Node.ELEMENT_NODE) {
      // a boundary given as (element, child index): count the text before that child
      const probe = document.createRange();
      probe.setStart(container, 0);
      probe.setEnd(node, offset);
      return cpLen(probe.toString());
    }
    return null;
  }

  function readSelection() {
    const box = textBox();
    const sel = window.getSelection();
    if (!box || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    if (!box.contains(range.startContainer) || !box.contains(range.endContainer)) return null;
    const start = offsetOf(box, range.startContainer, range.startOffset);
    const end = offsetOf(box, range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return null;
    const text = Array.from(box.textContent).slice(start, end).join("");
    return { start, end, text };
  }

  function noteSelection() {
    const s = readSelection();
    if (!s) return;
    selection = s;
    const hint = $("#sel-hint");
    if (hint) {
      hint.textContent = "Selected: “" + (s.text.length > 60 ? s.text.slice(0, 57) + "…" : s.text) + "”";
      hint.classList.add("has");
    }
  }

  // --- evidence flashing and field focus -----------------------------------------------------------------------
  function marksOf(spanId) {
    return $$("#article-text mark[data-spans]").filter((m) => m.dataset.spans.split(" ").includes(spanId));
  }

  function flashEvidence(field) {
    for (const m of $$("#article-text mark.flash")) m.classList.remove("flash");
    const id = field && field.dataset.span;
    const marks = id ? marksOf(id) : [];
    if (!marks.length) return;
    marks[0].scrollIntoView({ block: "center", behavior: "smooth" });
    for (const m of marks) {
      m.classList.remove("flash");
      void m.offsetWidth; // restart the animation
      m.classList.add("flash");
    }
  }

  const focusables = () => $$(".field:not(.new-item)").concat($$(".queue-row"));

  function setCurrent(node, flash) {
    if (current) current.classList.remove("current");
    current = node;
    if (!node) return;
    node.classList.add("current");
    node.focus({ preventScroll: true });
    node.scrollIntoView({ block: "nearest" });
    if (flash) flashEvidence(node);
  }

  function move(step) {
    const all = focusables();
    if (!all.length) return;
    const i = all.indexOf(current);
    setCurrent(all[Math.max(0, Math.min(all.length - 1, i < 0 ? 0 : i + step))], true);
  }

  // --- PATCH through the API -----------------------------------------------------------------------------------
  const recordOf = (node) => node.closest(".record");

  // A failed save: an expired session offers to sign in again; anything else shows the API's detail.
  async function reportFailure(resp, box, show, lost, failed) {
    if (resp.status === 401) {
      show("Your session has expired: " + lost + ". ");
      const next = encodeURIComponent(location.pathname + location.hash);
      $(".status-line", box).append(el("a", { href: "/review/login?next=" + next }, "Sign in again"));
      return;
    }
    let detail = resp.statusText;
    try {
      const data = await resp.json();
      detail = typeof data.detail === "string" ? data.detail : JSON.stringify(data.detail || data);
    } catch (_) {}
    show(failed + " (" + resp.status + "): " + detail);
  }

  function setStatus(record, message, isError) {
    const line = $(".status-line", record);
    line.textContent = message;
    line.classList.toggle("err", Boolean(isError));
  }

  async function send(record, patch, version) {
    const reason = $(".reason textarea", record).value.trim();
    const body = Object.assign({}, patch, reason ? { reason } : {});
    setStatus(record, "Saving…");
    let resp;
    try {
      resp = await fetch("/v1/records/" + encodeURIComponent(record.dataset.recordId), {
        method: "PATCH",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "If-Match": String(version), "X-CSRF-Token": csrf() },
        body: JSON.stringify(body),
      });
    } catch (err) {
      setStatus(record, "Network error: " + err, true);
      return;
    }
    if (resp.ok) {
      const saved = await resp.json();
      sessionStorage.setItem("studysift-focus", record.dataset.recordId + "|" + (patchPaths(patch)[0] || ""));
      setStatus(record, "Saved as v" + saved.version + ".");
      location.reload();
      return;
    }
    if (resp.status === 409) {
      const data = await resp.json();
      await showConflict(record, patch, version, data.current);
      return;
    }
    await reportFailure(resp, record, (m) => setStatus(record, m, true), "your change was not saved", "Not saved");
  }

  const patchPaths = (patch) => Object.keys(patch.set || {}).concat(patch.accept || [], patch.reject || []);

  function valueAt(obj, path) {
    let v = obj;
    for (const part of path.split("/")) {
      if (v === null || v === undefined) return undefined;
      v = Array.isArray(v) ? v[Number(part)] : v[part];
    }
    return v;
  }

  // A value as a reviewer reads it: "500 mg", "adverse effects · increased", "230 · participants".
  function show(v) {
    if (v === undefined) return "(absent)";
    if (v === null) return "—";
    if (typeof v !== "object") return String(v);
    if (Array.isArray(v)) return v.map(show).join("; ") || "none";
    if ("unit" in v && "text" in v && !("name" in v)) return v.text;
    const head = v.name ?? v.value ?? v.status;
    if (head !== undefined && head !== null) {
      const extras = ["kind", "route", "direction", "timepoint"].map((k) => v[k]).filter(Boolean);
      const ev = v.evidence && v.evidence.text ? " (evidence “" + v.evidence.text + "”)" : "";
      return [head + (v.unit ? " " + v.unit : "")].concat(extras).join(" · ") + ev;
    }
    if ("start" in v && "text" in v) return "“" + v.text + "”";
    return JSON.stringify(v);
  }

  async function showConflict(record, patch, myVersion, theirs) {
    const box = $(".conflict", record);
    box.replaceChildren();
    let history = [];
    try {
      const r = await fetch("/v1/records/" + encodeURIComponent(record.dataset.recordId) + "/history", {
        credentials: "same-origin",
      });
      if (r.ok) history = ((await r.json()).items || []).filter((h) => h.version > myVersion);
    } catch (_) {}
    box.append(el("h3", {}, "Another reviewer saved this record (now v" + theirs.version + ") while you were editing v" + myVersion + "."));
    if (history.length) {
      const ul = el("ul", { class: "their-changes" });
      for (const h of history) {
        const when = new Date(h.at).toLocaleString();
        const what = h.action === "set" ? " → " + show(h.new) : "";
        ul.append(el("li", {}, (h.reviewer || "someone") + " " + h.action + " " + (h.field || "the record") + what +
          " (v" + h.version + ", " + when + ")"));
      }
      box.append(el("p", {}, "Their changes:"), ul);
    }
    const cmp = el("dl", { class: "cmp" });
    for (const path of patchPaths(patch)) {
      const mine = patch.set && path in patch.set ? show(patch.set[path]) : (patch.accept || []).includes(path) ? "accept" : "reject";
      const status = ((theirs.review || {}).fields || {})[path];
      cmp.append(el("dt", {}, path + " now"), el("dd", { class: "theirs" }, show(valueAt(theirs, path)) + (status ? " [" + status + "]" : "")));
      cmp.append(el("dt", {}, "your change"), el("dd", { class: "mine" }, mine));
    }
    box.append(cmp);
    const redo = el("button", { type: "button", class: "btn primary small", "data-act": "redo" }, "Redo my change on top");
    redo.addEventListener("click", () => {
      box.hidden = true;
      record.dataset.version = String(theirs.version);
      send(record, patch, theirs.version);
    });
    const discard = el("button", { type: "button", class: "btn ghost small" }, "Discard mine and reload");
    discard.addEventListener("click", () => location.reload());
    box.append(el("div", { class: "actions" }, redo, discard));
    box.hidden = false;
    setStatus(record, "Conflict: not saved.", true);
    box.scrollIntoView({ block: "nearest" });
  }

  // --- field actions ---------------------------------------------------------------------------------------------
  function readEditor(field) {
    const form = $(".editor", field);
    const path = field.dataset.path || field.dataset.list + "/-";
    const scalar = field.dataset.shape === "scalar";
    const before = JSON.parse(field.dataset.value || "null");
    let value = scalar ? null : Object.assign({}, before || {});
    for (const input of $$("[data-key]", form)) {
      const raw = input.value.trim();
      let v = raw === "" ? null : raw;
      if (v !== null && input.dataset.type === "int") v = parseInt(raw, 10);
      if (v !== null && input.dataset.type === "number") v = parseFloat(raw);
      if (input.dataset.type === "bool") v = raw === "" ? null : raw === "true";
      if (typeof v === "number" && Number.isNaN(v)) throw new Error(input.parentElement.firstChild.textContent.trim() + ": not a number");
      if (scalar) value = v;
      else value[input.dataset.key] = v;
    }
    if (scalar) return value;
    for (const k of Object.keys(value)) if (value[k] === null && k !== "evidence") delete value[k];
    if (path.endsWith("/dose")) {
      // keep "as written" in step with a corrected value / unit unless the reviewer edited it too
      if (!before || value.text === before.text || !value.text) {
        value.text = [value.value, value.max !== undefined ? "–" + value.max : ""].join("") + (value.unit ? " " + value.unit : "");
      }
    } else if (path !== "conflicts_of_interest") {
      value.confidence = 1; // a reviewer's value
    }
    if (form.evidence) value.evidence = form.evidence;
    return value;
  }

  function openEditor(field) {
    const form = $(".editor", field);
    form.hidden = false;
    const first = $("[data-key]", form);
    if (first) first.focus();
  }

  function closeEditor(field) {
    $(".editor", field).hidden = true;
    field.focus({ preventScroll: true });
  }

  function act(field, what) {
    const record = recordOf(field);
    const path = field.dataset.path;
    const version = Number(record.dataset.version);
    if (what === "accept") send(record, { accept: [path] }, version);
    else if (what === "reject") send(record, { reject: [path] }, version);
    else if (what === "edit") openEditor(field);
  }

  function useSelection(form) {
    if (!selection) {
      $(".ev-text", form).textContent = "select text in the article first";
      return;
    }
    form.evidence = selection;
    $(".ev-text", form).textContent = "“" + selection.text + "” (" + selection.start + "–" + selection.end + ")";
  }

  function saveEditor(form) {
    const field = form.closest(".field");
    const record = recordOf(field);
    let value;
    try {
      value = readEditor(field);
    } catch (err) {
      setStatus(record, err.message, true);
      return;
    }
    const path = field.classList.contains("new-item") ? field.dataset.list + "/-" : field.dataset.path;
    send(record, { set: { [path]: value } }, Number(record.dataset.version));
  }

  function addItem(button) {
    const record = recordOf(button);
    const item = $('.new-item[data-list="' + button.dataset.list + '"]', record);
    item.dataset.index = button.dataset.index;
    item.hidden = false;
    const form = $(".editor", item);
    form.hidden = false;
    if (selection) {
      useSelection(form);
      const name = $("[data-key=name], [data-key=value]", form);
      if (name && !name.value) name.value = selection.text;
    }
    const first = $("[data-key]", form);
    if (first) first.focus();
  }

  // --- merge and split -------------------------------------------------------------------------------------------
  async function post(url, body) {
    const resp = await fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf() },
      body: JSON.stringify(body),
    });
    if (!resp.ok) throw new Error(resp.status + " " + (await resp.text()));
    return resp.json();
  }

  async function merge() {
    const picked = $$(".merge-pick:checked").map((c) => recordOf(c));
    if (picked.length < 2) return;
    const versions = {};
    for (const r of picked) versions[r.dataset.recordId] = Number(r.dataset.version);
    let resp;
    try {
      resp = await fetch("/v1/records/merge", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf() },
        body: JSON.stringify({
          ids: picked.map((r) => r.dataset.recordId),
          versions,
          reason: $(".reason textarea", picked[0]).value.trim() || null,
        }),
      });
    } catch (err) {
      setStatus(picked[0], "Merge failed: network error: " + err, true);
      return;
    }
    if (resp.ok) {
      location.reload();
      return;
    }
    if (resp.status === 409) {
      // Another reviewer changed (or merged) a record since this page was loaded: merge nothing, say which.
      const data = await resp.json();
      const now = {};
      for (const r of data.current || []) now[r.id] = r;
      const what = (data.stale || []).map((id) => {
        const r = now[id] || {};
        return id + (r.active === false ? " (merged or retired)" : " (now v" + r.version + ", you saw v" + versions[id] + ")");
      });
      setStatus(picked[0], "Not merged: changed by someone else since you loaded the page: " + what.join(", ") + ". ", true);
      const line = $(".status-line", picked[0]);
      line.append(el("button", { type: "button", class: "btn ghost small", onclick: () => location.reload() }, "Reload to see their changes"));
      line.scrollIntoView({ block: "nearest" });
      return;
    }
    setStatus(picked[0], "Merge failed: " + resp.status + " " + (await resp.text()), true);
  }

  // --- a record the extractor missed -----------------------------------------------------------------------------
  function newRecordStatus(form, message, isError) {
    const line = $(".status-line", form);
    line.textContent = message;
    line.classList.toggle("err", Boolean(isError));
  }

  function openNewRecord() {
    const form = $("#new-record");
    if (!form) return;
    form.hidden = false;
    form.evidence = null;
    $(".ev-text", form).textContent = "none";
    newRecordStatus(form, "");
    if (selection) {
      useSelection(form);
      const label = form.elements.label;
      if (!label.value) label.value = selection.text.length > 120 ? selection.text.slice(0, 119) + "…" : selection.text;
    }
    form.scrollIntoView({ block: "nearest" });
    form.elements.label.focus();
  }

  function closeNewRecord() {
    const form = $("#new-record");
    if (form) form.hidden = true;
  }

  async function createRecord(form) {
    const label = form.elements.label.value.trim();
    if (!label) {
      newRecordStatus(form, "Give the record a label.", true);
      form.elements.label.focus();
      return;
    }
    const body = { label };
    const design = form.elements.design.value;
    if (design) body.design = { value: design, confidence: 1 };
    if (form.evidence) body.evidence = form.evidence;
    const reason = form.elements.reason.value.trim();
    if (reason) body.reason = reason;
    newRecordStatus(form, "Saving…");
    let resp;
    try {
      resp = await fetch("/v1/articles/" + encodeURIComponent(form.dataset.articleId) + "/records", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf() },
        body: JSON.stringify(body),
      });
    } catch (err) {
      newRecordStatus(form, "Network error: " + err, true);
      return;
    }
    if (resp.ok) {
      const created = await resp.json();
      sessionStorage.setItem("studysift-focus", created.id + "|");
      location.reload();
      return;
    }
    await reportFailure(resp, form, (m) => newRecordStatus(form, m, true), "the record was not added", "Not added");
  }

  function toggleSplit(record) {
    const on = record.classList.toggle("splitting");
    $(".split-bar", record).hidden = !on;
    setStatus(record, on ? "Tick the interventions, outcomes… that belong to another study." : "");
  }

  async function split(record) {
    const moves = $$(".split-pick:checked", record).map((c) => c.closest(".field").dataset.path);
    if (!moves.length) {
      setStatus(record, "Tick at least one item to move.", true);
      return;
    }
    try {
      await post("/v1/records/" + encodeURIComponent(record.dataset.recordId) + "/split", {
        moves,
        reason: $(".reason textarea", record).value.trim() || null,
      });
      location.reload();
    } catch (err) {
      setStatus(record, "Split failed: " + err.message, true);
    }
  }

  // --- wiring ----------------------------------------------------------------------------------------------------
  function toggleHelp(show) {
    const help = $("#help");
    if (help) help.hidden = show === undefined ? !help.hidden : !show;
  }

  document.addEventListener("click", (e) => {
    const t = e.target;
    const btn = t.closest("[data-act]");
    if (btn) {
      const what = btn.dataset.act;
      const field = btn.closest(".field");
      if (what === "help") toggleHelp();
      else if (what === "help-close") toggleHelp(false);
      else if (what === "use-selection") useSelection(btn.closest("form"));
      else if (what === "new-record") openNewRecord();
      else if (what === "new-record-cancel") closeNewRecord();
      else if (what === "cancel") {
        if (field.classList.contains("new-item")) field.hidden = true;
        closeEditor(field);
      } else if (what === "add") addItem(btn);
      else if (what === "merge") merge();
      else if (what === "split") toggleSplit(recordOf(btn));
      else if (what === "split-go") split(recordOf(btn));
      else if (what === "record-accept" || what === "record-reject") {
        const record = recordOf(btn);
        send(record, { [what === "record-accept" ? "accept" : "reject"]: ["*"] }, Number(record.dataset.version));
      }
      else if (field && ["accept", "reject", "edit"].includes(what)) {
        setCurrent(field, false);
        act(field, what);
      }
      return;
    }
    const head = t.closest(".field-head");
    if (head && !head.closest(".new-item")) {
      setCurrent(head.closest(".field"), true);
      return;
    }
    const mark = t.closest("#article-text mark[data-record]");
    if (mark && window.getSelection().isCollapsed) {
      const record = $('.record[data-record-id="' + CSS.escape(mark.dataset.record) + '"]');
      const field = record && $('.field[data-path="' + CSS.escape(mark.dataset.path) + '"]', record);
      if (field) setCurrent(field, false);
      return;
    }
    const row = t.closest(".queue-row");
    if (row && !t.closest("a")) location.href = row.dataset.href;
  });

  document.addEventListener("submit", (e) => {
    const form = e.target;
    if (form.classList.contains("editor")) {
      e.preventDefault();
      saveEditor(form);
    } else if (form.classList.contains("new-record")) {
      e.preventDefault();
      createRecord(form);
    }
  });

  document.addEventListener("change", (e) => {
    if (e.target.classList.contains("merge-pick")) {
      const button = $('[data-act="merge"]');
      if (button) button.disabled = $$(".merge-pick:checked").length < 2;
    }
  });

  document.addEventListener("keydown", (e) => {
    const typing = e.target.closest("input, textarea, select, [contenteditable]");
    if (e.key === "Escape") {
      toggleHelp(false);
      if (e.target.closest("#new-record")) {
        closeNewRecord();
        return;
      }
      const field = e.target.closest(".field");
      if (field && typing) {
        if (field.classList.contains("new-item")) field.hidden = true;
        closeEditor(field);
      }
      return;
    }
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    const key = e.key;
    if (key === "?") toggleHelp();
    else if (key === "j") move(1);
    else if (key === "k") move(-1);
    else if (key === "n") {
      const next = $("#next-article");
      if (next) location.href = next.href;
    } else if (key === "Enter" && current && current.classList.contains("queue-row")) location.href = current.dataset.href;
    else if (current && current.classList.contains("field") && "aer".includes(key) && key.length === 1) {
      if (document.body.classList.contains("read-only")) return;
      e.preventDefault();
      act(current, { a: "accept", e: "edit", r: "reject" }[key]);
    } else return;
    e.preventDefault();
  });

  document.addEventListener("mouseup", noteSelection);
  document.addEventListener("keyup", (e) => {
    if (e.shiftKey) noteSelection();
  });

  document.addEventListener("DOMContentLoaded", () => {
    const saved = sessionStorage.getItem("studysift-focus");
    sessionStorage.removeItem("studysift-focus");
    if (saved) {
      const [rid, path] = saved.split("|");
      const record = $('.record[data-record-id="' + CSS.escape(rid) + '"]');
      const field = record && ($('.field[data-path="' + CSS.escape(path) + '"]', record) || $(".field", record));
      if (field) setCurrent(field, false);
    } else if (location.hash.startsWith("#record-")) {
      const record = document.getElementById(location.hash.slice(1));
      if (record) setCurrent($(".field", record), true);
    }
    document.body.dataset.ready = "1";
  });
})();
