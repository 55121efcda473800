// A few English words AntDesign's components carry in attributes whatever the locale (the range
// picker's separator is aria-label="to", a drawer's close button "Close", read out by screen readers): put
// into Chinese as they appear.
(() => {
    const words = { to: "至", Close: "关闭" };
    const fix = root => {
        for (const el of root.querySelectorAll?.("[aria-label]") ?? []) {
            const zh = words[el.getAttribute("aria-label")];
            if (zh) el.setAttribute("aria-label", zh);
        }
    };
    new MutationObserver(changes => {
        for (const c of changes) for (const n of c.addedNodes) if (n.nodeType === 1) { fix(n); if (n.getAttribute("aria-label") in words) fix(n.parentNode); }
    }).observe(document.documentElement, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", () => fix(document));
})();
