// The grid worker terminal's one script: the outbox, forms, GPS and photos. Pages are plain HTML
// rendered on the server; this makes them forgiving on a phone with one bar of signal.
//
// Every submission (a report, a verification, a visit, patrol points …) goes into an outbox kept
// in IndexedDB with a client id, and is sent from there: at once when online; when offline it waits,
// the 待发送 tab shows it, and it goes when the network is back — in order, stopping at the first
// error with the server's reason. The server writes each client id once (X-Client-Id), so a resend
// after a lost answer does no harm.
(() => {
  "use strict";
  const DbName = "gridgov-terminal", Store = "outbox", MaxSide = 2048, Quality = 0.85;
  const me = document.querySelector(".m-app")?.dataset.user || "";
  let flushing = false, dbPromise;

  // ---- IndexedDB: items in the order they were made (an auto-increment key) ----
  function db() {
    return dbPromise ??= new Promise((ok, fail) => {
      const r = indexedDB.open(DbName, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(Store, { keyPath: "seq", autoIncrement: true });
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
  }
  async function tx(mode, work) {
    const d = await db();
    return new Promise((ok, fail) => {
      const t = d.transaction(Store, mode), s = t.objectStore(Store);
      const r = work(s);
      t.oncomplete = () => ok(r?.result);
      t.onerror = () => fail(t.error);
    });
  }
  const all = () => tx("readonly", s => s.getAll());
  const put = item => tx("readwrite", s => s.put(item));
  const remove = seq => tx("readwrite", s => s.delete(seq));
  const mine = async () => (await all()).filter(i => i.user === me);

  function uuid() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    return [...b].map(x => x.toString(16).padStart(2, "0")).join("");
  }

  // Adds a submission: { url, body, label, method?, files?: [File], fileField?, done? }.
  async function add(sub) {
    const item = { clientId: uuid(), user: me, method: "POST", files: [], createdAt: new Date().toISOString(), ...sub };
    item.seq = await put(item);
    await render();
    return item;
  }

  // ---- sending ----
  const token = () => document.querySelector('meta[name="csrf-token"]')?.content || "";
  class Offline extends Error {}
  class Refused extends Error {}

  async function problem(r) {
    let text = `服务器返回 ${r.status}`;
    try {
      const p = await r.json();
      const fields = p.errors ? Object.values(p.errors).flat() : [];
      text = [p.title, p.detail, ...fields].filter(Boolean).filter((x, i, a) => a.indexOf(x) === i).join("：");
    } catch { /* not JSON */ }
    return text;
  }

  async function call(url, init) {
    let r;
    try { r = await fetch(url, { credentials: "same-origin", ...init }); }
    catch { throw new Offline("网络不可用"); }
    if (r.status === 401) throw new Offline("登录已失效，请重新登录后自动发送");
    if (r.status >= 500 || r.status === 429 || r.status === 503) throw new Offline(await problem(r));
    if (!r.ok) throw new Refused(await problem(r));
    return r.status === 204 ? {} : r.json().catch(() => ({}));
  }

  async function send(item) {
    const body = structuredClone(item.body || {});
    if (item.files?.length) {
      // Photos first: each is stored by its content, so sending one again stores nothing new.
      const ids = [];
      for (const f of item.files) {
        const form = new FormData();
        form.append("file", f, f.name || "photo.jpg");
        ids.push((await call("/api/v1/files/photos", { method: "POST", body: form, headers: { "X-CSRF-TOKEN": token() } })).id);
      }
      const field = item.fileField || "photos";
      body[field] = [...(body[field] || []), ...ids];
    }
    return call(item.url, {
      method: item.method, body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": token(), "X-Client-Id": item.clientId },
    });
  }

  // Sends what waits, oldest first; stops at the first item the server refuses (the worker decides
  // what to do with it) or when the network is gone. Returns the answers by client id.
  async function flush() {
    const answers = {};
    if (flushing || !me) return answers;
    flushing = true;
    try {
      for (const item of await mine()) {
        if (item.error) break;
        status(`正在发送：${item.label}`);
        try { answers[item.clientId] = await send(item); await remove(item.seq); }
        catch (e) {
          if (e instanceof Refused) { item.error = e.message; await put(item); }
          else status(navigator.onLine ? `暂未发送（${e.message}），稍后自动重试` : "", true);
          break;
        }
      }
    } finally {
      flushing = false;
      status("");
      await render();
    }
    return answers;
  }

  // ---- what the worker sees ----
  let statusTimer;
  function status(text, linger) {
    const el = document.getElementById("m-sending");
    if (!el) return;
    clearTimeout(statusTimer);
    el.textContent = text; el.hidden = !text;
    if (linger && text) statusTimer = setTimeout(() => { el.hidden = true; }, 6000);
  }
  function toast(text, ms = 3500) {
    const t = document.createElement("div");
    t.className = "m-toast"; t.setAttribute("role", "status"); t.textContent = text;
    document.body.append(t);
    setTimeout(() => t.remove(), ms);
  }
  function net() {
    const el = document.getElementById("m-net");
    if (el) el.hidden = navigator.onLine;
  }
  const time = iso => new Date(iso).toLocaleString("zh-CN", { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });

  async function render() {
    const items = me ? await mine() : [];
    for (const b of document.querySelectorAll("[data-outbox-count]")) { b.textContent = items.length; b.hidden = items.length === 0; }
    const list = document.getElementById("m-outbox");
    if (!list) return;
    list.replaceChildren();
    document.getElementById("m-outbox-empty")?.toggleAttribute("hidden", items.length > 0);
    document.getElementById("m-outbox-send")?.toggleAttribute("hidden", items.length === 0);
    for (const item of items) {
      const li = document.createElement("li");
      li.className = "m-card"; li.dataset.clientId = item.clientId;
      const head = document.createElement("div");
      head.className = "m-row";
      const title = document.createElement("b"); title.textContent = item.label;
      const tag = document.createElement("span");
      tag.className = "m-tag " + (item.error ? "red" : "orange"); tag.textContent = item.error ? "发送失败" : "等待发送";
      head.append(title, tag);
      const meta = document.createElement("div");
      meta.className = "m-muted";
      meta.textContent = `${time(item.createdAt)} 保存` + (item.files?.length ? ` · 照片 ${item.files.length} 张` : "");
      li.append(head, meta);
      if (item.error) {
        const why = document.createElement("div"); why.className = "m-error"; why.textContent = item.error;
        const btns = document.createElement("div"); btns.className = "m-btns"; btns.style.marginTop = "8px";
        const retry = button("重新发送", "m-btn primary", async () => { delete item.error; await put(item); await flush(); });
        const drop = button("删除", "m-btn danger", async () => { if (confirm(`删除“${item.label}”？删除后不会再发送。`)) { await remove(item.seq); await flush(); } });
        btns.append(retry, drop);
        li.append(why, btns);
      }
      list.append(li);
    }
  }
  function button(text, cls, onClick) {
    const b = document.createElement("button");
    b.type = "button"; b.className = cls; b.textContent = text; b.addEventListener("click", onClick);
    return b;
  }

  // ---- photos: shrunk on the phone before they are kept or sent ----
  async function shrink(file) {
    if (!/^image\/(jpeg|png|webp)$/.test(file.type)) return file;
    let bitmap;
    try { bitmap = await createImageBitmap(file, { imageOrientation: "from-image" }); } catch { return file; }
    try {
      const long = Math.max(bitmap.width, bitmap.height);
      if (long <= MaxSide) return file;
      const w = Math.round(bitmap.width * MaxSide / long), h = Math.round(bitmap.height * MaxSide / long);
      const canvas = document.createElement("canvas");
      canvas.width = w; canvas.height = h;
      const g = canvas.getContext("2d");
      g.fillStyle = "#fff"; g.fillRect(0, 0, w, h);
      g.drawImage(bitmap, 0, 0, w, h);
      const blob = await new Promise(done => canvas.toBlob(done, "image/jpeg", Quality));
      return blob ? new File([blob], file.name.replace(/\.[^.]*$/, "") + ".jpg", { type: "image/jpeg" }) : file;
    } finally { bitmap.close(); }
  }
  document.addEventListener("change", e => {
    const input = e.target;
    if (!(input instanceof HTMLInputElement) || input.type !== "file") return;
    const box = input.closest(".m-field")?.querySelector(".m-photos");
    if (!box) return;
    box.replaceChildren(...[...input.files].map(f => { const i = new Image(); i.alt = f.name; i.src = URL.createObjectURL(f); return i; }));
  });

  // ---- GPS: forms with data-gps fill their lon/lat fields and say how well they know the place ----
  const position = { lon: null, lat: null, accuracy: null };
  function locate() {
    const forms = document.querySelectorAll("form[data-gps], [data-gps-status]");
    if (forms.length === 0 || !navigator.geolocation) return;
    const say = t => document.querySelectorAll("[data-gps-status]").forEach(s => { s.textContent = t; });
    say("正在定位…");
    navigator.geolocation.watchPosition(p => {
      Object.assign(position, { lon: +p.coords.longitude.toFixed(6), lat: +p.coords.latitude.toFixed(6), accuracy: Math.round(p.coords.accuracy) });
      for (const f of document.querySelectorAll("form[data-gps]")) {
        for (const k of ["lon", "lat"]) { const i = f.elements.namedItem(k); if (i && !i.dataset.manual) i.value = position[k]; }
      }
      say(`已定位（精度约 ${position.accuracy} 米）`);
      document.dispatchEvent(new CustomEvent("gg:position", { detail: { ...position } }));
    }, err => say(err.code === 1 ? "未获得定位权限：请在浏览器设置中允许定位，或扫描门牌二维码" : "暂时无法定位，请到开阔处重试"),
    { enableHighAccuracy: true, maximumAge: 15000, timeout: 20000 });
  }

  // ---- forms: serialised to JSON and put in the outbox ----
  async function serialise(form, submitter) {
    const body = {}, files = [];
    // The button pressed may carry a value of its own (核实无误 / 已迁出 …).
    if (submitter?.name) body[submitter.name] = submitter.dataset.type === "number" ? Number(submitter.value) : submitter.value;
    let fileField;
    for (const el of form.elements) {
      if (!el.name || el.disabled || el.type === "submit" || el.type === "button" || el.name === "__RequestVerificationToken") continue;
      if (el.type === "file") { fileField = el.name; files.push(...await Promise.all([...el.files].map(shrink))); continue; }
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) {
        // A list of yes/no boxes (data-multi, a checklist) keeps its order: an unticked box is false.
        if (el.type === "checkbox" && el.value === "true" && el.dataset.multi !== undefined) (body[el.name] ??= []).push(false);
        else if (el.type === "checkbox" && el.value === "true" && !(el.name in body)) body[el.name] = false;
        continue;
      }
      let v = el.value;
      if (el.type === "checkbox" && el.value === "true") v = true;
      else if (v === "") v = null;
      else if (el.type === "number" || el.dataset.type === "number") v = Number(v);
      else if (el.dataset.type === "list") v = v.split(",").filter(Boolean);
      if (el.dataset.multi !== undefined) (body[el.name] ??= []).push(v);
      else if (el.type === "checkbox" && el.value !== "true") (body[el.name] ??= []).push(v);
      else body[el.name] = v;
    }
    return { body, files, fileField };
  }

  document.addEventListener("submit", async e => {
    const form = e.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.outbox) return;
    e.preventDefault();
    const submit = e.submitter || form.querySelector("[type=submit]");
    if (submit) submit.disabled = true;
    try {
      const ask = e.submitter?.dataset.confirm || form.dataset.confirm;
      if (ask && !confirm(ask)) return;
      const { body, files, fileField } = await serialise(form, e.submitter);
      const label = (form.dataset.label || "提交") + (e.submitter?.dataset.label ? `：${e.submitter.dataset.label}` : "");
      const item = await add({ url: form.dataset.outbox, method: form.dataset.method || "POST", body, files, fileField, label });
      const answers = await flush();
      const left = (await mine()).find(i => i.clientId === item.clientId);
      if (left?.error) { toast(`未能提交：${left.error}`, 6000); showError(form, left.error); return; }
      if (left) { toast("网络不通，已保存到“待发送”，联网后自动发送", 4500); form.reset(); afterQueued(form); return; }
      const answer = answers[item.clientId] || {};
      form.dispatchEvent(new CustomEvent("gg:sent", { detail: answer, bubbles: true }));
      toast(form.dataset.sent || "已提交");
      const next = form.dataset.done;
      if (next) setTimeout(() => { location.href = next.replace(/\{([\w.]+)\}/g, (_, path) => path.split(".").reduce((o, k) => o?.[k], answer) ?? ""); }, 600);
      else form.reset();
    } finally { if (submit) submit.disabled = false; }
  });
  function showError(form, text) {
    let el = form.querySelector(".m-form-error");
    if (!el) { el = document.createElement("div"); el.className = "m-alert bad m-form-error"; el.setAttribute("role", "alert"); form.prepend(el); }
    el.textContent = text;
    el.scrollIntoView({ block: "center" });
  }
  function afterQueued(form) {
    if (form.dataset.queued) setTimeout(() => { location.href = form.dataset.queued; }, 900);
  }

  // A form's data-now fields say when it was filled in, before the outbox takes it: a submission
  // kept offline and sent hours later still carries its own time.
  document.addEventListener("submit", e => {
    if (e.target instanceof HTMLFormElement)
      for (const i of e.target.querySelectorAll("input[data-now]")) i.value = new Date().toISOString();
  }, true);

  // Logging out ends the session; the pages kept for offline use go with it (the outbox stays: it is
  // sent when the same person logs in again).
  document.addEventListener("submit", e => {
    if (e.target instanceof HTMLFormElement && e.target.dataset.clearCache !== undefined && window.caches)
      caches.keys().then(keys => keys.forEach(k => caches.delete(k)));
  }, true);

  document.getElementById("m-outbox-send")?.addEventListener("click", () => flush());

  window.GG = { add, flush, toast, position, items: mine };
  addEventListener("online", () => { net(); flush(); });
  addEventListener("offline", net);
  net();
  locate();
  render().then(flush);
  setInterval(() => { if (navigator.onLine) flush(); }, 20000);
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/m/sw.js", { scope: "/m" }).catch(() => {});
})();
