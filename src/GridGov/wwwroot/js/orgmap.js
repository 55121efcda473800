// The org map: the selected unit's outline and its children's boundaries as vector layers
// (a base map goes underneath when the city set one: basemap.js). Clicking a child asks the page to
// drill down to it.
import { createMap, escapeHtml, hasTiles, setting } from './basemap.js';
const maps = new Map();

const palette = ['#1677ff', '#13c2c2', '#52c41a', '#faad14', '#eb2f96', '#722ed1', '#fa541c', '#2f54eb', '#a0d911', '#fa8c16'];

export function render(id, collection, page) {
  dispose(id);
  const el = document.getElementById(id);
  if (!el) return;
  const map = createMap(el, { zoomControl: true, attributionControl: false, preferCanvas: false, zoomSnap: 0.25 });
  const state = { map, page };
  maps.set(id, state);

  const drawn = collection.features.filter(f => f.geometry);
  // A unit without drawable children (a grid) is shown filled itself.
  const parentStyle = drawn.length
    ? { color: '#595959', weight: 2, fill: false, dashArray: '6 4' }
    : { color: '#1677ff', weight: 2, fillColor: '#1677ff', fillOpacity: 0.25 };
  const parent = collection.parent && collection.parent.geometry
    ? L.geoJSON(collection.parent.geometry, { style: parentStyle, interactive: false }).addTo(map)
    : null;
  const colour = new Map(drawn.map((f, i) => [f.properties.code, palette[i % palette.length]]));
  // Over a base map the colours are lighter, so that its streets show through.
  const fill = hasTiles(setting()) ? 0.3 : 0.55;
  const children = L.geoJSON({ type: 'FeatureCollection', features: drawn }, {
    style: f => ({ color: '#ffffff', weight: 1, fillColor: colour.get(f.properties.code), fillOpacity: fill }),
    onEachFeature: (f, layer) => {
      const p = f.properties;
      layer.options.className = 'gg-unit';
      layer.bindTooltip(`${escapeHtml(p.name)}<br/><small>${p.levelName} ${p.code}${p.children ? ' · 下级 ' + p.children + ' 个' : ''}</small>`, { sticky: true });
      layer.on('mouseover', () => layer.setStyle({ fillOpacity: 0.8, weight: 2 }));
      layer.on('mouseout', () => children.resetStyle(layer));
      layer.on('click', () => page.invokeMethodAsync('DrillDown', String(p.code)));
      layer.on('add', () => {
        const path = layer.getElement && layer.getElement();
        if (path) { path.setAttribute('data-code', String(p.code)); path.setAttribute('data-name', p.name); }
      });
    }
  }).addTo(map);

  // Names on the map when there are few enough to read.
  if (drawn.length <= 40) {
    children.eachLayer(layer => {
      const c = layer.getBounds().getCenter();
      L.tooltip({ permanent: true, direction: 'center', className: 'gg-map-label', interactive: false })
        .setLatLng(c).setContent(layer.feature.properties.name).addTo(map);
    });
  }

  const bounds = drawn.length ? children.getBounds() : parent ? parent.getBounds() : null;
  if (bounds && bounds.isValid()) map.fitBounds(bounds, { padding: [12, 12] });
  else map.setView([32.06, 118.79], 9);
  el.setAttribute('data-ready', String(drawn.length));
}

export function dispose(id) {
  const state = maps.get(id);
  if (state) { state.map.remove(); maps.delete(id); }
}
