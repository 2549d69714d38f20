import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  colour: string;
  values: Array<number | null>;
}

/**
 * One uPlot chart. `x` is days (UTC midnight, seconds) or, with `categories`, bar positions 0..n-1
 * labelled by them. The canvas is described by `summary` for screen readers; the figures are in the CSV.
 */
export function Chart({
  x,
  xLabel,
  formatDay,
  series,
  categories,
  bars = false,
  yLabel,
  summary,
  testId,
}: {
  x: number[];
  /** The legend's name for the x values (uPlot would say "Time" in English). */
  xLabel: string;
  /** A day (UTC midnight, seconds) as the reader's language writes it, for the axis and the legend. */
  formatDay: (seconds: number) => string;
  series: ChartSeries[];
  categories?: string[];
  bars?: boolean;
  yLabel: string;
  summary: string;
  testId: string;
}) {
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const style = getComputedStyle(document.documentElement);
    const ink = style.getPropertyValue('--muted').trim() || '#5e6a73';
    const grid = style.getPropertyValue('--line').trim() || '#dde3e8';
    const axis = { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } };
    const barPaths = uPlot.paths.bars?.({ size: [0.6, 48] });
    const options: uPlot.Options = {
      width: Math.max(280, element.clientWidth),
      height: 220,
      ...(categories ? {} : { tzDate: (seconds: number) => uPlot.tzDate(new Date(seconds * 1000), 'UTC') }),
      scales: { x: categories ? { time: false, range: [-0.5, categories.length - 0.5] } : { time: true } },
      axes: [
        categories
          ? { ...axis, splits: () => categories.map((_, index) => index), values: (_, splits) => splits.map((index) => categories[index] ?? '') }
          : { ...axis, values: (_: uPlot, splits: number[]) => splits.map((seconds) => formatDay(seconds)) },
        { ...axis, label: yLabel, size: 56 },
      ],
      series: [
        categories ? { label: xLabel, value: (_plot: uPlot, index: number | null) => (index === null ? '' : (categories[index] ?? '')) } : { label: xLabel, value: (_plot: uPlot, seconds: number | null) => (seconds === null ? '' : formatDay(seconds)) },
        ...series.map((item) => ({
          label: item.label,
          stroke: item.colour,
          fill: bars ? `${item.colour}99` : undefined,
          width: 2,
          spanGaps: false,
          ...(bars && barPaths ? { paths: barPaths, points: { show: false } } : {}),
        })),
      ],
      legend: { show: true },
    };
    const plot = new uPlot(options, [x, ...series.map((item) => item.values)] as uPlot.AlignedData, element);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(280, element.clientWidth), height: 220 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [x, xLabel, formatDay, series, categories, bars, yLabel]);

  return <div ref={host} className="chart" role="img" aria-label={summary} data-testid={testId} />;
}
