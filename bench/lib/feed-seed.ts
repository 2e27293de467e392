/**
 * Seeds a migrated Oriva SQLite database with a large notification feed, directly with better-sqlite3 (not through
 * HTTP): N users × M notifications each, spread over the given apps, interleaved in time as real traffic would be
 * (ids and created_at increase together; users' notifications arrive interleaved, as real traffic does), each with its
 * `notification_state` row, plus `user_preferences` rows muting one app for a share of the users.
 *
 * The server must be stopped while this runs. For speed, the secondary indexes of the two tables are dropped before
 * the load and re-created from their own stored SQL afterwards (a sort-based build instead of 1M random B-tree
 * inserts), so the schema ends up exactly as the migrations made it. Rows go in through prepared multi-row INSERTs,
 * in a few large transactions, with the rollback journal instead of the WAL (new pages need no journal), and the
 * database is switched back to WAL and checkpointed at the end. No ANALYZE is run: the server never runs it either,
 * so the planner sees what it would see in production.
 *
 * Figures are deterministic for a given `seed` (a small PRNG), except for timestamps, which are relative to now.
 *
 * `seedFeedInChild` runs the same in a child process (`bench/lib/feed-seed-child.ts`): better-sqlite3 blocks its
 * thread for the whole load, and a harness whose event loop is blocked cannot handle Ctrl-C (under the tsx CLI the
 * signal arrives twice, and the second, queued behind the block, kills the process before any clean-up).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { childError, repoRoot, sleep, spawnTsx } from './proc.js';

export interface FeedSeedOptions {
  /** `<data dir>/oriva.db`, created and migrated by the server. */
  dbPath: string;
  users: number;
  perUser: number;
  /** App ids that exist in the database (`apps` table). */
  apps: readonly string[];
  /** Share of users with a `user_preferences` row muting one app (default 0.1). */
  mutedShare?: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Notifications per transaction (default 100,000). */
  transactionSize?: number;
}

