// An extraction worker for test/pool.test.ts that speaks worker.ts's protocol
// but misbehaves on cue: a note whose text is HANG never answers, CRASH throws
// outside any handler, EXIT ends the thread, HOG allocates until its heap
// limit; any other note is answered with an empty record.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ id, file }) => {
  switch (file.text) {
    case 'HANG':
      for (;;);
    case 'CRASH':
      setImmediate(() => {
        throw new Error('boom');
      });
      return;
    case 'EXIT':
      process.exit(3);
    case 'HOG': {
      const hoard = [];
      for (;;) hoard.push(new Array(1e6).fill(hoard.length));
    }
    default:
      parentPort.postMessage({
        kind: 'done',
        id,
        parseMs: 0,
        extractMs: 0,
        record: {
          collection: file.collection,
          path: file.path,
          sha256: file.sha256,
          title: file.text,
          date: null,
          series: '',
          people: [],
          attendees: [],
          passages: [],
          references: [],
          decisions: [],
          actionItems: [],
          topics: [],
          messages: [],
        },
      });
  }
});
parentPort.postMessage({ kind: 'ready' });
