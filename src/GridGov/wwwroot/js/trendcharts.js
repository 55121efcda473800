// 趋势分析 charts, through charts.js (保存为图片 on each).
import { makeChart, dispose as disposeChart } from './charts.js';

// The unit's tickets per bucket as a line; with a split (source, state, category) stacked areas.
export function renderTrend(id, name, labels, total, series) {
  const split = series.length > 0;
  makeChart(id, name, {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll', right: 90 },
    grid: { left: 48, right: 24, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: labels, boundaryGap: false },
    yAxis: { type: 'value', minInterval: 1, name: '件数' },
    series: split
      ? series.map(s => ({ name: s.name, type: 'line', stack: 'all', areaStyle: { opacity: 0.25 }, symbolSize: 4, data: s.counts }))
      : [{ name: '工单数', type: 'line', data: total, symbolSize: 6, areaStyle: { opacity: 0.15 }, itemStyle: { color: '#1677ff' } }],
  });
}

// Before/after: the daily counts around the date, with the date marked.
export function renderBeforeAfter(id, name, labels, daily, dateIndex) {
  makeChart(id, name, {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 24, bottom: 28 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{
      name: '工单数', type: 'bar', data: daily, barMaxWidth: 10,
      itemStyle: { color: p => (p.dataIndex < dateIndex ? '#8c8c8c' : '#1677ff') },
      markLine: { symbol: 'none', label: { formatter: '对比日期' }, data: [{ xAxis: dateIndex }] },
    }],
  });
}

export function dispose(ids) { for (const id of ids) disposeChart(id); }

// 关联分析: each category's tickets stacked by source group, the most frequent on top.
export function renderSourceBars(id, name, categories, groups) {
  makeChart(id, name, {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, right: 90 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, name: '件数' },
    yAxis: { type: 'category', data: categories, inverse: true, axisTick: { show: false } },
    series: groups.map(g => ({ name: g.name, type: 'bar', stack: 'all', data: g.counts, barMaxWidth: 18 })),
    color: ['#cf1322', '#fa8c16', '#1677ff', '#13c2c2', '#8c8c8c'],
  });
}
