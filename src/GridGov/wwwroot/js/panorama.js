// The panorama: the unit's children as a choropleth of their ticket counts (click to drill down),
// open tickets coloured by state, components, patrol tracks, and the charts beside the map. Vector layers, over the
// city's base map when it set one (basemap.js).
import { createMap, escapeHtml, hasTiles, setting } from './basemap.js';
import { makeChart, dispose as disposeChart } from './charts.js';
const views = new Map();

const stateColours = {
  Reported: '#fa8c16', Accepted: '#fadb14', Dispatched: '#1677ff', Returned: '#fa541c', Handled: '#13c2c2', Verified: '#2f54eb',
};
// Light to dark blue: more tickets, darker.
const ramp = ['#e6f4ff', '#bae0ff', '#91caff', '#69b1ff', '#4096ff', '#1677ff', '#0958d9', '#003eb3'];

function colourFor(n, max) {
  if (!n || !max) return '#f5f5f5';
  const i = Math.min(ramp.length - 1, Math.floor(Math.sqrt(n / max) * (ramp.length - 1) + 0.5));
  return ramp[i];
}

export function render(id, collection, counts, page) {
  dispose(id);
  const el = document.getElementById(id);
  if (!el) return;
  const map = createMap(el, { zoomControl: true, attributionControl: false, zoomSnap: 0.25 });
  const fill = hasTiles(setting()) ? 0.55 : 0.85;
  const view = { map, page, tracks: L.layerGroup().addTo(map), points: L.layerGroup().addTo(map), parts: L.layerGroup().addTo(map), counts };
  views.set(id, view);
  const drawn = collection.features.filter(f => f.geometry);
  const max = Math.max(0, ...drawn.map(f => counts[f.properties.code] || 0));
  const parent = collection.parent && collection.parent.geometry
    ? L.geoJSON(collection.parent.geometry, {
        style: drawn.length ? { color: '#434343', weight: 2, fill: false } : { color: '#1677ff', weight: 2, fillColor: '#1677ff', fillOpacity: 0.15 },
        interactive: false }).addTo(map)
    : null;
  const children = L.geoJSON({ type: 'FeatureCollection', features: drawn }, {
    style: f => ({ color: '#ffffff', weight: 1.2, fillColor: colourFor(counts[f.properties.code], max), fillOpacity: fill }),
    onEachFeature: (f, layer) => {
      const p = f.properties;
      layer.bindTooltip(`${escapeHtml(p.name)}<br/><small>事件 ${counts[p.code] || 0} 件</small>`, { sticky: true });
      layer.on('mouseover', () => layer.setStyle({ weight: 3, color: '#fa8c16' }));
      layer.on('mouseout', () => children.resetStyle(layer));
      layer.on('click', () => page.invokeMethodAsync('DrillDown', String(p.code)));
      layer.on('add', () => {
        const path = layer.getElement && layer.getElement();
        if (path) { path.setAttribute('data-code', String(p.code)); path.setAttribute('data-count', String(counts[p.code] || 0)); }
      });
    }
  }).addTo(map);
  view.children = children;
  if (drawn.length <= 60) {
    children.eachLayer(layer => {
      L.tooltip({ permanent: true, direction: 'center', className: 'gg-map-label', interactive: false })
        .setLatLng(layer.getBounds().getCenter()).setContent(layer.feature.properties.name).addTo(map);
    });
  }
  if (drawn.length) legend(map, max);
  const bounds = drawn.length ? children.getBounds() : parent ? parent.getBounds() : null;
  if (bounds && bounds.isValid()) map.fitBounds(bounds, { padding: [12, 12] });
  else map.setView([32.06, 118.79], 9);
  el.setAttribute('data-ready', String(drawn.length));
  if (collection.parent) el.setAttribute('data-unit', String(collection.parent.code));
}

function legend(map, max) {
  const control = L.control({ position: 'bottomleft' });
  control.onAdd = () => {
    const div = L.DomUtil.create('div', 'gg-legend');
    div.innerHTML = `<div>事件数</div><div class="gg-legend-ramp">${ramp.map(c => `<i style="background:${c}"></i>`).join('')}</div><div class="gg-legend-ends"><span>0</span><span>${max}</span></div>`;
    return div;
  };
  control.addTo(map);
}

