// LISTEN on the corpus's channel: every add, correction or delete committed by any
// server (or npm run db:load) wakes this one to catch up at once. While the
// connection is down (a database restart, a network cut) `listening` is false and
// the corpus checks the change counter on every request instead, so nothing is
// missed either way; reconnecting catches up on what happened meanwhile.
import pg from 'pg';
import type { Database } from './connectDatabase.js';

export interface ChangeListener {
  /** True while notifications arrive: the catalog is then current without asking. */
  readonly listening: boolean;
  close(): Promise<void>;
}

const RETRY_MS = 1000;

export function listenForChanges(db: Database, onChange: () => void, log: (m: string) => void = (m) => console.warn(m)): ChangeListener {
  let client: pg.Client | undefined;
  let listening = false;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const connect = async () => {
    timer = undefined;
    if (closed) return;
    const c = new pg.Client({ connectionString: db.url, options: `-c search_path=${db.schema}`, application_name: 'report-qa-listen' });
    const lost = (why: string) => {
      if (client !== c) return;
      client = undefined;
      listening = false;
      c.end().catch(() => undefined);
      if (!closed) {
        log(`[postgres] change notifications lost (${why}); checking for changes on every request until reconnected`);
        timer = setTimeout(connect, RETRY_MS);
      }
    };
    client = c;
    c.on('error', (e) => lost(e.message));
    c.on('end', () => lost('connection closed'));
    c.on('notification', () => onChange());
    try {
      await c.connect();
      await c.query(`LISTEN ${db.channel}`);
      if (client !== c) return;
      listening = true;
      // Whatever changed while not listening.
      onChange();
    } catch (e) {
      lost((e as Error).message);
    }
  };
  void connect();

  return {
    get listening() {
      return listening;
    },
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = undefined;
      listening = false;
      await c?.end().catch(() => undefined);
    },
  };
}
