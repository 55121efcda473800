// "返回上一页" on the 403 and 404 pages: one listener for the whole document, so it works on a page
// rendered statically (a 404 is) as on an interactive one. Without script the link leads to the workbench.
document.addEventListener("click", e => {
    const back = e.target.closest("[data-gg-back]");
    if (!back || history.length <= 1) return;
    e.preventDefault();
    history.back();
});
