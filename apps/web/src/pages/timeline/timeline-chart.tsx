import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { bucketAt, type ChartMeasure, chartColumns, interventionMarks, phaseBands, type PhaseName, type TimelineBucket } from './timeline-model';

/**
 * One uPlot chart of some measures over the buckets. This module is imported only by the timeline
 * page (dynamically), so uPlot never weighs on the member's logging page. Phase bands and
 * intervention marks are painted in uPlot's draw hook, under and over the lines.
 */
export const PHASE_COLOURS: Record<PhaseName, string> = { founding: 'rgba(230, 159, 0, 0.18)', deepening: 'rgba(0, 114, 178, 0.16)', settling: 'rgba(0, 158, 115, 0.18)', dormant: 'rgba(95, 107, 115, 0.16)' };
// Okabe–Ito colours: told apart by people with the common colour-vision differences.
const LINE_COLOURS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#6b5800', '#56b4e9'];

interface Props {
  buckets: TimelineBucket[];
  measures: readonly ChartMeasure[];
  labels: string[];
  /** The legend's name for the time column, in the page's language (uPlot's own says "Time"). */
  periodLabel: string;
  /** The chart's accessible name; the numbers themselves are in the table beside it. */
  title: string;
  formatNumber: (value: number) => string;
  formatDate: (seconds: number) => string;
  onBucket: (index: number) => void;
}

export default function TimelineChart({ buckets, measures, labels, periodLabel, title, formatNumber, formatDate, onBucket }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const hovered = useRef(onBucket);
  hovered.current = onBucket;

  useEffect(() => {
    const element = host.current!;
    const bands = phaseBands(buckets);
    const marks = interventionMarks(buckets);
    const drawBands = (u: uPlot) => {
      const { ctx, bbox } = u;
      ctx.save();
      for (const band of bands) {
        const left = u.valToPos(band.from, 'x', true);
        const right = u.valToPos(band.to, 'x', true);
        ctx.fillStyle = PHASE_COLOURS[band.phase];
        ctx.fillRect(left, bbox.top, right - left, bbox.height);
      }
      ctx.restore();
    };
    const drawInterventions = (u: uPlot) => {
      const { ctx, bbox } = u;
      ctx.save();
      ctx.strokeStyle = '#1d2b36';
      ctx.fillStyle = '#1d2b36';
      ctx.setLineDash([4, 4]);
      ctx.lineWidth = devicePixelRatio;
      for (const mark of marks) {
        const x = u.valToPos(mark.time, 'x', true);
        ctx.beginPath();
        ctx.moveTo(x, bbox.top);
        ctx.lineTo(x, bbox.top + bbox.height);
        ctx.stroke();
        // A small triangle on the time axis says "something was done here".
        ctx.beginPath();
        ctx.moveTo(x - 5 * devicePixelRatio, bbox.top + bbox.height);
        ctx.lineTo(x + 5 * devicePixelRatio, bbox.top + bbox.height);
        ctx.lineTo(x, bbox.top + bbox.height - 8 * devicePixelRatio);
        ctx.fill();
      }
      ctx.restore();
    };
    // The first time the lines and bands are on the canvas, the chart says so: tests and
    // `npm run bench -- web` wait for this (and read the mark's time) instead of sleeping.
    let drawn = false;
    const markDrawn = () => {
      if (drawn) return;
      drawn = true;
      element.dataset.drawn = 'true';
      performance.mark('solmu:timeline-drawn');
    };
    const width = () => Math.max(280, element.clientWidth);
    const first = buckets[0];
    const last = buckets[buckets.length - 1];
    const plot = new uPlot(
      {
        width: width(),
        height: 260,
        scales: { x: { time: true, range: () => [Date.parse(first.start) / 1000, Date.parse(last.end) / 1000] } },
        axes: [{ space: 80, values: (_u, ticks) => ticks.map(formatDate) }, { values: (_u, ticks) => ticks.map(formatNumber), size: 60 }],
        series: [{ label: periodLabel, value: (_u: uPlot, v: number | null) => (v === null ? '–' : formatDate(v)) }, ...measures.map((_, i) => ({ label: labels[i], stroke: LINE_COLOURS[i % LINE_COLOURS.length], width: 2, value: (_u: uPlot, v: number | null) => (v === null ? '–' : formatNumber(v)) }))],
        legend: { show: true },
        hooks: {
          drawClear: [drawBands],
          draw: [drawInterventions, markDrawn],
          setCursor: [
            (u) => {
              const left = u.cursor.left ?? -1;
              if (left < 0) return;
              const index = bucketAt(buckets, u.posToVal(left, 'x'));
              if (index >= 0) hovered.current(index);
            },
          ],
        },
      },
      chartColumns(buckets, measures) as uPlot.AlignedData,
      element,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: width(), height: 260 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
    // Labels by their text: the page makes a new array on each render (a hover re-renders it), and
    // rebuilding the chart then would lose the cursor.
  }, [buckets, measures, labels.join('\n'), periodLabel, formatNumber, formatDate]);

  return <div class="timeline-chart" ref={host} role="img" aria-label={title} />;
}
