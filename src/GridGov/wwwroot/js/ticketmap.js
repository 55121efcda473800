// Small Leaflet maps for tickets, drawn as vector layers (over the city's base map, if any: basemap.js).
import { createMap } from './basemap.js';
const maps = new Map();

function fresh(id) {
  const old = maps.get(id);
  if (old) { old.remove(); maps.delete(id); }
  const el = document.getElementById(id);
  if (!el) return null;
  const map = createMap(el, { attributionControl: false, zoomSnap: 0.25 });
  maps.set(id, map);
  return map;
}

// Not yet on the map: Leaflet can only draw a vector layer once the map has a view.
function outline(geojson, style) {
  if (!geojson) return null;
  return L.geoJSON(geojson, { style: style ?? { color: '#1677ff', weight: 2, fillColor: '#1677ff', fillOpacity: 0.08 }, interactive: false });
}

function view(map, layer, lon, lat, zoom) {
  if (layer && layer.getBounds().isValid()) map.fitBounds(layer.getBounds(), { padding: [10, 10] });
  else if (lat != null && lon != null) map.setView([lat, lon], 16);
  else map.setView([32.06, 118.79], zoom);
  if (layer) layer.addTo(map);
}

const pin = { radius: 8, color: '#ffffff', weight: 2, fillColor: '#f5222d', fillOpacity: 1 };

// The ticket's grid and where the problem is.
export function showPoint(id, gridGeojson, lon, lat) {
  const map = fresh(id);
  if (!map) return;
  view(map, outline(gridGeojson), lon, lat, 10);
  if (lon != null && lat != null) L.circleMarker([lat, lon], pin).addTo(map).bindTooltip('事发位置');
  document.getElementById(id).setAttribute('data-ready', '1');
}

// Choosing the location of a new report: click inside the area; the page is told the point.
export function pickPoint(id, areaGeojson, lon, lat, page) {
  const map = fresh(id);
  if (!map) return;
  // Children of the caller's unit when it has any, else the unit itself (a grid worker's grid).
  const drawn = areaGeojson && areaGeojson.features ? areaGeojson.features.filter(f => f.geometry) : [];
  const shape = drawn.length ? { type: 'FeatureCollection', features: drawn } : areaGeojson && areaGeojson.parent ? areaGeojson.parent.geometry : null;
  view(map, outline(shape, { color: '#595959', weight: 1, fillColor: '#1677ff', fillOpacity: 0.06 }), lon, lat, 11);
  let marker = null;
  const place = (la, lo) => {
    if (marker) marker.setLatLng([la, lo]); else marker = L.circleMarker([la, lo], pin).addTo(map);
  };
  if (lon != null && lat != null) place(lat, lon);
  map.on('click', e => {
    place(e.latlng.lat, e.latlng.lng);
    page.invokeMethodAsync('PointPicked', e.latlng.lng, e.latlng.lat);
  });
  document.getElementById(id).setAttribute('data-ready', '1');
}

// The phone's position, for "use my location".
export function locate() {
  return new Promise(resolve => {
    if (!navigator.geolocation) return resolve(null);
    navigator.geolocation.getCurrentPosition(p => resolve([p.coords.longitude, p.coords.latitude]), () => resolve(null), { timeout: 8000 });
  });
}

export function dispose(id) {
  const map = maps.get(id);
  if (map) { map.remove(); maps.delete(id); }
}