export interface FeedSeedResult {
  notifications: number;
  users: number;
  mutedUsers: number;
  /** Wall-clock seconds from opening the database to closing it, less the scan measurement. */
  seconds: number;
  /** Of which: generating and inserting rows; re-creating the indexes; switching to WAL and checkpointing. */
  insertSeconds: number;
  indexSeconds: number;
  finishSeconds: number;
  transactions: number;
  /** Size of oriva.db (plus -wal/-shm if any) after the checkpoint. */
  dbBytes: number;
  /** notification_state rows by status. */
  statusCounts: Record<string, number>;
  /**
   * What the API should answer for user `user_<n>` (index n - 1), under the documented semantics: `feedTotal` =
   * unread/read/clicked, not expired, app not muted (the default feed's `pagination.total`); `unread` = unread, not
   * expired, app not muted; `mutedUnread` = unread, not expired, app muted.
   */
  expected: { feedTotal: Int32Array; unread: Int32Array; mutedUnread: Int32Array };
  /** App muted by each user (index n - 1), or undefined. */
  mutedApp: (string | undefined)[];
  /** Milliseconds of one user's unread count done by a full scan of notification_state (no index, no key), for scale. */
  scanMs: number;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DAY_MS = 86_400_000;
/** created_at spans this far back from (now - 10 minutes). */
const HISTORY_MS = 60 * DAY_MS;

/** mulberry32: a tiny, fast, seedable PRNG returning [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function encodeTime(ms: number): string {
  let out = '';
  let rest = ms;
  for (let i = 0; i < 10; i++) {
    out = CROCKFORD[rest % 32] + out;
    rest = Math.floor(rest / 32);
  }
  return out;
}

const FIRST_NAMES = ['Sarah', 'Miguel', 'Aiko', 'Jonas', 'Priya', 'Oluwaseun', 'Chen', 'Fatima', 'Lukas', 'Amara'];
const TOPICS = ['roadmap review', 'design sync', 'budget draft', 'sprint retro', 'onboarding plan', 'launch checklist'];
const TYPES = ['message', 'mention', 'reminder', 'digest', 'update'] as const;

/** ~40 characters. */
function title(type: string, name: string, topic: string, k: number): string {
  switch (type) {
    case 'message':
      return `New message from ${name} about ${topic}`;
    case 'mention':
      return `${name} mentioned you in "${topic}"`;
    case 'reminder':
      return `Session with ${name} starts in ${k % 50} minutes`;
    case 'digest':
      return `Your weekly digest: ${k % 90} updates in ${topic}`;
    default:
      return `${name} updated the ${topic} (v${k % 20})`;
  }
}

/** ~120 characters. */
function body(type: string, name: string, topic: string, k: number): string {
  switch (type) {
    case 'message':
      return `${name}: "Could you take a look at the ${topic} before tomorrow's meeting? I left ${k % 9} comments on the last section."`;
    case 'mention':
      return `${name} wrote: "@you can you confirm the numbers in the ${topic}? We need them before ${k % 12} pm, thanks a lot!"`;
    case 'reminder':
      return `Your session with ${name} on the ${topic} is about to begin. Join from the app or reply to reschedule it.`;
    case 'digest':
      return `This week: ${k % 90} updates, ${k % 17} new comments and ${k % 5} decisions in ${topic}. Open the digest to catch up quickly.`;
    default:
      return `${name} changed the ${topic}: ${k % 7} sections edited, ${k % 4} tasks reassigned. Review the changes when you have a minute.`;
  }
}

export async function seedFeed(options: FeedSeedOptions): Promise<FeedSeedResult> {
  const { dbPath, users, perUser, apps } = options;
  const mutedShare = options.mutedShare ?? 0.1;
  const txSize = options.transactionSize ?? 100_000;
  const total = users * perUser;
  if (apps.length === 0 || users <= 0 || perUser <= 0) throw new Error('seedFeed: need apps, users and perUser > 0');
  const rand = prng(options.seed ?? 1);
  const t0 = performance.now();

  const db = new Database(dbPath);
  try {
    // The rollback journal: pages appended to the file need no journal copy, unlike the WAL (which writes everything
    // twice). Durability is irrelevant for a throw-away benchmark database.
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = OFF');
    db.pragma('cache_size = -262144');
    db.pragma('temp_store = MEMORY');

    const appRows = db.prepare('SELECT app_id FROM apps').pluck().all() as string[];
    const missing = apps.filter((a) => !appRows.includes(a));
    if (missing.length > 0) throw new Error(`seedFeed: apps missing from the database: ${missing.join(', ')}`);
    // Numbers the generated notifications after any already there (for unique external ids).
    const seqBase = (db.prepare('SELECT count(*) FROM platform_notifications').pluck().get() as number) ?? 0;

    // Mutes first, so that the expected counts can be kept while generating.
    const nowMs = Date.now();
    const nowIso = new Date(nowMs).toISOString();
    const mutedApp: (string | undefined)[] = Array.from({ length: users }, () =>
      rand() < mutedShare ? apps[Math.floor(rand() * apps.length)] : undefined,
    );

    // Exactly perUser notifications per user, in a shuffled order (Fisher–Yates).
    const owner = new Int32Array(total);
    for (let i = 0; i < total; i++) owner[i] = Math.floor(i / perUser);
    for (let i = total - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      const tmp = owner[i]!;
      owner[i] = owner[j]!;
      owner[j] = tmp;
    }

    const expected = {
      feedTotal: new Int32Array(users),
      unread: new Int32Array(users),
      mutedUnread: new Int32Array(users),
    };
    const statusCounts: Record<string, number> = { unread: 0, read: 0, clicked: 0, dismissed: 0, expired: 0 };

    // Secondary indexes out of the way; re-created from their stored SQL at the end.
    const indexes = db
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
           AND tbl_name IN ('platform_notifications', 'notification_state')`,
      )
      .all() as { name: string; sql: string }[];
    for (const index of indexes) db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);

    const N_COLS = 17;
    const S_COLS = 16;
    const ROWS = 100;
    const nCols =
      'id, app_id, external_id, user_id, notification_type, title, body, action_url, action_label, image_url, ' +
      'icon_url, context_data, group_key, priority, expires_at, created_at, updated_at';
    const sCols =
      'id, notification_id, user_id, app_id, notification_type, expires_at, status, sent_at, delivered_at, read_at, ' +
      'dismissed_at, clicked_at, dismissed_from, click_action, created_at, updated_at';
    const placeholders = (cols: number, rows: number) =>
      Array.from({ length: rows }, () => `(${Array.from({ length: cols }, () => '?').join(', ')})`).join(', ');
    const insertN = (rows: number) =>
      db.prepare(`INSERT INTO platform_notifications (${nCols}) VALUES ${placeholders(N_COLS, rows)}`);
    const insertS = (rows: number) =>
      db.prepare(`INSERT INTO notification_state (${sCols}) VALUES ${placeholders(S_COLS, rows)}`);
    const bulkN = insertN(ROWS);
    const bulkS = insertS(ROWS);
    const nParams: unknown[] = new Array(N_COLS * ROWS);
    const sParams: unknown[] = new Array(S_COLS * ROWS);

    const endMs = nowMs - 10 * 60_000;
    const step = Math.max(1, Math.floor(HISTORY_MS / total));
    const startMs = endMs - step * total;
    const iso = (ms: number) => new Date(ms).toISOString();

    /** Fill row `r` of the parameter arrays with notification number i (0-based). */
    const fillRow = (i: number, r: number) => {
      const seq = seqBase + i + 1;
      const u = owner[i]!;
      const userId = `user_${u + 1}`;
      const appId = apps[Math.floor(rand() * apps.length)]!;
      const type = TYPES[Math.floor(rand() * TYPES.length)]!;
      const name = FIRST_NAMES[Math.floor(rand() * FIRST_NAMES.length)]!;
      const topic = TOPICS[Math.floor(rand() * TOPICS.length)]!;
      const k = Math.floor(rand() * 1000);
      const createdMs = startMs + i * step;
      const createdAt = iso(createdMs);
      let tail = '';
      for (let c = 0; c < 16; c++) tail += CROCKFORD[Math.floor(rand() * 32)];
      const suffix = `${encodeTime(createdMs)}${tail}`;
      const id = `ntf_${suffix}`;

      const urlRoll = rand();
      const actionUrl =
        urlRoll < 0.8 ? `https://${appId}.example.com/n/${seq}` : urlRoll < 0.9 ? `${appId}://item/${seq}` : null;
      const actionLabel = actionUrl === null ? null : type === 'reminder' ? 'Join session' : 'View';
      const imageUrl = rand() < 0.2 ? `https://cdn.example.com/img/${seq % 1000}.png` : null;
      const iconUrl = rand() < 0.1 ? `https://cdn.example.com/avatars/${name.toLowerCase()}.png` : null;
      const contextData = `{"entity_id":"ent_${seq}","actor":"${name}","topic":"${topic}","count":${k % 90}}`;
      const groupKey = rand() < 0.3 ? `${type}_${u}_${k % 5}` : null;
      const pRoll = rand();
      const priority = pRoll < 0.1 ? 'low' : pRoll < 0.8 ? 'normal' : pRoll < 0.95 ? 'high' : 'urgent';

      // Expiry: mostly none, some in the future, a few already past (most of those already swept to 'expired').
      const eRoll = rand();
      let expiresMs: number | undefined;
      if (eRoll >= 0.85) expiresMs = eRoll < 0.97 ? nowMs + DAY_MS * (1 + Math.floor(rand() * 30)) : createdMs + 60_000;
      const expiresAt = expiresMs === undefined ? null : iso(expiresMs);
      const pastExpiry = expiresMs !== undefined && expiresMs <= nowMs;

      let status: string;
      if (pastExpiry) status = rand() < 0.9 ? 'expired' : 'unread';
      else {
        const sRoll = rand();
        status = sRoll < 0.7 ? 'unread' : sRoll < 0.88 ? 'read' : sRoll < 0.95 ? 'clicked' : 'dismissed';
      }
      statusCounts[status] = (statusCounts[status] ?? 0) + 1;
      const actedAt = iso(createdMs + Math.floor(rand() * 5 * 60_000));
      const readAt = status === 'read' || status === 'clicked' ? actedAt : null;
      const clickedAt = status === 'clicked' ? actedAt : null;
      const dismissedAt = status === 'dismissed' ? actedAt : null;
      const stateUpdatedAt = status === 'unread' ? createdAt : status === 'expired' ? iso(expiresMs!) : actedAt;

      if (!pastExpiry) {
        const muted = mutedApp[u] === appId;
        if (!muted && (status === 'unread' || status === 'read' || status === 'clicked')) expected.feedTotal[u]!++;
        if (status === 'unread') {
          if (muted) expected.mutedUnread[u]!++;
          else expected.unread[u]!++;
        }
      }

      let p = r * N_COLS;
      nParams[p++] = id;
      nParams[p++] = appId;
      nParams[p++] = `ext_${seq}`;
      nParams[p++] = userId;
      nParams[p++] = type;
      nParams[p++] = title(type, name, topic, k);
      nParams[p++] = body(type, name, topic, k);
      nParams[p++] = actionUrl;
      nParams[p++] = actionLabel;
      nParams[p++] = imageUrl;
      nParams[p++] = iconUrl;
      nParams[p++] = contextData;
      nParams[p++] = groupKey;
      nParams[p++] = priority;
      nParams[p++] = expiresAt;
      nParams[p++] = createdAt;
      nParams[p] = createdAt;

      let q = r * S_COLS;
      sParams[q++] = `nst_${suffix}`;
      sParams[q++] = id;
      sParams[q++] = userId;
      sParams[q++] = appId;
      sParams[q++] = type;
      sParams[q++] = expiresAt;
      sParams[q++] = status;
      sParams[q++] = createdAt; // sent_at
      sParams[q++] = null; // delivered_at
      sParams[q++] = readAt;
      sParams[q++] = dismissedAt;
      sParams[q++] = clickedAt;
      sParams[q++] = status === 'dismissed' ? 'oriva_core' : null;
      sParams[q++] = status === 'clicked' ? 'open' : null;
      sParams[q++] = createdAt;
      sParams[q] = stateUpdatedAt;
    };

    const insertRange = db.transaction((from: number, to: number) => {
      let i = from;
      for (; i + ROWS <= to; i += ROWS) {
        for (let r = 0; r < ROWS; r++) fillRow(i + r, r);
        bulkN.run(nParams);
        bulkS.run(sParams);
      }
      const rest = to - i;
      if (rest > 0) {
        for (let r = 0; r < rest; r++) fillRow(i + r, r);
        insertN(rest).run(nParams.slice(0, rest * N_COLS));
        insertS(rest).run(sParams.slice(0, rest * S_COLS));
      }
    });

    let transactions = 0;
    for (let from = 0; from < total; from += txSize) {
      insertRange(from, Math.min(total, from + txSize));
      transactions++;
      // Let signals (Ctrl-C) and timers through between transactions.
      await yieldToLoop();
    }

    const insertPrefs = db.prepare(
      'INSERT OR REPLACE INTO user_preferences (user_id, muted_apps, muted_types, updated_at) VALUES (?, ?, ?, ?)',
    );
    db.transaction(() => {
      mutedApp.forEach((appId, u) => {
        if (appId !== undefined) insertPrefs.run(`user_${u + 1}`, JSON.stringify([appId]), '{}', nowIso);
      });
    })();
    const tInserted = performance.now();

    for (const index of indexes) db.exec(index.sql);
    const tIndexed = performance.now();

    // For scale: one user's unread count by a full scan of notification_state (the second of two runs, warm).
    const scan = db.prepare(
      // `+user_id` keeps the planner off every index and off the clustering key: a true full scan.
      "SELECT count(*) FROM notification_state NOT INDEXED WHERE +user_id = ? AND +status = 'unread'",
    );
    scan.get('user_1');
    const s0 = performance.now();
    scan.get('user_2');
    const scanMs = performance.now() - s0;
    const t2 = performance.now();

    db.pragma('journal_mode = WAL');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const tDone = performance.now();

    let dbBytes = 0;
    for (const suffix of ['', '-wal', '-shm']) {
      try {
        dbBytes += statSync(`${dbPath}${suffix}`).size;
      } catch {
        // absent
      }
    }

    return {
      notifications: total,
      users,
      mutedUsers: mutedApp.filter((a) => a !== undefined).length,
      seconds: (tIndexed - t0 + (tDone - t2)) / 1_000,
      insertSeconds: (tInserted - t0) / 1_000,
      indexSeconds: (tIndexed - tInserted) / 1_000,
      finishSeconds: (tDone - t2) / 1_000,
      transactions,
      dbBytes,
      statusCounts,
      expected,
      mutedApp,
      scanMs,
    };
  } finally {
    if (db.open) db.close();
  }
}

