// The component page's small map: the area's outline and the filtered components as points coloured
// by state, drawn as vector layers (over the city's base map, if any: basemap.js).
import { createMap, escapeHtml } from './basemap.js';
const maps = new Map();
// The form's map: its pin and the bounds of the area drawn on it.
const pins = new Map();
const areas = new Map();
const byName = { Intact: '#52c41a', Damaged: '#f5222d', Missing: '#595959', Occupied: '#fa8c16', Retired: '#bfbfbf' };
const byIndex = ['#52c41a', '#f5222d', '#595959', '#fa8c16', '#bfbfbf'];

export function show(id, areaGeojson, points) {
  const old = maps.get(id);
  if (old) { old.remove(); maps.delete(id); }
  const el = document.getElementById(id);
  if (!el) return;
  const map = createMap(el, { attributionControl: false, zoomSnap: 0.25 });
  maps.set(id, map);
  const area = areaGeojson ? L.geoJSON(areaGeojson, { style: { color: '#595959', weight: 1, fillColor: '#1677ff', fillOpacity: 0.05 }, interactive: false }) : null;
  const layer = L.geoJSON(points ?? { type: 'FeatureCollection', features: [] }, {
    pointToLayer: (f, latlng) => {
      const c = f.properties.condition;
      return L.circleMarker(latlng, { radius: 5, weight: 1, color: '#ffffff', fillColor: (typeof c === 'number' ? byIndex[c] : byName[c]) ?? '#1677ff', fillOpacity: 0.95 })
        .bindTooltip(`${escapeHtml(f.properties.className)} · ${escapeHtml(f.properties.conditionName)}<br>${escapeHtml(f.properties.code)}`);
    },
  });
  const count = layer.getLayers().length;
  const bounds = count ? layer.getBounds() : area && area.getBounds().isValid() ? area.getBounds() : null;
  if (bounds) map.fitBounds(bounds, { padding: [12, 12], maxZoom: 17 }); else map.setView([32.06, 118.79], 11);
  if (area) area.addTo(map);
  layer.addTo(map);
  el.setAttribute('data-markers', String(count));
  el.setAttribute('data-ready', '1');
}

export function dispose(id) {
  const map = maps.get(id);
  if (map) { map.remove(); maps.delete(id); }
  pins.delete(id);
  areas.delete(id);
}

// The component form's map: the caller's area (its grids, or the unit itself) and the component's
// point; a click places the point and tells the form. The modal may still be opening, so the
// container is waited for a few frames.
const pin = { radius: 8, color: '#ffffff', weight: 2, fillColor: '#f5222d', fillOpacity: 1 };
export function pick(id, areaGeojson, lon, lat, form, tries = 60) {
  const el = document.getElementById(id);
  if (!el || !el.offsetWidth) {
    if (tries > 0) setTimeout(() => pick(id, areaGeojson, lon, lat, form, tries - 1), 50);
    return;
  }
  dispose(id);
  const map = createMap(el, { attributionControl: false, zoomSnap: 0.25 });
  maps.set(id, map);
  const grids = areaGeojson && areaGeojson.features ? areaGeojson.features.filter(f => f.geometry) : [];
  const shape = grids.length ? { type: 'FeatureCollection', features: grids } : areaGeojson && areaGeojson.parent ? areaGeojson.parent.geometry : null;
  const area = shape ? L.geoJSON(shape, {
    style: { color: '#595959', weight: 1, fillColor: '#1677ff', fillOpacity: 0.06 },
    onEachFeature: (f, layer) => { if (f.properties && f.properties.name) layer.bindTooltip(f.properties.name, { sticky: true }); },
  }) : null;
  if (area && area.getBounds().isValid()) map.fitBounds(area.getBounds(), { padding: [8, 8] });
  else if (lon != null && lat != null) map.setView([lat, lon], 16);
  else map.setView([32.06, 118.79], 11);
  if (area) area.addTo(map);
  areas.set(id, area && area.getBounds().isValid() ? area.getBounds() : null);
  if (lon != null && lat != null) place(id, lon, lat);
  map.on('click', e => {
    place(id, e.latlng.lng, e.latlng.lat);
    form.invokeMethodAsync('PointPicked', e.latlng.lng, e.latlng.lat);
  });
  el.setAttribute('data-ready', '1');
}

// The point typed into the form's boxes (null clears it).
export function place(id, lon, lat) {
  const map = maps.get(id);
  if (!map) return;
  const old = pins.get(id);
  if (lon == null || lat == null) { if (old) { old.remove(); pins.delete(id); } return; }
  if (old) old.setLatLng([lat, lon]); else pins.set(id, L.circleMarker([lat, lon], pin).addTo(map).bindTooltip('部件位置'));
  // A point typed outside the view: show it together with the area, so the distance is plain.
  if (!map.getBounds().contains([lat, lon])) {
    const area = areas.get(id);
    map.fitBounds(area ? L.latLngBounds(area.getSouthWest(), area.getNorthEast()).extend([lat, lon]) : L.latLngBounds([[lat, lon]]),
      { padding: [16, 16], maxZoom: 16 });
  }
}
