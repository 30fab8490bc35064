/**
 * How a run's meetings are batched while the run still extracts
 * (ingest/load/batches.ts): against a stand-in for the database that records
 * each transaction's rows, so no Neo4j is needed.
 */
import { describe, expect, test } from 'vitest';
import type { Db } from '../db/driver.js';
import { MeetingWriter } from '../ingest/load/batches.js';
import { graphTarget, Orphans } from '../ingest/load/load.js';
import { STATEMENTS } from '../ingest/load/statements.js';
import type { LoadRows } from '../ingest/load/rows.js';
import { PeopleDirectory } from '../ingest/resolve/people.js';
import type { MeetingRecord, PersonRecord } from '../ingest/types.js';

/** A meeting attended by `people`, discussing one topic with one reference (a title only where given). */
function meeting(path: string, people: PersonRecord[], o: { topic?: string; title?: string; speaker?: number } = {}): MeetingRecord {
  const topic = o.topic ?? 'Page maps';
  return {
    collection: 'c',
    path,
    sha256: path,
    title: path,
    date: '2025-01-01',
    series: 's',
    people,
    attendees: people.map((_, i) => i),
    passages: [{ text: `We talked about ${topic}.`, startLine: 3, endLine: 3, section: 'Notes', speaker: o.speaker ?? null, refs: ['o/r#1'] }],
    references: [{ id: 'o/r#1', kind: 'issue', url: 'https://github.com/o/r/issues/1', ...(o.title ? { title: o.title } : {}), lines: [3] }],
    decisions: [],
    actionItems: [],
    topics: [{ name: topic, key: '', weight: 1, passages: [0] }],
    messages: [],
  } as unknown as MeetingRecord;
}

const person = (name: string, handles: string[] = []): PersonRecord => ({ name, aliases: [], handles });

/** A stand-in Db: each write transaction's batch rows, in commit order; `gate` can hold a transaction open. */
function recordingDb(gate?: (meetings: string[]) => Promise<void>) {
  const batches: Partial<LoadRows>[] = [];
  /** Each batch's meetings and how many transactions were open when it finished its queries. */
  const open_: { ids: string[]; open: number }[] = [];
  let open = 0;
  let most = 0;
  const names = new Map(
    [STATEMENTS.writeMeetings, STATEMENTS.writePeople, STATEMENTS.writeTopics, STATEMENTS.writeReferences, STATEMENTS.writePassages].map((s) => [
      s.text,
      s.name,
    ]),
  );
  const db = {
    async writeTx(work: (tx: { run: (q: string, p: Record<string, unknown>) => Promise<unknown[]> }) => Promise<unknown>) {
      open += 1;
      most = Math.max(most, open);
      const batch: Record<string, unknown> = {};
      try {
        await work({
          run: async (q, p) => {
            const name = names.get(q);
            if (name) batch[name.replace('write-', '')] = p.rows;
            if (q === STATEMENTS.completeMeetings.text) Object.assign(batch, { speakers: p.speakers, completes: p.meetings });
            if (q === STATEMENTS.linkPeople.text) Object.assign(batch, { owners: p.owners, involved: p.involved });
            return [];
          },
        });
        const ids = ((batch.meetings as { id: string }[]) ?? []).map((m) => m.id);
        open_.push({ ids, open });
        await gate?.(ids);
        batches.push(batch as Partial<LoadRows>);
      } finally {
        open -= 1;
      }
    },
  } as unknown as Db;
  return { db, batches, most: () => most, openAt: open_ };
}

