/**
 * The answer to a question in plain words: how `ask` read it, then the
 * answer of the field it chose; or, when it could not read it, its message
 * and suggestions (links that ask them).
 */
import { F, gql, type Decision, type Discussion, type FollowUp, type TimelineEntry } from '../api.js';
import { href } from '../route.js';
import { GoForm, MeetingLink, Section, Status, useLoad } from '../ui.js';
import { PERSON_FIELDS, PersonView, type PersonData } from './person.js';
import { DecisionsSection, DiscussionsSection, FollowUpsSection, TimelineSection } from './topic.js';

const QUERY = `query Ask($q: String!) {
  ask(question: $q) {
    question understood message suggestions
    interpretation { kind field topic person collection series from to summary }
    discussions { meeting { ...M } people { id name } passages { text speaker { id name } source { ...S } } }
    decisions { id text meeting { ...M } people { id name } source { ...S } }
    followUps { reference { id kind url title } firstMeeting { ...M } }
    timeline { meeting { ...M } decisions { id } }
    person { ${PERSON_FIELDS} }
  }
} ${F.meeting} ${F.source}`;

interface Answer {
  question: string;
  understood: boolean;
  message: string | null;
  suggestions: string[];
  interpretation: {
    kind: string;
    field: string;
    topic: string | null;
    person: string | null;
    collection: string | null;
    series: string | null;
    from: string | null;
    to: string | null;
    summary: string;
  } | null;
  discussions: Discussion[] | null;
  decisions: Decision[] | null;
  followUps: FollowUp[] | null;
  timeline: Pick<TimelineEntry, 'meeting' | 'decisions'>[] | null;
  person: PersonData | null;
}

export function AskPage({ question }: { question: string }) {
  return (
    <>
      <h1>Ask</h1>
      <AskForm value={question} />
      {question && <AskAnswer question={question} />}
    </>
  );
}

export function AskForm({ value }: { value?: string }) {
  return (
    <GoForm
      view="ask"
      param="q"
      id="ask-input"
      label="Ask a question in plain words"
      value={value}
      placeholder="who discussed snapshot restore?"
      button="Ask"
    />
  );
}

function AskAnswer({ question }: { question: string }) {
  const load = useLoad(() => gql<{ ask: Answer }>(QUERY, { q: question }), [question]);
  if (!load.data) return <Status load={load} what="the answer" />;
  const a = load.data.ask;
  if (!a.understood || !a.interpretation) {
    return (
      <section class="card unread" aria-labelledby="unread-h">
        <h2 id="unread-h">Not understood</h2>
        <p role="alert">{a.message}</p>
        <p>Questions I can answer:</p>
        <ul>
          {a.suggestions.map((s) => (
            <li key={s}>
              <a href={href('ask', { q: s })}>{s}</a>
            </li>
          ))}
        </ul>
      </section>
    );
  }
  const i = a.interpretation;
  const last = i.kind === 'LAST_DISCUSSED' ? a.timeline?.[0] : undefined;
  return (
    <>
      <section class="card interpretation" aria-labelledby="read-h">
        <h2 id="read-h">Read as</h2>
        <p class="summary">{i.summary}</p>
        <dl class="inline">
          <dt>kind</dt>
          <dd>{i.kind.toLowerCase().replace(/_/g, ' ')}</dd>
          <dt>answered by</dt>
          <dd>
            <code>{i.field}</code>
          </dd>
          {i.topic && (
            <>
              <dt>topic</dt>
              <dd>
                <a href={href('topic', { q: i.topic })}>{i.topic}</a>
              </dd>
            </>
          )}
          {i.person && (
            <>
              <dt>person</dt>
              <dd>
                <a href={href('person', { name: i.person })}>{i.person}</a>
              </dd>
            </>
          )}
          {i.collection && (
            <>
              <dt>collection</dt>
              <dd>{i.collection}</dd>
            </>
          )}
          {i.series && (
            <>
              <dt>series</dt>
              <dd>{i.series}</dd>
            </>
          )}
          {(i.from || i.to) && (
            <>
              <dt>dates</dt>
              <dd>
                {i.from ?? '…'} to {i.to ?? '…'}
              </dd>
            </>
          )}
        </dl>
        {a.message && <p role="alert">{a.message}</p>}
      </section>
      {i.kind === 'LAST_DISCUSSED' && (
        <Section id="last-h" title="Last discussed">
          {last ? (
            <p>
              <MeetingLink m={last.meeting} />
            </p>
          ) : (
            <p class="muted">No meeting discussed it.</p>
          )}
        </Section>
      )}
      <div class="grid">
        {a.discussions && <DiscussionsSection discussions={a.discussions} />}
        {a.decisions && <DecisionsSection decisions={a.decisions} />}
        {a.followUps && <FollowUpsSection followUps={a.followUps} />}
        {a.timeline && i.kind === 'EVOLUTION' && <TimelineSection entries={a.timeline} topic={i.topic ?? ''} />}
      </div>
      {a.person && <PersonView p={a.person} />}
    </>
  );
}
