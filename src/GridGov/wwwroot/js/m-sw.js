// The terminal's service worker (served as /m/sw.js, scope /m): the pages a worker needs when the
// network drops — home, report, patrol, outbox — open from the last copy; their stylesheet and
// script come from the cache. Everything else goes to the network as usual. Submissions never pass
// through here: the outbox in m.js keeps and resends them.
const Cache = "gridgov-m-1";
const Shell = ["/m", "/m/report", "/m/patrol", "/m/outbox"];

// The shell is fetched as soon as the worker installs, so that a page never opened before still opens
// offline. A page that answers with the login page (a session already ended) is not kept.
self.addEventListener("install", e => e.waitUntil((async () => {
  const cache = await caches.open(Cache);
  await Promise.all(Shell.map(async path => {
    try {
      const r = await fetch(path, { credentials: "same-origin" });
      if (r.ok && !r.redirected) await cache.put(path, r);
    } catch { /* offline while installing: the pages are kept as they are opened */ }
  }));
  await self.skipWaiting();
})()));
self.addEventListener("activate", e => e.waitUntil((async () => {
  for (const k of await caches.keys()) if (k !== Cache) await caches.delete(k);
  await self.clients.claim();
})()));

self.addEventListener("fetch", e => {
  const r = e.request, url = new URL(r.url);
  if (r.method !== "GET" || url.origin !== location.origin) return;
  if (r.mode === "navigate" && Shell.includes(url.pathname)) e.respondWith(networkFirst(r));
  else if (/^\/(css\/m\.|js\/m[.-]|favicon)/.test(url.pathname)) e.respondWith(cacheFirst(r));
});

async function networkFirst(r) {
  const cache = await caches.open(Cache);
  try {
    const fresh = await fetch(r);
    // Only a real page of the signed-in worker is kept, never a redirect to the login page.
    if (fresh.ok && !fresh.redirected) cache.put(r, fresh.clone());
    return fresh;
  } catch {
    return (await cache.match(r)) || (await cache.match("/m/outbox")) ||
      new Response("<!doctype html><meta charset=utf-8><meta name=viewport content='width=device-width'><p style='font:16px sans-serif;padding:24px'>当前离线，此页面暂不可用。已保存的提交会在联网后自动发送。</p>",
        { headers: { "Content-Type": "text/html; charset=utf-8" } });
  }
}

async function cacheFirst(r) {
  const cache = await caches.open(Cache);
  const hit = await cache.match(r);
  if (hit) return hit;
  const fresh = await fetch(r);
  if (fresh.ok) cache.put(r, fresh.clone());
  return fresh;
}