describe('meetings written while the run extracts', () => {
  test('a meeting whose one-word name a later meeting ties to a full name is written at once without its people, which follow with the full name', async () => {
    // Note: a handle is settled by the collection's roster (what every note of the run says), so a meeting that writes one is held too.
    const { db, batches } = recordingDb();
    const w = new MeetingWriter(graphTarget(db), new PeopleDirectory(), { orphans: new Orphans(), derived: 'x', batchRows: 1 });
    w.push(meeting('a.md', [person('Jane Doe')]));
    w.push(meeting('b.md', [person('jdoe')], { speaker: 0 }));
    w.push(meeting('c.md', [person('Jane Doe', ['jdoe'])]));
    const written = await w.end();
    expect(written.held).toBe(2);
    const order = batches.map((b) => (b.meetings ?? []).map((m) => m.id)).flat();
    expect(order).toEqual(['c/a.md', 'c/b.md', 'c/c.md']);
    // Written without people, speaker or content hash; completed after every meeting was written.
    const first = batches.findIndex((b) => b.meetings?.some((m) => m.id === 'c/b.md'));
    expect(batches[first]!.people ?? []).toEqual([]);
    expect(batches[first]!.passages!.map((p) => p.speaker)).toEqual([null]);
    expect(batches[first]!.meetings![0]!.props.sha256).toBeNull();
    const last = batches.findIndex((b) => b.completes?.some((m) => m.id === 'c/b.md'));
    expect(last).toBeGreaterThan(batches.findIndex((b) => b.meetings?.some((m) => m.id === 'c/c.md')));
    expect(batches[last]!.completes).toContainEqual({ id: 'c/b.md', sha256: 'b.md' });
    expect(batches[last]!.speakers).toEqual([{ passage: 'c/b.md#p0', person: batches[last]!.people![0]!.person }]);
    const people = batches.flatMap((b) => b.people ?? []).filter((p) => p.meeting === 'c/b.md');
    expect(people.map((p) => p.person)).toEqual([
      ...new Set(
        batches
          .flatMap((b) => b.people ?? [])
          .filter((p) => p.meeting === 'c/c.md')
          .map((p) => p.person),
      ),
    ]);
  });

  test('a full name written without a handle is written at once; a handle the graph knows waits for the roster, then takes the known name', async () => {
    const { db, batches } = recordingDb();
    const w = new MeetingWriter(graphTarget(db), new PeopleDirectory([], [{ id: 'jane doe', handles: ['jdoe'] }]), {
      orphans: new Orphans(),
      derived: 'x',
      batchRows: 1,
    });
    w.push(meeting('a.md', [person('Jane Doe')]));
    w.push(meeting('b.md', [person('jdoe')]));
    w.push(meeting('c.md', [person('Alan Turing')]));
    expect((await w.end()).held).toBe(1);
    // Every meeting in file order; the held one's people after them all.
    expect(batches.flatMap((b) => (b.meetings ?? []).map((m) => m.id))).toEqual(['c/a.md', 'c/b.md', 'c/c.md']);
    expect(batches.flatMap((b) => (b.people ?? []).map((p) => p.meeting))).toEqual(['c/a.md', 'c/c.md', 'c/b.md']);
    expect(
      batches
        .flatMap((b) => b.people ?? [])
        .filter((p) => p.meeting === 'c/b.md')
        .map((p) => p.person),
    ).toEqual(['jane doe']);
  });

  test("a shared node's values are its first row's in file order, even when that meeting was held", async () => {
    const { db, batches } = recordingDb();
    const w = new MeetingWriter(graphTarget(db), new PeopleDirectory(), { orphans: new Orphans(), derived: 'x', batchRows: 1 });
    w.push(meeting('a.md', [person('Al')], { topic: 'Page Maps' }));
    w.push(meeting('b.md', [person('Bo Lee')], { topic: 'page maps', title: 'Later title' }));
    await w.end();
    const topics = batches.flatMap((b) => b.topics ?? []);
    expect(topics.map((t) => t.name)).toEqual(['Page Maps', 'Page Maps']);
    // The held meeting was written before any title was seen; write-references keeps the first non-null title, whichever commits first.
    expect(batches.flatMap((b) => b.references ?? []).map((r) => r.title)).toEqual([null, 'Later title']);
  });

  test('two batches at once; a batch that replaces a meeting alone', async () => {
    const release: (() => void)[] = [];
    const { db, most, openAt } = recordingDb(() => new Promise((resolve) => release.push(resolve)));
    const w = new MeetingWriter(graphTarget(db), new PeopleDirectory(), { orphans: new Orphans(), derived: 'x', batchRows: 1, replaces: (p) => p === 'c.md' });
    for (const p of ['a.md', 'b.md', 'c.md', 'd.md']) w.push(meeting(p, [person('Bo Lee')]));
    const ended = w.end();
    for (let i = 0; i < 4; i += 1) {
      await new Promise((r) => setTimeout(r, 10));
      release.shift()?.();
    }
    await ended;
    expect(most()).toBe(2);
    expect(openAt.find((b) => b.ids.includes('c/c.md'))?.open).toBe(1);
    expect(openAt.map((b) => b.ids[0])).toEqual(['c/a.md', 'c/b.md', 'c/c.md', 'c/d.md']);
  });
});

describe('a run that extracts faster than it writes', () => {
  test('waits while four full batches wait for a transaction', async () => {
    const release: (() => void)[] = [];
    const { db } = recordingDb(() => new Promise((resolve) => release.push(resolve)));
    const w = new MeetingWriter(graphTarget(db), new PeopleDirectory(), { orphans: new Orphans(), derived: 'x', batchRows: 1 });
    const ready = () => Promise.race([w.ready().then(() => true), new Promise((r) => setTimeout(() => r(false), 20))]);
    for (const p of ['a.md', 'b.md', 'c.md', 'd.md', 'e.md', 'f.md']) w.push(meeting(p, [person('Bo Lee')]));
    await new Promise((r) => setTimeout(r, 10));
    // Two in flight, four queued: no room.
    expect(await ready()).toBe(false);
    release.shift()!();
    await new Promise((r) => setTimeout(r, 10));
    expect(await ready()).toBe(true);
    const ended = w.end();
    while ((await Promise.race([ended.then(() => 'done'), new Promise((r) => setTimeout(() => r('wait'), 10))])) !== 'done') release.shift()?.();
  });
});
