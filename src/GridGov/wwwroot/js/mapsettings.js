// 地图设置's preview: the city's districts over the base map being edited (saved or not), and 测试,
// which asks the tile server for one tile of each layer where the preview is centred.
import { createMap, tileUrl, unusable } from './basemap.js';

const maps = new Map();

// Images from an address not saved yet are allowed only by this page's own document policy; a page
// reached by in-app navigation still has the policy of the page first loaded, so it loads itself.
export function ownDocument(path) {
  const first = performance.getEntriesByType('navigation')[0];
  if (first && new URL(first.name).pathname !== path) { location.reload(); return false; }
  return true;
}

export function preview(id, collection, setting) {
  dispose(id);
  const el = document.getElementById(id);
  if (!el) return;
  const map = createMap(el, { attributionControl: false, zoomSnap: 0.25 }, setting);
  maps.set(id, map);
  const drawn = (collection?.features ?? []).filter(f => f.geometry);
  const shape = drawn.length ? { type: 'FeatureCollection', features: drawn } : collection?.parent?.geometry;
  const area = shape ? L.geoJSON(shape, {
    style: { color: '#1677ff', weight: 1.5, fillColor: '#1677ff', fillOpacity: 0.06 },
    onEachFeature: (f, layer) => { if (f.properties?.name) layer.bindTooltip(f.properties.name, { sticky: true }); },
  }) : null;
  if (area && area.getBounds().isValid()) map.fitBounds(area.getBounds(), { padding: [10, 10] });
  else map.setView([32.06, 118.79], 10);
  if (area) area.addTo(map);
  el.setAttribute('data-ready', '1');
}

function loads(url) {
  return new Promise(resolve => {
    const img = new Image();
    const timer = setTimeout(() => { img.src = ''; resolve(false); }, 10000);
    img.onload = () => { clearTimeout(timer); resolve(img.naturalWidth > 0); };
    img.onerror = () => { clearTimeout(timer); resolve(false); };
    img.src = url;
  });
}

// One tile of the base layer and one of the labels, at level 12 where the preview is centred.
export async function test(id, setting) {
  const map = maps.get(id);
  const c = map ? map.getCenter() : L.latLng(32.06, 118.79);
  const results = [];
  for (const [layer, template] of [['底图', setting.tileUrl], ['注记', setting.annotationUrl]]) {
    if (!template) continue;
    const error = unusable(template);
    if (error) { results.push({ layer, ok: false, z: 12, x: 0, y: 0, error }); continue; }
    const tile = tileUrl(template, setting, c.lng, c.lat, 12);
    results.push({ layer, ok: await loads(tile.url), z: tile.z, x: tile.x, y: tile.y, error: null });
  }
  return results;
}

export function dispose(id) {
  const map = maps.get(id);
  if (map) { map.remove(); maps.delete(id); }
}
