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
    yAxis: { type: 'value', minInterval: 1 },
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
