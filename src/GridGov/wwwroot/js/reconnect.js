// Our own reconnect dialog (the element #components-reconnect-modal in App.razor), in Chinese:
// with that element on the page Blazor shows none of its English texts, it only tells us the state.
// A plain script (no inline handlers: the site's CSP allows none).
(() => {
    const modal = document.getElementById("components-reconnect-modal");
    if (!modal) return;
    // Blazor fills the counter itself; set here too, so it never shows a stale number.
    const attempt = document.getElementById("components-reconnect-current-attempt");

    modal.addEventListener("components-reconnect-state-changed", e => {
        const d = e.detail || {};
        // show, retrying, failed, rejected, paused, resume-failed, hide
        modal.dataset.state = d.state;
        if (d.state === "show" || d.state === "retrying") attempt.textContent = String(Math.max(1, d.currentAttempt || 1));
        if (d.state === "failed") document.addEventListener("visibilitychange", retryWhenVisible);
        if (d.state === "hide") document.removeEventListener("visibilitychange", retryWhenVisible);
    });

    document.getElementById("gg-reconnect-retry").addEventListener("click", retry);
    document.getElementById("gg-reconnect-resume").addEventListener("click", resume);
    for (const b of modal.querySelectorAll(".gg-reconnect-reload")) b.addEventListener("click", () => location.reload());

    async function retry() {
        document.removeEventListener("visibilitychange", retryWhenVisible);
        modal.dataset.state = "retrying";
        try {
            // false: the server answered but no longer knows this circuit; then try to resume its
            // saved state, and if that is gone too, the page must be loaded again.
            if (!await Blazor.reconnect() && !await Blazor.resumeCircuit()) modal.dataset.state = "rejected";
        } catch {
            // The server is still out of reach.
            modal.dataset.state = "failed";
            document.addEventListener("visibilitychange", retryWhenVisible);
        }
    }

    async function resume() {
        try { if (!await Blazor.resumeCircuit()) modal.dataset.state = "rejected"; }
        catch { modal.dataset.state = "rejected"; }
    }

    // A laptop that wakes up or a tab brought back tries again at once instead of waiting for a click.
    async function retryWhenVisible() {
        if (document.visibilityState === "visible") await retry();
    }
})();
