/**
 * Meeting page: attendees, speakers, decisions, action items with owners,
 * references, topics, and the passages in order with their speakers. The
 * lines a link pointed at (`lines=56-60`) are marked and scrolled to.
 */
import { useEffect } from 'preact/hooks';
import { F, gql, type ActionItem, type Decision, type MeetingRef, type Passage, type PersonRef, type Reference, type Source } from '../api.js';
import { href } from '../route.js';
import { People, PersonLink, Section, SourceLink, Status, useLoad } from '../ui.js';

const QUERY = `query Meeting($c: String!, $p: String!) {
  meeting(collection: $c, path: $p) {
    ...M url
    attendees { id name } speakers { id name }
    decisions { id text people { id name } source { ...S } }
    actionItems { id text owner { id name } ownerGroup source { ...S } }
    references { id kind url title }
    topics { id name }
    passages(first: 1000) { id text section speaker { id name } source { ...S } }
  }
} ${F.meeting} ${F.source}`;

type Full = MeetingRef & {
  url: string | null;
  attendees: PersonRef[];
  speakers: PersonRef[];
  references: Reference[];
  topics: { id: string; name: string }[];
  decisions: Omit<Decision, 'meeting'>[];
  actionItems: Omit<ActionItem, 'meeting'>[];
  passages: (Passage & { id: string; section: string })[];
};

/** The line range of `lines=56-60` (or `lines=56`). */
function parseLines(lines: string | null): [number, number] | null {
  const m = /^(\d+)(?:-(\d+))?$/.exec(lines ?? '');
  return m ? [Number(m[1]), Number(m[2] ?? m[1])] : null;
}

const overlaps = (s: Source, r: [number, number] | null) => !!r && s.startLine <= r[1] && s.endLine >= r[0];

export function MeetingPage({ collection, path, lines }: { collection: string; path: string; lines: string | null }) {
  const load = useLoad(() => gql<{ meeting: Full | null }>(QUERY, { c: collection, p: path }), [collection, path]);
  const range = parseLines(lines);
  useEffect(() => {
    if (!load.data?.meeting || !range) return;
    const first = document.querySelector<HTMLElement>('.hit');
    first?.scrollIntoView({ block: 'center' });
    first?.focus({ preventScroll: true });
  }, [load.data, lines]);
  if (!load.data)
    return (
      <>
        <h1>Meeting</h1>
        <Status load={load} what="the meeting" />
      </>
    );
  const m = load.data.meeting;
  if (!m)
    return (
      <>
        <h1>Meeting</h1>
        <p role="alert">
          No meeting {path} in {collection}.
        </p>
      </>
    );
  return (
    <>
      <h1>{m.title || m.path}</h1>
      <p class="meta">
        {m.date ?? 'undated'} · series {m.series} · {m.collection}/{m.path}
        {m.url && (
          <>
            {' '}
            ·{' '}
            <a href={m.url} rel="noopener noreferrer">
              the note ↗
            </a>
          </>
        )}
        {range && (
          <>
            {' '}
            · showing lines {range[0]}–{range[1]}
          </>
        )}
      </p>
      <div class="grid">
        <Section id="attendees-h" title="Attendees" count={m.attendees.length}>
          <p>
            <People people={m.attendees} />
          </p>
        </Section>
        <Section id="speakers-h" title="Speakers" count={m.speakers.length}>
          <p>
            <People people={m.speakers} />
          </p>
        </Section>
        <Section id="decisions-h" title="Decisions" count={m.decisions.length}>
          <ul class="plain decisions">
            {m.decisions.map((d) => (
              <li key={d.id} class={overlaps(d.source, range) ? 'decision hit' : 'decision'} tabIndex={-1}>
                <p>{d.text}</p>
                <p class="meta">
                  <SourceLink s={d.source} />
                  {d.people.length > 0 && (
                    <>
                      {' '}
                      · <People people={d.people} />
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </Section>
        <Section id="actions-h" title="Action items" count={m.actionItems.length}>
          <ul class="plain actions">
            {m.actionItems.map((a) => (
              <li key={a.id} class={overlaps(a.source, range) ? 'hit' : ''} tabIndex={-1}>
                <p>{a.text}</p>
                <p class="meta">
                  owner: {a.owner ? <PersonLink p={a.owner} /> : (a.ownerGroup ?? <span class="muted">none named</span>)} · <SourceLink s={a.source} />
                </p>
              </li>
            ))}
          </ul>
        </Section>
        <Section id="refs-h" title="References" count={m.references.length}>
          <ul class="plain">
            {m.references.map((r) => (
              <li key={r.id}>
                {r.url ? (
                  <a href={r.url} rel="noopener noreferrer">
                    {r.id}
                  </a>
                ) : (
                  <code>{r.id}</code>
                )}{' '}
                <span class="tag">{r.kind.toLowerCase().replace('_', ' ')}</span>
                {r.title && ` ${r.title}`} · <a href={href('topic', { q: r.id })}>timeline</a>
              </li>
            ))}
          </ul>
        </Section>
        <Section id="topics-h" title="Topics" count={m.topics.length}>
          <p>
            {m.topics.map((t, i) => (
              <>
                {i > 0 && ', '}
                <a href={href('topic', { q: t.name })}>{t.name}</a>
              </>
            ))}
          </p>
        </Section>
      </div>
      <Section id="passages-h" title="Passages" count={m.passages.length}>
        <ol class="plain passages-full">
          {m.passages.map((p) => (
            <li
              key={p.id}
              id={`L${p.source.startLine}`}
              class={overlaps(p.source, range) ? 'passage hit' : 'passage'}
              tabIndex={-1}
              data-lines={`${p.source.startLine}-${p.source.endLine}`}
            >
              <p class="meta">
                <span class="lines">
                  {p.source.startLine === p.source.endLine ? `line ${p.source.startLine}` : `lines ${p.source.startLine}–${p.source.endLine}`}
                </span>
                {p.section && <> · {p.section}</>}
                {p.speaker && (
                  <>
                    {' '}
                    · <PersonLink p={p.speaker} />
                  </>
                )}
              </p>
              <p class="text">{p.text}</p>
            </li>
          ))}
        </ol>
      </Section>
    </>
  );
}