// Only the numbers changed (a ticket moved): recolour without redrawing the map.
export function recolour(id, counts) {
  const view = views.get(id);
  if (!view || !view.children) return;
  view.counts = counts;
  const max = Math.max(0, ...Object.values(counts));
  view.children.eachLayer(layer => {
    const code = layer.feature.properties.code;
    layer.setStyle({ fillColor: colourFor(counts[code], max) });
    layer.setTooltipContent(`${layer.feature.properties.name}<br/><small>事件 ${counts[code] || 0} 件</small>`);
    const path = layer.getElement && layer.getElement();
    if (path) path.setAttribute('data-count', String(counts[code] || 0));
  });
}

export function points(id, tickets, components, showTickets, showParts) {
  const view = views.get(id);
  if (!view) return;
  view.points.clearLayers();
  view.parts.clearLayers();
  if (showTickets) for (const t of tickets) {
    L.circleMarker([t.lat, t.lon], { radius: 5, weight: t.overdue ? 2 : 1, color: t.overdue ? '#f5222d' : '#ffffff', fillColor: stateColours[t.state] || '#8c8c8c', fillOpacity: 0.95, className: 'gg-ticket-point' })
      .bindTooltip(`${t.stateName}${t.overdue ? '（已超期）' : ''}`).on('click', () => window.open(`/tickets/${t.id}`, '_blank'))
      .addTo(view.points);
  }
  if (showParts) for (const c of components) {
    L.circleMarker([c.lat, c.lon], { radius: 3, weight: 0, fillColor: '#595959', fillOpacity: 0.7 }).bindTooltip(c.name).addTo(view.parts);
  }
}

// Patrol tracks: one line each, in a few colours so that neighbouring walks tell apart; the tooltip
// says who walked, when (China time, as sent) and how far. data-tracks counts the lines drawn.
const trackColours = ['#722ed1', '#eb2f96', '#08979c', '#d4380d', '#389e0d', '#1d39c4'];

export function tracks(id, list) {
  const view = views.get(id);
  if (!view) return;
  view.tracks.clearLayers();
  let drawn = 0;
  (list ?? []).forEach((t, i) => {
    if (t.line.length < 2) return;
    const time = `${clock(t.startedAt, true)} – ${t.endedAt ? clock(t.endedAt, t.endedAt.slice(0, 10) !== t.startedAt.slice(0, 10)) : '进行中'}`;
    L.polyline(t.line.map(p => [p[1], p[0]]), { color: trackColours[i % trackColours.length], weight: 3, opacity: 0.9, className: 'gg-track' })
      .bindTooltip(`${escapeHtml(t.workerName)}（${escapeHtml(t.gridName)}）<br/><small>${time} · ${t.km.toFixed(2)} 公里</small>`, { sticky: true })
      .on('add', e => e.target.getElement()?.setAttribute('data-patrol', String(t.id)))
      .addTo(view.tracks);
    drawn++;
  });
  document.getElementById(id)?.setAttribute('data-tracks', String(drawn));
}

// "2025-03-01T09:05:00" → "03-01 09:05", or "09:05" for the end of a walk on its start's day.
function clock(at, withDate) {
  return (withDate ? at.slice(5, 10) + ' ' : '') + at.slice(11, 16);
}

export function dispose(id) {
  const view = views.get(id);
  if (view) { view.map.remove(); views.delete(id); }
  for (const chart of ['chart-source', 'chart-state']) disposeChart(chart);
}

// Charts beside the map: a donut and horizontal bars, each with 保存为图片 (charts.js).
export function donut(elId, name, data) {
  makeChart(elId, name, {
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { type: 'scroll', orient: 'vertical', right: 0, top: 32, bottom: 0, textStyle: { fontSize: 12 } },
    series: [{ type: 'pie', radius: ['45%', '72%'], center: ['32%', '55%'], label: { show: false }, data: data.map(d => ({ name: d.name, value: d.count })) }],
  });
}

export function bars(elId, name, data) {
  makeChart(elId, name, {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 24, bottom: 4, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: { type: 'category', inverse: true, data: data.map(d => d.name), axisTick: { show: false } },
    series: [{ type: 'bar', data: data.map(d => d.count), barMaxWidth: 16, label: { show: true, position: 'right' }, itemStyle: { color: '#1677ff' } }],
  });
}
