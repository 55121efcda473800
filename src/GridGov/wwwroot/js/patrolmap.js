// 巡查轨迹 (the office's /patrols): the unit's grids coloured by how much of each was walked, and
// the patrols' tracks as lines, drawn as vector layers (over the city's base map, if any: basemap.js).
import { createMap, escapeHtml } from './basemap.js';
const maps = new Map();
const palette = ['#1677ff', '#722ed1', '#13c2c2', '#eb2f96', '#fa8c16', '#2f54eb', '#52c41a', '#a0d911'];

function gridStyle(c) {
  if (!c) return { color: '#8c8c8c', weight: 1, fillColor: '#d9d9d9', fillOpacity: 0.15 };
  if (c.uncovered) return { color: '#cf1322', weight: 1.5, fillColor: '#ff4d4f', fillOpacity: 0.18 };
  if (c.share != null && c.share < 0.3) return { color: '#d46b08', weight: 1, fillColor: '#ffa940', fillOpacity: 0.16 };
  return { color: '#389e0d', weight: 1, fillColor: '#73d13d', fillOpacity: 0.14 };
}

export function show(id, collection, coverage, tracks) {
  dispose(id);
  const el = document.getElementById(id);
  if (!el) return;
  const map = createMap(el, { attributionControl: false, zoomSnap: 0.25 });
  const state = { map, lines: new Map() };
  maps.set(id, state);
  const byGrid = new Map((coverage?.grids ?? []).map(g => [String(g.gridCode), g]));
  const drawn = (collection?.features ?? []).filter(f => f.geometry);
  const shapes = drawn.length ? drawn : collection?.parent?.geometry
    ? [{ type: 'Feature', properties: { code: collection.parent.code, name: collection.parent.name }, geometry: collection.parent.geometry }] : [];
  const area = L.geoJSON({ type: 'FeatureCollection', features: shapes }, {
    style: f => gridStyle(byGrid.get(String(f.properties.code))),
    onEachFeature: (f, layer) => {
      const c = byGrid.get(String(f.properties.code));
      const text = c ? (c.uncovered ? '未巡查' : `覆盖 ${c.share == null ? '—' : Math.round(c.share * 100) + '%'} · 巡查 ${c.patrols} 次`) : '';
      layer.bindTooltip(`${escapeHtml(f.properties.name)}${text ? '<br>' + text : ''}`, { sticky: true });
    },
  }).addTo(map);
  const lines = L.featureGroup().addTo(map);
  (tracks ?? []).forEach((t, i) => {
    if (!t.line.length) return;
    const latlngs = t.line.map(p => [p[1], p[0]]);
    const colour = palette[i % palette.length];
    const at = new Date(t.startedAt).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });
    const km = t.distanceMeters < 1000 ? `${Math.round(t.distanceMeters)} 米` : `${(t.distanceMeters / 1000).toFixed(2)} 公里`;
    const tip = `${escapeHtml(t.workerName)} · ${at} 开始 · ${km}`;
    const line = latlngs.length > 1 ? L.polyline(latlngs, { color: colour, weight: 3, opacity: 0.9 }).bindTooltip(tip, { sticky: true }) : null;
    const start = L.circleMarker(latlngs[0], { radius: 4, color: '#fff', weight: 1, fillColor: colour, fillOpacity: 1 }).bindTooltip(tip);
    const group = L.featureGroup([line, start].filter(Boolean)).addTo(lines);
    state.lines.set(String(t.id), group);
    group.on('add', () => { const p = line?.getElement?.(); if (p) p.setAttribute('data-patrol', String(t.id)); });
    const p = line?.getElement?.();
    if (p) p.setAttribute('data-patrol', String(t.id));
  });
  const bounds = area.getBounds().isValid() ? area.getBounds() : lines.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [10, 10] }); else map.setView([32.06, 118.79], 11);
  el.setAttribute('data-tracks', String(state.lines.size));
  el.setAttribute('data-ready', '1');
}

// One patrol picked in the table: its track in front and in view.
export function focus(id, patrolId) {
  const state = maps.get(id);
  const group = state?.lines.get(String(patrolId));
  if (!group) return;
  state.lines.forEach((g, key) => g.eachLayer(l => l.setStyle?.({ opacity: key === String(patrolId) ? 1 : 0.25, weight: key === String(patrolId) ? 5 : 3 })));
  group.bringToFront?.();
  state.map.fitBounds(group.getBounds(), { padding: [30, 30], maxZoom: 18 });
}

export function dispose(id) {
  const state = maps.get(id);
  if (state) { state.map.remove(); maps.delete(id); }
}
