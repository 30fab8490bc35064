/**
 * Topic page: who discussed a topic (meetings, people, passages), the
 * decisions about it, the PRs and issues that followed, and a timeline of its
 * meetings with decisions marked. Every fact links to its source lines.
 */
import { F, gql, type Decision, type Discussion, type FollowUp, type TimelineEntry } from '../api.js';
import { MeetingTimeline } from '../charts.js';
import { GoForm, MeetingLink, meetingHref, People, Section, SourceLink, Status, useLoad } from '../ui.js';

const QUERY = `query Topic($topic: String!) {
  discussions(topic: $topic, first: 30) { meeting { ...M } people { id name } passages { text speaker { id name } source { ...S } } }
  decisions(about: $topic, first: 30) { id text meeting { ...M } people { id name } source { ...S } }
  followUps(topic: $topic, first: 50) { reference { id kind url title } firstMeeting { ...M } }
  timeline(ref: $topic) { meeting { ...M } decisions { id } }
} ${F.meeting} ${F.source}`;

interface TopicData {
  discussions: Discussion[];
  decisions: Decision[];
  followUps: FollowUp[];
  timeline: Pick<TimelineEntry, 'meeting' | 'decisions'>[];
}

export function TopicPage({ topic }: { topic: string }) {
  return (
    <>
      <h1>
        Topic
        {topic && (
          <>
            : <q>{topic}</q>
          </>
        )}
      </h1>
      <GoForm view="topic" param="q" id="topic-input" label="Topic" value={topic} placeholder="snapshot restore, fuzzing, RFC 43…" button="Show" />
      {topic ? <TopicAnswer topic={topic} /> : <p>Type a topic: the meetings that discussed it, who spoke, what was decided and what followed.</p>}
    </>
  );
}

function TopicAnswer({ topic }: { topic: string }) {
  const load = useLoad(() => gql<TopicData>(QUERY, { topic }), [topic]);
  if (!load.data) return <Status load={load} what={`“${topic}”`} />;
  return <TopicView data={load.data} topic={topic} />;
}

/** The parts of a topic's answer; also used by the answers of `ask`. */
export function TopicView({ data, topic }: { data: Partial<TopicData>; topic: string }) {
  const { discussions, decisions, followUps, timeline } = data;
  return (
    <div class="grid">
      {timeline && <TimelineSection entries={timeline} topic={topic} />}
      {discussions && <DiscussionsSection discussions={discussions} />}
      {decisions && <DecisionsSection decisions={decisions} />}
      {followUps && <FollowUpsSection followUps={followUps} />}
    </div>
  );
}

export function TimelineSection({ entries, topic }: { entries: Pick<TimelineEntry, 'meeting' | 'decisions'>[]; topic: string }) {
  const dated = entries.filter((e) => e.meeting.date);
  const points = dated.map((e) => ({
    date: e.meeting.date!,
    title: e.meeting.title || e.meeting.path,
    href: meetingHref(e.meeting),
    decisions: e.decisions.length,
  }));
  const undated = entries.length - dated.length;
  return (
    <Section id="timeline-h" title="Timeline" count={entries.length}>
      {entries.length === 0 ? (
        <p class="muted">No meeting discussed or referenced “{topic}”.</p>
      ) : (
        <MeetingTimeline
          points={points}
          caption={`${dated.length} meeting${dated.length === 1 ? '' : 's'} over time; orange, ringed dots took a decision.${undated ? ` ${undated} undated meeting(s) not drawn.` : ''}`}
        />
      )}
      <ol class="plain">
        {entries.map((e) => (
          <li key={e.meeting.id}>
            <MeetingLink m={e.meeting} />
            {e.decisions.length > 0 && (
              <span class="tag">
                {e.decisions.length} decision{e.decisions.length > 1 ? 's' : ''}
              </span>
            )}
          </li>
        ))}
      </ol>
    </Section>
  );
}

export function DiscussionsSection({ discussions }: { discussions: Discussion[] }) {
  return (
    <Section id="discussions-h" title="Who discussed it" count={discussions.length}>
      {discussions.length === 0 && <p class="muted">No meeting discussed it.</p>}
      <ul class="plain discussions">
        {discussions.map((d) => (
          <li key={d.meeting.id} class="discussion">
            <h3>
              <MeetingLink m={d.meeting} />
            </h3>
            <p>
              People: <People people={d.people} />
            </p>
            <ul class="passages">
              {d.passages.slice(0, 4).map((p) => (
                <li key={`${p.source.path}:${p.source.startLine}`}>
                  <blockquote>
                    {p.speaker && <strong>{p.speaker.name}: </strong>}
                    {clip(p.text)}
                  </blockquote>
                  <SourceLink s={p.source} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function DecisionsSection({ decisions }: { decisions: Decision[] }) {
  return (
    <Section id="decisions-h" title="Decisions" count={decisions.length}>
      {decisions.length === 0 && <p class="muted">No decision found about it.</p>}
      <ul class="plain decisions">
        {decisions.map((d) => (
          <li key={d.id} class="decision">
            <p>{d.text}</p>
            <p class="meta">
              <MeetingLink m={d.meeting} /> · <SourceLink s={d.source} />
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
  );
}

export function FollowUpsSection({ followUps }: { followUps: FollowUp[] }) {
  return (
    <Section id="followups-h" title="PRs and issues that followed" count={followUps.length}>
      {followUps.length === 0 && <p class="muted">No pull request or issue tied to it.</p>}
      <ul class="plain followups">
        {followUps.map((f) => (
          <li key={f.reference.id}>
            {f.reference.url ? (
              <a href={f.reference.url} rel="noopener noreferrer">
                {f.reference.id}
              </a>
            ) : (
              <code>{f.reference.id}</code>
            )}{' '}
            <span class="tag">{f.reference.kind.toLowerCase().replace('_', ' ')}</span>
            {f.reference.title && <> {f.reference.title}</>}
            <span class="meta">
              {' '}
              · first tied in <MeetingLink m={f.firstMeeting} />
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

export const clip = (t: string, n = 400) => (t.length > n ? `${t.slice(0, n)}…` : t);
