// The sidebar remembers that it was collapsed: a cookie, so that the server renders the page
// collapsed from the start (no flash), kept for a year.
export function setCollapsed(collapsed) {
    document.cookie = `gg-sider=${collapsed ? "1" : "0"}; path=/; max-age=31536000; samesite=lax`;
}

export function collapsed() {
    return document.cookie.split("; ").includes("gg-sider=1");
}
