/**
 * The Quorum dashboard: pages over the public GraphQL API, routed by the
 * query string so every page and answer has a URL to share.
 */
import { render } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import './style.css';
import { AskPage } from './pages/ask.js';
import { HomePage } from './pages/home.js';
import { MeetingPage } from './pages/meeting.js';
import { PersonPage } from './pages/person.js';
import { TopicPage } from './pages/topic.js';
import { href, useRoute, type Route } from './route.js';

function page({ view, params }: Route) {
  const get = (k: string) => params.get(k) ?? '';
  switch (view) {
    case 'topic':
      return { title: get('q') ? `Topic: ${get('q')}` : 'Topic', body: <TopicPage topic={get('q')} /> };
    case 'meeting':
      return { title: `Meeting ${get('path')}`, body: <MeetingPage collection={get('c')} path={get('path')} lines={params.get('lines')} /> };
    case 'person':
      return { title: get('name') ? `Person: ${get('name')}` : 'Person', body: <PersonPage name={get('name')} /> };
    case 'ask':
      return { title: get('q') ? `Ask: ${get('q')}` : 'Ask', body: <AskPage question={get('q')} /> };
    case 'home':
      return { title: 'Home', body: <HomePage /> };
    default:
      return {
        title: 'Not found',
        body: (
          <>
            <h1>Not found</h1>
            <p role="alert">
              There is no page “{view}”. <a href="/">Home</a>
            </p>
          </>
        ),
      };
  }
}

function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const { title, body } = page(route);
  const first = useRef(true);
  useEffect(() => {
    document.title = `${title} · Quorum`;
    // After a navigation, move focus to the new page so keyboard and screen-reader users start there.
    if (!first.current) main.current?.focus();
    first.current = false;
  }, [route.params.toString()]);
  const current = (v: string) => (route.view === v ? 'page' : undefined);
  return (
    <>
      <header>
        <nav aria-label="Main">
          <a href="/" class="brand" aria-current={current('home')}>
            Quorum
          </a>
          <a href={href('topic')} aria-current={current('topic')}>
            Topics
          </a>
          <a href={href('person')} aria-current={current('person')}>
            People
          </a>
          <a href={href('ask')} aria-current={current('ask')}>
            Ask
          </a>
          <a href="/graphiql">GraphiQL</a>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {body}
      </main>
    </>
  );
}

document.getElementById('skip')?.addEventListener('click', (e) => {
  e.preventDefault();
  document.getElementById('main')?.focus();
});
const root = document.getElementById('app')!;
root.replaceChildren();
render(<App />, root);
