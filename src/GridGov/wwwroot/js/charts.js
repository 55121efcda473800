// Charts with ECharts (SVG renderer: text stays in the DOM, sharp in screenshots). Every chart of the
// app is made by makeChart, which gives it the 保存为图片 button; a page's own chart module imports
// makeChart (or at least toolbox) from here, so a chart written later has the button without asking.
const charts = new Map();

// What a file may not be called on Windows, and a sane length.
function fileName(name) {
  return (String(name || '图表').replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80)) || '图表';
}

// The toolbox every chart carries: 保存为图片, named after the chart's Chinese title, on white, twice
// the screen's resolution where ECharts draws on a canvas (an SVG chart saves as SVG, sharp at any size).
export function toolbox(name) {
  return {
    show: true, right: 4, top: 0, itemSize: 14,
    feature: { saveAsImage: { show: true, title: '保存为图片', name: fileName(name), pixelRatio: 2, backgroundColor: '#ffffff' } },
  };
}

// A chart in the element `id`, titled `name` (the saved file's name): the option as given, without
// animation, with the toolbox; it follows the window's size and is disposed with dispose(id).
export function makeChart(id, name, option) {
  dispose(id);
  const el = document.getElementById(id);
  if (!el || !window.echarts) return null;
  const chart = echarts.init(el, null, { renderer: 'svg' });
  chart.setOption(Object.assign({ animation: false }, option, { toolbox: toolbox(name) }));
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  chart.__gg_resize = resize;
  charts.set(id, chart);
  el.setAttribute('data-chart', fileName(name));
  return chart;
}

export function renderBars(id, name, categories, series) {
  makeChart(id, name, {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: categories.length > 8 ? 72 : 36 },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0, rotate: categories.length > 8 ? 35 : 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map(s => ({ name: s.name, type: 'bar', data: s.data, barMaxWidth: 28, label: { show: categories.length <= 16, position: 'top' } })),
    color: ['#1677ff', '#fa8c16'],
  });
}

export function dispose(id) {
  const chart = charts.get(id);
  if (chart) { window.removeEventListener('resize', chart.__gg_resize); chart.dispose(); charts.delete(id); }
}
