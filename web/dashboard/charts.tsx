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

export interface TimelinePoint { date: string; title: string; href: string; decisions: number }

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
        Plot.dot(points.filter((p) => p.decisions > 0), {
          x: (p: TimelinePoint) => day(p.date),
          y: 0.5,
          r: 11,
          stroke: '#c2410c',
          strokeWidth: 2,
          fill: 'none',
          ariaDescription: 'decisions',
          ariaHidden: 'true',
        }),
      ],
    });
  return <PlotFigure make={make} caption={caption} id="timeline" />;
}

/** Meetings a month, as bars. */
export function MeetingsPerMonth({ dates, caption }: { dates: string[]; caption: string }) {
  const make = (width: number) =>
    Plot.plot({
      ariaLabel: 'Meetings a month',
      width,
      height: 160,
      x: { type: 'utc', label: null },
      y: { label: 'meetings', grid: true, tickFormat: 'd' },
      marks: [
        Plot.rectY(dates.map((d) => ({ date: day(d) })), Plot.binX({ y: 'count' }, { x: 'date', interval: 'month', ariaDescription: 'meetings a month' } as Plot.BinXInputs<Plot.RectYOptions>)),
        Plot.ruleY([0]),
      ],
    });
  return <PlotFigure make={make} caption={caption} id="per-month" />;
}