/** The JSON form of a `FeedSeedResult`, as the child process writes it. */
export type FeedSeedResultJson = Omit<FeedSeedResult, 'expected' | 'mutedApp'> & {
  expected: { feedTotal: number[]; unread: number[]; mutedUnread: number[] };
  mutedApp: (string | null)[];
};

export function seedResultToJson(r: FeedSeedResult): FeedSeedResultJson {
  return {
    ...r,
    expected: {
      feedTotal: Array.from(r.expected.feedTotal),
      unread: Array.from(r.expected.unread),
      mutedUnread: Array.from(r.expected.mutedUnread),
    },
    mutedApp: r.mutedApp.map((a) => a ?? null),
  };
}

function seedResultFromJson(j: FeedSeedResultJson): FeedSeedResult {
  return {
    ...j,
    expected: {
      feedTotal: Int32Array.from(j.expected.feedTotal),
      unread: Int32Array.from(j.expected.unread),
      mutedUnread: Int32Array.from(j.expected.mutedUnread),
    },
    mutedApp: j.mutedApp.map((a) => a ?? undefined),
  };
}

const seedChildScript = join(repoRoot, 'bench/lib/feed-seed-child.ts');

/**
 * `seedFeed` in a child process under tsx, bounded to `timeoutMs` (then stopped); the result comes back through
 * `resultFile` (too large for the child's output tail). Stopped like any other child on Ctrl-C.
 */
export async function seedFeedInChild(
  options: FeedSeedOptions,
  resultFile: string,
  timeoutMs = 300_000,
): Promise<FeedSeedResult> {
  const handle = spawnTsx('feed seeding', seedChildScript, {
    BENCH_FEED_SEED_OPTIONS: JSON.stringify(options),
    BENCH_FEED_SEED_RESULT: resultFile,
  });
  const how = await Promise.race([handle.exited, sleep(timeoutMs).then(() => 'timeout')]);
  if (how === 'timeout') {
    await handle.stop();
    throw childError(handle, `did not finish within ${Math.round(timeoutMs / 1000)} s`);
  }
  if (how !== '0') throw childError(handle, `exited (${how})`);
  return seedResultFromJson(JSON.parse(readFileSync(resultFile, 'utf8')) as FeedSeedResultJson);
}
