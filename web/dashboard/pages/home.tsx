/**
 * Home: the collections (meetings, first and last date), the decisions and
 * action items of the latest meetings, and a box to ask a question.
 */
import { F, gql, type ActionItem, type Decision, type MeetingRef } from '../api.js';
import { href } from '../route.js';
import { GoForm, MeetingLink, PersonLink, Section, SourceLink, Status, useLoad } from '../ui.js';
import { AskForm } from './ask.js';

const QUERY = `query Home {
  collections { name urlBase meetings firstDate lastDate }
  meetings(first: 12) {
    ...M
    decisions { id text source { ...S } }
    actionItems { id text owner { id name } ownerGroup source { ...S } }
  }
} ${F.meeting} ${F.source}`;

interface HomeData {
  collections: { name: string; urlBase: string | null; meetings: number; firstDate: string | null; lastDate: string | null }[];
  meetings: (MeetingRef & { decisions: Omit<Decision, 'meeting' | 'people'>[]; actionItems: Omit<ActionItem, 'meeting'>[] })[];
}

export function HomePage() {
  const load = useLoad(() => gql<HomeData>(QUERY), []);
  return (
    <>
      <h1>Quorum</h1>
      <p class="lead">What the project's meetings discussed and decided, with every fact linked to its lines.</p>
      <div class="asks">
        <AskForm />
        <GoForm view="topic" param="q" id="home-topic" label="Or look up a topic" placeholder="snapshot restore" button="Show topic" />
      </div>
      {!load.data ? <Status load={load} what="the overview" /> : <Overview data={load.data} />}
    </>
  );
}

function Overview({ data }: { data: HomeData }) {
  const decisions = data.meetings.flatMap((m) => m.decisions.map((d) => ({ ...d, meeting: m }))).slice(0, 12);
  const actions = data.meetings.flatMap((m) => m.actionItems.map((a) => ({ ...a, meeting: m }))).slice(0, 12);
  return (
    <div class="grid">
      <Section id="collections-h" title="Collections" count={data.collections.length}>
        <table>
          <caption class="sr-only">Indexed collections</caption>
          <thead>
            <tr>
              <th scope="col">Collection</th>
              <th scope="col">Meetings</th>
              <th scope="col">First</th>
              <th scope="col">Last</th>
            </tr>
          </thead>
          <tbody>
            {data.collections.map((c) => (
              <tr key={c.name}>
                <th scope="row">{c.name}</th>
                <td class="num">{c.meetings}</td>
                <td>{c.firstDate ?? '–'}</td>
                <td>{c.lastDate ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section id="latest-h" title="Latest meetings" count={data.meetings.length}>
        <ol class="plain">
          {data.meetings.map((m) => (
            <li key={m.id}>
              <MeetingLink m={m} /> <span class="muted">{m.collection}</span>
            </li>
          ))}
        </ol>
      </Section>
      <Section id="recent-decisions-h" title="Recent decisions" count={decisions.length}>
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
      <Section id="recent-actions-h" title="Action items of the latest meetings" count={actions.length}>
        <ul class="plain">
          {actions.map((a) => (
            <li key={a.id}>
              <p>{a.text}</p>
              <p class="meta">
                owner: {a.owner ? <PersonLink p={a.owner} /> : (a.ownerGroup ?? <span class="muted">none named</span>)} · <MeetingLink m={a.meeting} /> ·{' '}
                <SourceLink s={a.source} />
              </p>
            </li>
          ))}
        </ul>
      </Section>
      <p class="muted">
        Also: <a href={href('person', {})}>people</a> · <a href="/graphiql">GraphiQL</a> · the API at <code>/graphql</code>
      </p>
    </div>
  );
}
