/**
 * The reads of one GraphQL request, batched by turn of the event loop: the
 * loaders of one level of an answer (a meeting's attendees, speakers,
 * references, …) each send their query in the same turn, and they go to
 * Neo4j together in one read transaction instead of one transaction each.
 * A level is then one snapshot and one exchange of messages.
 */
import type { Db, Params, Row, TxOptions } from '../db/driver.js';

/** What a query runner needs of the database: one read. */
export interface Reader {
  read(cypher: string, params?: Params, o?: TxOptions): Promise<Row[]>;
}

interface Pending {
  cypher: string;
  params: Params;
  o: TxOptions;
  resolve: (rows: Row[]) => void;
  reject: (err: unknown) => void;
}

/** One per request (the GraphQL context makes it). */
export class ReadBatch implements Reader {
  private pending: Pending[] = [];

  constructor(private readonly db: Db) {}

  read(cypher: string, params: Params = {}, o: TxOptions = {}): Promise<Row[]> {
    return new Promise((resolve, reject) => {
      // Note: setImmediate runs after every loader of this turn has been called.
      if (!this.pending.length) setImmediate(() => this.flush());
      this.pending.push({ cypher, params, o, resolve, reject });
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 1) {
      const q = batch[0]!;
      this.db.read(q.cypher, q.params, q.o).then(q.resolve, q.reject);
      return;
    }
    const label = batch.map((q) => q.o.label ?? 'query').join('+');
    this.db.readAll(batch, { label }).then(
      (results) => batch.forEach((q, i) => q.resolve(results[i]!)),
      (err) => batch.forEach((q) => q.reject(err)),
    );
  }
}
