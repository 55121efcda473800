// Bar charts with ECharts (SVG renderer: text stays in the DOM, sharp in screenshots).
const charts = new Map();

export function renderBars(id, categories, series) {
  dispose(id);
  const el = document.getElementById(id);
  if (!el || !window.echarts) return;
  const chart = echarts.init(el, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: categories.length > 8 ? 72 : 36 },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 8 ? 35 : 0 } },
    yAxis: { type: 'value' },
    series: series.map(s => ({ name: s.name, type: 'bar', data: s.data, barMaxWidth: 28, label: { show: categories.length <= 16, position: 'top' } })),
    color: ['#1677ff', '#fa8c16'],
  });
  charts.set(id, chart);
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  chart.__gg_resize = resize;
}

export function dispose(id) {
  const chart = charts.get(id);
  if (chart) { window.removeEventListener('resize', chart.__gg_resize); chart.dispose(); charts.delete(id); }
}

// The ticket flow as a graph: states at fixed places, one arrow per (from, to) labelled with the
// actions that take it; the current state stands out.
export function renderFlow(id, nodes, links, current) {
  dispose(id);
  const el = document.getElementById(id);
  if (!el || !window.echarts) return;
  const chart = echarts.init(el, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    tooltip: { formatter: p => p.dataType === 'edge' ? p.data.label.formatter : p.data.tip },
    series: [{
      type: 'graph', layout: 'none', roam: false, symbol: 'roundRect', symbolSize: [84, 36],
      edgeSymbol: ['none', 'arrow'], edgeSymbolSize: 9,
      label: { show: true, fontSize: 13 },
      edgeLabel: { show: true, fontSize: 11, color: '#595959' },
      data: nodes.map(n => ({
        name: n.key, x: n.x, y: n.y, tip: n.name, label: { formatter: n.name, color: n.key === current ? '#fff' : '#262626', fontWeight: n.key === current ? 'bold' : 'normal' },
        itemStyle: { color: n.key === current ? '#1677ff' : (n.final ? '#f0f0f0' : '#e6f4ff'), borderColor: n.key === current ? '#0958d9' : '#91caff', borderWidth: 1 },
      })),
      links: links.map(l => ({
        source: l.from, target: l.to, label: { formatter: l.label },
        lineStyle: { color: l.system ? '#bfbfbf' : '#8c8c8c', type: l.system ? 'dashed' : 'solid', width: 1.2, curveness: l.curve },
      })),
    }],
  });
  charts.set(id, chart);
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  chart.__gg_resize = resize;
  el.setAttribute('data-ready', '1');
}
