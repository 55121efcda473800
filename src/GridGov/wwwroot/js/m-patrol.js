// 网格巡查 on the phone (/m/patrol): records the walk and hands it to the outbox of m.js.
//
// The patrol lives in localStorage while it runs (it survives a reload, a dead battery's warning, a
// page opened from the cache offline): its id once known, its start, the points not yet handed to
// the outbox, and the totals shown. Positions come from watchPosition; a fix is kept when 15 s have
// passed or the worker moved 20 m since the last kept one. Every 30 s (and at the end, and when the
// network returns) the kept points go into the outbox as one batch, which sends them or keeps them
// until the network is back.
//
// Start also goes through the outbox, so a worker can start with no signal. Its id is needed to send
// points, so until it is known the points stay here; once the start has been sent the running patrol
// is asked of the server (one runs per worker, so it is this one), and the points follow. An end
// tapped before that waits here too and is queued after the points.
(() => {
  "use strict";
  const root = document.getElementById("m-patrol");
  if (!root) return;
  const user = document.querySelector(".m-app")?.dataset.user || "";
  const Key = `gg-patrol:${user}`;
  const KeepSeconds = 15, KeepMeters = 20, MaxAccuracy = 200, MaxKmh = 40, SendEvery = 30000, Batch = 500;
  const PointsUrl = /^\/api\/v1\/terminal\/patrols\/\d+\/points$/;
  const $ = id => document.getElementById(id);
  let s = load(), watch = null, wake = null, chain = Promise.resolve();

  function load() { try { return JSON.parse(localStorage.getItem(Key)) || null; } catch { return null; } }
  function save() { if (s) localStorage.setItem(Key, JSON.stringify(s)); else localStorage.removeItem(Key); }

  function meters(a, b) {
    const rad = d => d * Math.PI / 180, R = 6371008.8;
    const dLat = rad(b.lat - a.lat), dLon = rad(b.lon - a.lon);
    const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
    return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  // ---- recording ----
  function onFix(p) {
    if (!s || s.endAt) return;
    const c = p.coords, acc = Math.round(c.accuracy);
    if (!(acc <= MaxAccuracy)) { gps(`定位精度较差（约 ${acc} 米），该位置不记录`); return; }
    gps(`定位正常（精度约 ${acc} 米）`);
    // The phone's clock, not the fix's stamp: some phones stamp cached fixes from before the start.
    const t = Math.max(Date.now(), s.startedAt);
    const pt = { at: new Date(t).toISOString(), lon: +c.longitude.toFixed(6), lat: +c.latitude.toFixed(6), accuracy: acc };
    if (s.last) {
      const d = meters(s.last, pt), dt = (t - s.last.t) / 1000;
      if (dt <= 0 || (dt < KeepSeconds && d < KeepMeters)) return;
      // The server's rule: a jump faster than 40 km/h is no walked distance.
      if (d / dt * 3.6 <= MaxKmh) s.dist += d;
    }
    s.last = { lon: pt.lon, lat: pt.lat, t };
    s.buf.push(pt);
    s.kept++;
    save();
    show();
  }
  function startWatch() {
    if (!navigator.geolocation) { gps("此设备不支持定位，无法记录轨迹"); return; }
    if (watch === null) {
      gps("正在定位…");
      watch = navigator.geolocation.watchPosition(onFix,
        e => gps(e.code === 1 ? "未获得定位权限：请在浏览器设置中允许定位" : "暂时无法定位，请到开阔处"),
        { enableHighAccuracy: true, maximumAge: 5000, timeout: 30000 });
    }
    // Keep the screen on while walking where the phone allows it: a locked page records nothing.
    if (!wake && navigator.wakeLock) navigator.wakeLock.request("screen").then(w => { wake = w; w.addEventListener("release", () => { wake = null; }); }).catch(() => {});
  }
  function stopWatch() {
    if (watch !== null) navigator.geolocation.clearWatch(watch);
    watch = null;
    wake?.release().catch(() => {});
  }

  // ---- sending: one pass at a time ----
  const pump = () => (chain = chain.then(pumpNow).catch(() => {}));
  async function pumpNow() {
    if (!s || !window.GG) return;
    if (!s.id) await resolve();
    if (!s || !s.id) return;
    const id = s.id;
    while (s.buf.length) {
      const batch = s.buf.slice(0, Batch);
      await GG.add({ url: `/api/v1/terminal/patrols/${id}/points`, body: { points: batch }, label: `巡查轨迹：${batch.length} 个点` });
      // Dropped only once queued; a crash in between sends them twice, which the server ignores.
      s.buf = s.buf.slice(batch.length);
      save();
    }
    if (s.endAt) {
      const end = await GG.add({ url: `/api/v1/terminal/patrols/${id}/end`, body: { note: s.note, clientEndedAt: new Date(s.endAt).toISOString() }, label: "结束巡查" });
      s = null;
      save();
      await GG.flush();
      const left = (await GG.items()).some(i => i.clientId === end.clientId);
      if (left) { GG.toast("网络不通：巡查已结束，记录保存在本机，联网后自动发送", 4500); show(); }
      else { GG.toast("巡查已结束"); setTimeout(() => location.reload(), 700); }
      return;
    }
    await GG.flush();
  }

  // The id of a start sent through the outbox: still waiting there, refused there, or sent — then
  // the server's running patrol is this one.
  async function resolve() {
    const start = (await GG.items()).find(i => i.clientId === s.startClientId);
    if (start) {
      if (start.error) fail(`开始巡查未成功：${start.error}。请到“待发送”删除该条后重新开始。`);
      return;
    }
    let r;
    try { r = await fetch("/api/v1/terminal/patrols/current", { credentials: "same-origin", headers: { Accept: "application/json" } }); }
    catch { return; }
    if (!r.ok) return;
    const running = (await r.json()).running;
    if (!s) return;
    if (running) { s.id = running.id; save(); show(); return; }
    // No start was sent (deleted from the outbox) and nothing runs: the walk cannot be filed.
    s = null;
    save();
    stopWatch();
    fail("巡查未能开始（开始记录已删除或被退回），本机记录的轨迹无法保存，请重新开始巡查。");
    show();
  }

  // ---- the worker's taps ----
  async function start() {
    if (s || !window.GG) return;
    const grid = $("m-patrol-grid");
    const now = Date.now();
    const body = { clientStartedAt: new Date(now).toISOString() };
    if (grid) body.gridCode = Number(grid.value);
    $("m-patrol-start").disabled = true;
    fail("");
    const item = await GG.add({ url: "/api/v1/terminal/patrols", body, label: "开始巡查" });
    s = { id: null, startClientId: item.clientId, startedAt: now, buf: [], kept: 0, dist: 0, last: null, endAt: null, note: null };
    save();
    startWatch();
    show();
    const answer = (await GG.flush())[item.clientId];
    if (answer?.id && s && !s.id) { s.id = answer.id; save(); show(); GG.toast("巡查已开始"); }
    else if (!navigator.onLine) GG.toast("网络不通：巡查已在本机开始，联网后自动发送", 4500);
    pump();
  }

  async function end() {
    if (!s || s.endAt) return;
    if (!confirm("确定结束本次巡查？")) return;
    s.endAt = Date.now();
    s.note = $("m-patrol-note").value.trim() || null;
    save();
    stopWatch();
    show();
    await pump();
  }

  // ---- what the worker sees ----
  function gps(text) { $("m-patrol-gps").textContent = text; }
  function fail(text) { const e = $("m-patrol-error"); e.textContent = text; e.hidden = !text; }
  const pad = n => String(n).padStart(2, "0");
  function elapsed(ms) {
    const t = Math.max(0, Math.floor(ms / 1000)), h = Math.floor(t / 3600), m = Math.floor(t % 3600 / 60);
    return h ? `${h}:${pad(m)}:${pad(t % 60)}` : `${m}:${pad(t % 60)}`;
  }
  const km = m => m < 1000 ? `${Math.round(m)} 米` : `${(m / 1000).toFixed(2)} 公里`;

  function show() {
    $("m-patrol-idle").hidden = !!s;
    $("m-patrol-run").hidden = !s;
    $("m-patrol-start").disabled = !!s || root.querySelector(".m-alert.warn") !== null;
    if (s) {
      root.dataset.patrolId = s.id ?? "";
      $("m-patrol-elapsed").textContent = elapsed((s.endAt || Date.now()) - s.startedAt);
      $("m-patrol-distance").textContent = km(s.dist);
      $("m-patrol-points").textContent = s.kept;
      $("m-patrol-phase").textContent = s.endAt ? "已结束，等待联网发送" : s.id ? "记录中" : "记录中，等待联网开始";
      $("m-patrol-ending").hidden = !!s.endAt;
    }
    waiting();
  }
  // Points not yet at the server: those kept here and those in the outbox.
  async function waiting() {
    if (!window.GG) return;
    const queued = (await GG.items()).filter(i => PointsUrl.test(i.url)).reduce((n, i) => n + (i.body?.points?.length || 0), 0);
    const n = (s ? s.buf.length : 0) + queued;
    $("m-patrol-waiting").textContent = n;
    $("m-patrol-queued").textContent = n;
    $("m-patrol-queue").hidden = !!s || n === 0;
  }

  // The server's word on a fresh page (online, just rendered): a patrol running there that this
  // phone does not know (started elsewhere, or local data cleared) is picked up, unless its end is
  // already waiting in the outbox; a patrol this phone runs that the server no longer runs was ended
  // elsewhere: its last points are queued and the phone stops.
  async function reconcile() {
    const rendered = Date.parse(root.dataset.rendered);
    if (!navigator.onLine || !(Math.abs(Date.now() - rendered) < 10 * 60000)) return;
    const running = root.dataset.runningId ? Number(root.dataset.runningId) : null;
    const items = await GG.items();
    if (!s && running && !items.some(i => i.url === `/api/v1/terminal/patrols/${running}/end`)) {
      s = { id: running, startClientId: null, startedAt: Date.parse(root.dataset.runningStarted), buf: [], kept: Number(root.dataset.runningPoints || 0),
        dist: Number(root.dataset.runningDistance || 0), last: null, endAt: null, note: null };
      save();
    } else if (s && s.id && !s.endAt && running !== s.id) {
      const old = s;
      s = null;
      save();
      if (old.buf.length) await GG.add({ url: `/api/v1/terminal/patrols/${old.id}/points`, body: { points: old.buf }, label: `巡查轨迹：${old.buf.length} 个点` });
      GG.toast("该巡查已在其他设备上结束", 4500);
    }
  }

  document.addEventListener("DOMContentLoaded", async () => {
    $("m-patrol-start").addEventListener("click", start);
    $("m-patrol-end").addEventListener("click", end);
    await reconcile();
    if (s && !s.endAt) startWatch();
    show();
    pump();
    setInterval(() => { if (s) $("m-patrol-elapsed").textContent = elapsed((s.endAt || Date.now()) - s.startedAt); }, 1000);
    setInterval(waiting, 2000);
    setInterval(pump, SendEvery);
    // A start sent in the background (by the outbox's own retries) is learnt of soon.
    setInterval(() => { if (s && !s.id && navigator.onLine) pump(); }, 5000);
    addEventListener("online", pump);
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible" && s && !s.endAt) startWatch(); });
  });
})();
