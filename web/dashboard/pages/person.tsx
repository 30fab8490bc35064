/**
 * Person page: every form of the name, meetings over time (a small chart),
 * topics, and the decisions and action items they are named in, read from
 * their meetings.
 */
import { F, gql, type MeetingRef, type Source } from '../api.js';
import { MeetingsPerMonth } from '../charts.js';
import { href } from '../route.js';
import { GoForm, MeetingLink, Section, SourceLink, Status, useLoad } from '../ui.js';

/** Meetings read for decisions and action items (the query's cost limit bounds it; all meetings are listed). */
const RECENT = 60;

/** The fields the page shows, also asked for by the answer to "what is X working on". */
export const PERSON_FIELDS = `id name aliases handles
    topics(first: 30) { id name }
    all: meetings(first: 1000) { ...M }
    meetings(first: ${RECENT}) {
      ...M
      decisions { id text people { id } source { ...S } }
      actionItems { id text owner { id } source { ...S } }
    }`;

const QUERY = `query Person($name: String!) { person(name: $name) { ${PERSON_FIELDS} } } ${F.meeting} ${F.source}`;

type Item = { id: string; text: string; source: Source };
type PersonData = {
  id: string;
  name: string;
  aliases: string[];
  handles: string[];
  topics: { id: string; name: string }[];
  all: MeetingRef[];
  meetings: (MeetingRef & { decisions: (Item & { people: { id: string }[] })[]; actionItems: (Item & { owner: { id: string } | null })[] })[];
};

export function PersonPage({ name }: { name: string }) {
  return (
    <>
      <h1>Person{name && <>: {name}</>}</h1>
      <GoForm view="person" param="name" id="person-input" label="Name, initials or handle" value={name} button="Show" />
      {name && <PersonAnswer name={name} />}
    </>
  );
}

function PersonAnswer({ name }: { name: string }) {
  const load = useLoad(() => gql<{ person: PersonData | null }>(QUERY, { name }), [name]);
  if (!load.data) return <Status load={load} what={name} />;
  if (!load.data.person) return <p role="alert">No one named “{name}” is in the graph.</p>;
  return <PersonView p={load.data.person} />;
}

/** A person's facts; also the answer to "what is X working on". */
export function PersonView({ p }: { p: PersonData }) {
  const decisions = p.meetings.flatMap((m) => m.decisions.filter((d) => d.people.some((x) => x.id === p.id)).map((d) => ({ ...d, meeting: m })));
  const actions = p.meetings.flatMap((m) => m.actionItems.filter((a) => a.owner?.id === p.id).map((a) => ({ ...a, meeting: m })));
  const dates = p.all.map((m) => m.date).filter((d): d is string => !!d);
  const partly = p.all.length > p.meetings.length ? ` (in their latest ${p.meetings.length} meetings)` : '';
  return (
    <div class="grid">
      <Section id="names-h" title="Names">
        <p>
          <strong>{p.name}</strong>
          {p.aliases.length > 0 && <> · also written {p.aliases.join(', ')}</>}
          {p.handles.length > 0 && <> · GitHub {p.handles.map((h) => `@${h}`).join(', ')}</>}
        </p>
      </Section>
      <Section id="person-meetings-h" title="Meetings" count={p.all.length}>
        {dates.length > 0 && <MeetingsPerMonth dates={dates} caption={`${p.name}'s meetings a month (${dates.length} dated).`} />}
        <ol class="plain">
          {p.all.map((m) => (
            <li key={m.id}>
              <MeetingLink m={m} />
            </li>
          ))}
        </ol>
      </Section>
      <Section id="person-topics-h" title="Topics" count={p.topics.length}>
        {p.topics.length ? (
          <p>
            {p.topics.map((t, i) => (
              <>
                {i > 0 && ', '}
                <a href={href('topic', { q: t.name })}>{t.name}</a>
              </>
            ))}
          </p>
        ) : (
          <p class="muted">None recorded.</p>
        )}
      </Section>
      <Section id="person-actions-h" title={`Action items they own${partly}`} count={actions.length}>
        {actions.length === 0 && <p class="muted">None.</p>}
        <ul class="plain">
          {actions.map((a) => (
            <li key={a.id}>
              <p>{a.text}</p>
              <p class="meta">
                <MeetingLink m={a.meeting} /> · <SourceLink s={a.source} />
              </p>
            </li>
          ))}
        </ul>
      </Section>
      <Section id="person-decisions-h" title={`Decisions they are named in${partly}`} count={decisions.length}>
        {decisions.length === 0 && <p class="muted">None.</p>}
        <ul class="plain">
          {decisions.map((d) => (
            <li key={d.id}>
              <p>{d.text}</p>
              <p class="meta">
                <MeetingLink m={d.meeting} /> · <SourceLink s={d.source} />
              </p>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}

export type { PersonData };
