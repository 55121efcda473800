// The report form on a phone: find a class by typing, pick a recent one with a tap, and before
// sending, offer the open tickets nearby that look like the same problem (已有人上报？).
(() => {
  "use strict";
  const form = document.getElementById("m-report");
  if (!form) return;
  const select = document.getElementById("m-category"), search = document.getElementById("m-cat-search");

  search?.addEventListener("input", () => {
    const q = search.value.trim();
    let first = null;
    for (const group of select.querySelectorAll("optgroup")) {
      let any = false;
      for (const o of group.querySelectorAll("option")) {
        const hit = !q || o.textContent.includes(q) || group.label.includes(q);
        o.hidden = !hit;
        if (hit) { any = true; first ??= o; }
      }
      group.hidden = !any;
    }
    // One tap less: the first match is chosen, the list shows the rest.
    if (q && first) select.value = first.value;
  });
  document.getElementById("m-recent")?.addEventListener("click", e => {
    const code = e.target.closest("[data-pick]")?.dataset.pick;
    if (!code) return;
    select.value = code;
    for (const b of document.querySelectorAll("[data-pick]")) b.classList.toggle("primary", b.dataset.pick === code);
  });

  const offers = document.getElementById("m-offers"), list = document.getElementById("m-offer-list");
  let checked = false;
  const send = () => { checked = true; offers.hidden = true; form.requestSubmit(); };
  document.getElementById("m-offer-none")?.addEventListener("click", () => { form.elements.duplicateOf.value = ""; send(); });

  // Runs before m.js's handler (which listens on the document): holds the first submit back while it asks.
  form.addEventListener("submit", async e => {
    // The outbox names the report by its class, so the worker knows which one waits.
    const picked = select.selectedOptions[0];
    if (picked?.value && !form.elements.duplicateOf.value) form.dataset.label = `上报：${picked.textContent.trim()}`;
    if (checked || !navigator.onLine) return;
    e.preventDefault();
    e.stopPropagation();
    const body = {
      categoryCode: select.value, description: form.elements.description.value,
      lon: num(form.elements.lon?.value), lat: num(form.elements.lat?.value), gridCode: num(form.elements.gridCode?.value),
    };
    let found = [];
    try {
      const r = await fetch("/api/v1/tickets/similar", {
        method: "POST", credentials: "same-origin", body: JSON.stringify(body),
        headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": document.querySelector('meta[name="csrf-token"]')?.content || "" },
      });
      if (r.ok) found = await r.json();
    } catch { /* no network after all: the outbox keeps the report */ }
    if (found.length === 0) { send(); return; }
    list.replaceChildren(...found.map(c => {
      const b = document.createElement("button");
      b.type = "button"; b.className = "m-offer"; b.dataset.ticket = c.id;
      const head = document.createElement("b"); head.textContent = `${c.number} · ${c.stateName}`;
      const text = document.createElement("div"); text.textContent = c.description.length > 80 ? c.description.slice(0, 80) + "…" : c.description;
      const why = document.createElement("div"); why.className = "m-muted"; why.textContent = c.reason;
      const act = document.createElement("div"); act.style.color = "#1664d9"; act.textContent = "是同一问题，关联到此工单";
      b.append(head, text, why, act);
      b.addEventListener("click", () => { form.elements.duplicateOf.value = c.id; form.dataset.label = `关联到 ${c.number} 的上报`; send(); });
      return b;
    }));
    offers.hidden = false;
    offers.scrollIntoView({ block: "start", behavior: "smooth" });
  });
  const num = v => (v === undefined || v === null || v === "") ? null : Number(v);
})();
