// The base map under every Leaflet map of the app (ADR 0017). Without a setting the maps are what they
// always were: vector layers on a blank ground, no tile request. With one (地图设置), its tiles go
// underneath; tiles drawn in GCJ-02 (国测局) get a map whose projection shifts WGS-84 to GCJ-02 before
// Web Mercator and back when reading a position, so every point we store, draw and get from a click
// stays WGS-84 while it lines up with the tiles.

// The published WGS-84 → GCJ-02 formula (Krasovsky 1940 ellipsoid), as eviltransform and coordtransform
// give it; China only, elsewhere positions are not shifted.
const A = 6378245.0, EE = 0.00669342162296594323, PI = Math.PI;

export function outOfChina(lng, lat) {
  return lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;
}

export function wgsToGcj(lng, lat) {
  if (outOfChina(lng, lat)) return [lng, lat];
  const x = lng - 105.0, y = lat - 35.0;
  const wave = (20.0 * Math.sin(6.0 * x * PI) + 20.0 * Math.sin(2.0 * x * PI)) * 2.0 / 3.0;
  let dLat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x)) + wave
    + (20.0 * Math.sin(y * PI) + 40.0 * Math.sin(y / 3.0 * PI)) * 2.0 / 3.0
    + (160.0 * Math.sin(y / 12.0 * PI) + 320.0 * Math.sin(y * PI / 30.0)) * 2.0 / 3.0;
  let dLng = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x)) + wave
    + (20.0 * Math.sin(x * PI) + 40.0 * Math.sin(x / 3.0 * PI)) * 2.0 / 3.0
    + (150.0 * Math.sin(x / 12.0 * PI) + 300.0 * Math.sin(x / 30.0 * PI)) * 2.0 / 3.0;
  const rad = lat / 180.0 * PI;
  const magic = 1 - EE * Math.sin(rad) * Math.sin(rad);
  const root = Math.sqrt(magic);
  dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * root) * PI);
  dLng = (dLng * 180.0) / (A / root * Math.cos(rad) * PI);
  return [lng + dLng, lat + dLat];
}

// The formula has no closed inverse: the shift changes slowly with position, so subtracting the
// shift seen at the current guess converges to well under a millimetre in a few steps.
export function gcjToWgs(lng, lat) {
  if (outOfChina(lng, lat)) return [lng, lat];
  let wLng = lng, wLat = lat;
  for (let i = 0; i < 30; i++) {
    const [gLng, gLat] = wgsToGcj(wLng, wLat);
    const eLng = gLng - lng, eLat = gLat - lat;
    wLng -= eLng;
    wLat -= eLat;
    if (Math.abs(eLng) < 1e-12 && Math.abs(eLat) < 1e-12) break;
  }
  return [wLng, wLat];
}

let gcj = null;
// Web Mercator of the GCJ-02 position: EPSG:3857 in every other respect (tile grid, scale, distances).
export function gcj02Crs() {
  if (gcj) return gcj;
  const mercator = L.Projection.SphericalMercator;
  const projection = {
    bounds: mercator.bounds,
    project(latlng) {
      const [lng, lat] = wgsToGcj(latlng.lng, latlng.lat);
      return mercator.project(L.latLng(lat, lng));
    },
    unproject(point) {
      const shifted = mercator.unproject(point);
      const [lng, lat] = gcjToWgs(shifted.lng, shifted.lat);
      return L.latLng(lat, lng);
    },
  };
  gcj = L.Util.extend({}, L.CRS.EPSG3857, { code: 'GCJ02', projection });
  return gcj;
}

// The setting, read once per page load (before any map of the page is made: the modules that draw
// maps import this one, so their import waits for it). Unreadable → no base map, as before.
async function load() {
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), 5000);
  try {
    const r = await fetch(new URL('api/v1/org/basemap', document.baseURI), { credentials: 'same-origin', headers: { Accept: 'application/json' }, signal: stop.signal });
    return r.ok ? await r.json() : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

const saved = await load();

export function setting() {
  return saved;
}

export function hasTiles(s) {
  return !!(s && s.tiles && s.tileUrl);
}

export function crsOf(s) {
  return hasTiles(s) && s.coordinates === 'Gcj02' ? gcj02Crs() : L.CRS.EPSG3857;
}

// Every map of the app is made here: Leaflet's options as the module would give them, plus the base
// map's projection, tiles and attribution. `s` is the saved setting unless a page previews another.
export function createMap(el, options, s = saved) {
  const tiles = hasTiles(s);
  const map = L.map(el, Object.assign({}, options, tiles ? { crs: crsOf(s), attributionControl: !!s.attribution } : {}));
  if (tiles) addTiles(map, s);
  el.setAttribute('data-basemap', tiles ? s.coordinates : 'none');
  return map;
}

function subdomainsOf(text) {
  return !text ? 'abc' : text.includes(',') ? text.split(',') : text;
}

// Leaflet writes tooltips and the attribution as HTML: text people typed (names, a settings form) is
// escaped first, so it stays text.
export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function layerOptions(s) {
  // Beyond the server's last level the tiles are enlarged rather than gone: a grid's map zooms past 18.
  return { subdomains: subdomainsOf(s.subdomains), tk: s.key ?? '', maxNativeZoom: s.maxZoom, maxZoom: 22 };
}

// Leaflet throws on a placeholder it cannot fill; a saved template never has one (the server checks),
// but the settings page previews what is being typed. Null when usable, else the Chinese reason.
const known = new Set(['z', 'x', 'y', '-y', 's', 'r', 'tk']);
export function unusable(template) {
  const odd = [...String(template).matchAll(/\{ *([\w_ -]+) *\}/g)].map(m => m[1]).filter(p => !known.has(p));
  return odd.length ? `含有无法识别的占位符 ${odd.map(p => '{' + p + '}').join('、')}` : null;
}

export function addTiles(map, s) {
  const layer = (template, options) => template && !unusable(template) ? L.tileLayer(template, Object.assign(layerOptions(s), options)).addTo(map) : null;
  const base = layer(s.tileUrl, { className: 'gg-basemap-tiles', attribution: s.attribution ? escapeHtml(s.attribution) : '' });
  const labels = layer(s.annotationUrl, { className: 'gg-basemap-labels' });
  return { base, labels };
}

// One tile of a template at a place, as a map with this setting would ask for it.
export function tileUrl(template, s, lng, lat, zoom) {
  const p = crsOf(s).latLngToPoint(L.latLng(lat, lng), zoom).divideBy(256).floor();
  const subs = subdomainsOf(s.subdomains);
  const last = Math.pow(2, zoom) - 1;
  const url = L.Util.template(template, { s: subs[Math.abs(p.x + p.y) % subs.length], z: zoom, x: p.x, y: p.y, '-y': last - p.y, r: '', tk: s.key ?? '' });
  return { url, z: zoom, x: p.x, y: p.y };
}
