// The charts of 预警分析 (ECharts, SVG renderer: text stays in the DOM, sharp in screenshots). Every
// chart offers 保存为图片 with a Chinese file name.
const charts = new Map();
const kindColors = ['#fa541c', '#eb2f96', '#cf1322', '#d48806'];

function init(id) {
  dispose(id);
  const el = document.getElementById(id);
  if (!el || !window.echarts) return null;
  const chart = echarts.init(el, null, { renderer: 'svg' });
  charts.set(id, chart);
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  chart.__gg_resize = resize;
  return chart;
}

const toolbox = name => ({ right: 8, top: 0, feature: { saveAsImage: { title: '保存为图片', name, pixelRatio: 2 } } });

// Warnings per day, stacked by kind. days: ['12-01', …]; series: [{ name, data: [n, …] }, …].
export function renderDaily(id, days, series, fileName) {
  const chart = init(id);
  if (!chart) return;
  chart.setOption({
    animation: false,
    color: kindColors,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, left: 0 },
    toolbox: toolbox(fileName),
    grid: { left: 36, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'category', data: days, axisLabel: { interval: 'auto' } },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map(s => ({ name: s.name, type: 'bar', stack: 'all', data: s.data, barMaxWidth: 18 })),
  });
}

// A spike warning's daily counts (alarm days in red) with the baseline mean and the threshold line.
export function renderSpike(id, days, counts, means, uppers, alarms, fileName) {
  const chart = init(id);
  if (!chart) return;
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: v => (v == null ? '—' : Number(v).toFixed(1)) },
    legend: { top: 0, left: 0, data: ['每日件数', '基线均值', '警戒线'] },
    toolbox: toolbox(fileName),
    grid: { left: 36, right: 16, top: 32, bottom: 24 },
    xAxis: { type: 'category', data: days },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '每日件数', type: 'bar', barMaxWidth: 16, color: '#1677ff',
        data: counts.map((n, i) => ({ value: n, itemStyle: alarms[i] ? { color: '#cf1322' } : undefined })) },
      { name: '基线均值', type: 'line', data: means, symbol: 'none', color: '#52c41a' },
      { name: '警戒线', type: 'line', data: uppers, symbol: 'none', color: '#fa8c16', lineStyle: { type: 'dashed' } },
    ],
  });
}

export function dispose(id) {
  const chart = charts.get(id);
  if (chart) { window.removeEventListener('resize', chart.__gg_resize); chart.dispose(); charts.delete(id); }
}
