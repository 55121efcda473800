// Leaflet speaks English by default (the zoom buttons' tooltips, the attribution's prefix); before any
// map is made, its defaults are set to Chinese.
if (window.L) {
    L.Control.Zoom.prototype.options.zoomInTitle = "放大";
    L.Control.Zoom.prototype.options.zoomOutTitle = "缩小";
    L.Control.Attribution.prototype.options.prefix = "";
}
