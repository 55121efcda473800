// 热点分析 charts (ECharts, canvas: 保存为图片 then saves a real PNG). Each chart offers the toolbox's
// saveAsImage; a click on a keyword's bar tells the page (DotNet `PickAsync`).
const charts = new Map();

function toolbox(name) {
  return { right: 8, top: 0, feature: { saveAsImage: { title: '保存为图片', name, pixelRatio: 2, backgroundColor: '#fff' } } };
}

function init(id) {
  dispose(id);
  const el = document.getElementById(id);
  if (!el || !window.echarts) return null;
  const chart = echarts.init(el, null, { renderer: 'canvas', locale: 'ZH' });
  charts.set(id, chart);
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  chart.__gg_resize = resize;
  return chart;
}

// Horizontal bars of the top keywords by weight, the heaviest on top; the count in the tooltip.
export function renderKeywordBars(id, words, weights, counts, fileName, page) {
  const chart = init(id);
  if (!chart) return;
  chart.setOption({
    animation: false,
    toolbox: toolbox(fileName),
    tooltip: {
      trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: ps => `${ps[0].name}<br/>权重 ${ps[0].value}<br/>件数 ${counts[ps[0].dataIndex]}`,
    },
    grid: { left: 8, right: 48, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', name: '权重', nameGap: 6, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: { type: 'category', data: words, inverse: true, axisTick: { show: false }, axisLabel: { interval: 0 } },
    series: [{ type: 'bar', data: weights, barMaxWidth: 16, itemStyle: { color: '#d4380d' }, label: { show: true, position: 'right', fontSize: 11 } }],
  });
  if (page) chart.on('click', p => page.invokeMethodAsync('PickAsync', p.name));
}

// One keyword's tickets per day or week; the tooltip sets them beside all tickets of the unit then.
export function renderKeywordTrend(id, labels, counts, totals, word, fileName) {
  const chart = init(id);
  if (!chart) return;
  const share = i => totals[i] ? `（占 ${(100 * counts[i] / totals[i]).toFixed(1)}%）` : '';
  chart.setOption({
    animation: false,
    toolbox: toolbox(fileName),
    tooltip: { trigger: 'axis', formatter: ps => `${ps[0].name}<br/>含“${word}” ${counts[ps[0].dataIndex]} 件${share(ps[0].dataIndex)}<br/>全部工单 ${totals[ps[0].dataIndex]} 件` },
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: labels, boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1, name: '件数', nameGap: 8 },
    series: [{ type: 'line', data: counts, symbolSize: 6, itemStyle: { color: '#d4380d' }, areaStyle: { opacity: 0.12 } }],
  });
}

export function dispose(id) {
  const chart = charts.get(id);
  if (chart) { window.removeEventListener('resize', chart.__gg_resize); chart.dispose(); charts.delete(id); }
}
