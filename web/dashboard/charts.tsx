/**
 * The charts, drawn with Observable Plot as SVG: every mark is an element a
 * screen reader can name (and a test can count), and a meeting's mark is a
 * link to the meeting.
 */
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'preact/hooks';

/** Mounts a Plot figure and replaces it when `key` changes. */
function PlotFigure({ make, caption, id }: { make: (width: number) => SVGSVGElement | HTMLElement; caption: string; id: string }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    // Drawn at the width it is shown at, so its text keeps its size.
    const chart = make(Math.max(320, el.clientWidth || 640));
    el.replaceChildren(chart);
    return () => chart.remove();
  }, [make]);
  return (
    <figure class="chart" aria-labelledby={`${id}-caption`}>
      <div ref={box} id={id} />
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
    </figure>
  );
}

const day = (d: string) => new Date(`${d}T00:00:00Z`);

export interface TimelinePoint {
  date: string;
  title: string;
  href: string;
  decisions: number;
}

/**
 * One dot per dated meeting along time, a ring around the dots of meetings
 * that took a decision about the topic.
 */
export function MeetingTimeline({ points, caption }: { points: TimelinePoint[]; caption: string }) {
  const make = (width: number) =>
    Plot.plot({
      ariaLabel: 'Timeline of the meetings',
      width,
      height: 120,
      marginLeft: 20,
      marginRight: 20,
      x: { type: 'utc', label: null, nice: true, inset: 10 },
      y: { axis: null, domain: [0, 1] },
      marks: [
        Plot.ruleY([0.5], { stroke: '#ccd' }),
        Plot.dot(points, {
          x: (p: TimelinePoint) => day(p.date),
          y: 0.5,
          r: 6,
          fill: (p: TimelinePoint) => (p.decisions ? '#c2410c' : '#2563eb'),
          href: (p: TimelinePoint) => p.href,
          target: '_self',
          ariaLabel: (p: TimelinePoint) => `${p.date}: ${p.title}${p.decisions ? `, ${p.decisions} decision${p.decisions > 1 ? 's' : ''}` : ''}`,
          ariaDescription: 'meetings',
          title: (p: TimelinePoint) => `${p.date} · ${p.title}${p.decisions ? ` · ${p.decisions} decision(s)` : ''}`,
        }),
        Plot.dot(
          points.filter((p) => p.decisions > 0),
          {
            x: (p: TimelinePoint) => day(p.date),
            y: 0.5,
            r: 11,
            stroke: '#c2410c',
            strokeWidth: 2,
            fill: 'none',
            ariaDescription: 'decisions',
            ariaHidden: 'true',
          },
        ),
      ],
    });
  return <PlotFigure make={make} caption={caption} id="timeline" />;
}

/** "2026-03" for each month from `first` to `last`. */
function months(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const end = last.slice(0, 7);
  for (let i = 0; i < 600; i++) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    out.push(key);
    if (key >= end) break;
    m = m === 12 ? 1 : m + 1;
    if (m === 1) y += 1;
  }
  return out;
}

/**
 * Meetings a month, as bars, every month from the first to the last shown
 * (at least six, so one busy month does not fill the chart).
 */
export function MeetingsPerMonth({ dates, caption }: { dates: string[]; caption: string }) {
  const sorted = [...dates].sort();
  const last = sorted[sorted.length - 1]!;
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  const sixBack = lm > 5 ? `${ly}-${String(lm - 5).padStart(2, '0')}` : `${ly - 1}-${String(lm + 7).padStart(2, '0')}`;
  const all = months(sorted[0]! < sixBack ? sorted[0]! : sixBack, last);
  const counts = all.map((month) => ({ month, n: sorted.filter((d) => d.startsWith(month)).length }));
  const make = (width: number) =>
    Plot.plot({
      ariaLabel: 'Meetings a month',
      width,
      height: 160,
      x: { type: 'band', label: null, domain: all, padding: 0.2, tickFormat: (m: string) => (all.length > 18 && !m.endsWith('-01') ? '' : m) },
      y: { label: 'meetings', grid: true, tickFormat: 'd' },
      marks: [
        Plot.barY(counts, {
          x: 'month',
          y: 'n',
          fill: '#2563eb',
          ariaLabel: (c: { month: string; n: number }) => `${c.month}: ${c.n} meeting${c.n === 1 ? '' : 's'}`,
          title: (c: { month: string; n: number }) => `${c.month}: ${c.n}`,
          ariaDescription: 'meetings a month',
        }),
        Plot.ruleY([0]),
      ],
    });
  return <PlotFigure make={make} caption={caption} id="per-month" />;
}
