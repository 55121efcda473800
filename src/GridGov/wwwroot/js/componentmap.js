// The component page's small map: the area's outline and the filtered components as points coloured
// by state, drawn as vector layers (no tile server is assumed).
const maps = new Map();
const byName = { Intact: '#52c41a', Damaged: '#f5222d', Missing: '#595959', Occupied: '#fa8c16', Retired: '#bfbfbf' };
const byIndex = ['#52c41a', '#f5222d', '#595959', '#fa8c16', '#bfbfbf'];

export function show(id, areaGeojson, points) {
  const old = maps.get(id);
  if (old) { old.remove(); maps.delete(id); }
  const el = document.getElementById(id);
  if (!el) return;
  const map = L.map(el, { attributionControl: false, zoomSnap: 0.25 });
  maps.set(id, map);
  const area = areaGeojson ? L.geoJSON(areaGeojson, { style: { color: '#595959', weight: 1, fillColor: '#1677ff', fillOpacity: 0.05 }, interactive: false }) : null;
  const layer = L.geoJSON(points ?? { type: 'FeatureCollection', features: [] }, {
    pointToLayer: (f, latlng) => {
      const c = f.properties.condition;
      return L.circleMarker(latlng, { radius: 5, weight: 1, color: '#ffffff', fillColor: (typeof c === 'number' ? byIndex[c] : byName[c]) ?? '#1677ff', fillOpacity: 0.95 })
        .bindTooltip(`${f.properties.className ?? ''} · ${f.properties.conditionName}<br>${f.properties.code}`);
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
}
