/**
 * Pieces every page uses: loading a query, showing its state, and the links
 * (to a meeting's lines, a person, a topic) that make every fact traceable.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { MeetingRef, PersonRef, Source } from './api.js';
import { href, navigate } from './route.js';

export type Load<T> = { data?: T; error?: string; loading: boolean };

/** Runs `run` when a key changes; the last call wins. */
export function useLoad<T>(run: () => Promise<T>, key: unknown[]): Load<T> {
  const [state, setState] = useState<Load<T>>({ loading: true });
  useEffect(() => {
    let live = true;
    setState({ loading: true });
    run().then(
      (data) => live && setState({ data, loading: false }),
      (err: Error) => live && setState({ error: err.message, loading: false }),
    );
    return () => {
      live = false;
    };
  }, key);
  return state;
}

/** Loading and error messages, announced to screen readers. */
export function Status({ load, what }: { load: Load<unknown>; what: string }) {
  if (load.loading)
    return (
      <p class="status" role="status">
        Loading {what}…
      </p>
    );
  if (load.error)
    return (
      <p class="error" role="alert">
        Could not load {what}: {load.error}
      </p>
    );
  return null;
}

export function Section({ id, title, children, count }: { id: string; title: string; children: ComponentChildren; count?: number }) {
  return (
    <section aria-labelledby={id} class="card">
      <h2 id={id}>
        {title}
        {count !== undefined && <span class="count"> ({count})</span>}
      </h2>
      {children}
    </section>
  );
}

export const meetingHref = (m: { collection: string; path: string }, lines?: string) => href('meeting', { c: m.collection, path: m.path, lines });

export function MeetingLink({ m }: { m: MeetingRef }) {
  return (
    <a href={meetingHref(m)} class="meeting">
      {m.date ?? 'undated'} · {m.title || m.path}
    </a>
  );
}

/** A link to the lines on the meeting page, and to the note in its home when one is known. */
export function SourceLink({ s }: { s: Source }) {
  const lines = s.startLine === s.endLine ? `line ${s.startLine}` : `lines ${s.startLine}–${s.endLine}`;
  return (
    <span class="source">
      <a href={meetingHref(s, `${s.startLine}-${s.endLine}`)} aria-label={`${s.path}, ${lines}`}>
        {s.path}:{s.startLine}
        {s.endLine !== s.startLine && `–${s.endLine}`}
      </a>
      {s.url && (
        <>
          {' '}
          ·{' '}
          <a href={s.url} rel="noopener noreferrer" aria-label={`${lines} in the note's home`}>
            note ↗
          </a>
        </>
      )}
    </span>
  );
}

export function PersonLink({ p }: { p: PersonRef }) {
  return (
    <a href={href('person', { name: p.name })} class="person">
      {p.name}
    </a>
  );
}

export function People({ people }: { people: PersonRef[] }) {
  if (!people.length) return <span class="muted">no one named</span>;
  return (
    <>
      {people.map((p, i) => (
        <>
          {i > 0 && ', '}
          <PersonLink p={p} />
        </>
      ))}
    </>
  );
}

/** One text box and a button that go to a view with the text as `param`. */
export function GoForm({
  view,
  param,
  label,
  value,
  placeholder,
  button,
  id,
}: {
  view: string;
  param: string;
  label: string;
  value?: string;
  placeholder?: string;
  button: string;
  id: string;
}) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  return (
    <form
      class="go"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        if (text.trim()) navigate(href(view, { [param]: text.trim() }));
      }}
    >
      <label for={id}>{label}</label>
      <input id={id} name={param} type="search" value={text} placeholder={placeholder} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
      <button type="submit">{button}</button>
    </form>
  );
}
