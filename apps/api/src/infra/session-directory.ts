import { randomUUID } from 'node:crypto';
import type { Database, NotificationListener, PrismaClient } from '@portal/db';
import type { Role } from '@portal/domain';

/** What a session depends on, as the database holds it now. */
export type SessionState = {
  userId: string;
  role: Role;
  companyId: string;
  isCompanyAdmin: boolean;
  status: 'ACTIVE' | 'DISABLED';
  /** passwordChangedAt in epoch ms; a token signed with another value is void. */
  passwordVersion: number;
  companyStatus: 'PENDING' | 'APPROVED' | 'REJECTED' | 'SUSPENDED';
  /** The user's live sessions: refresh-token families with a token not revoked. */
  sessionIds: readonly string[];
  /** The language the user reads (users.locale). */
  locale: string;
};

/** What services that change users or companies tell the directory, after committing. */
export type SessionChanges = Pick<SessionDirectory, 'forgetUser' | 'forgetCompany'>;

/** The channel the database triggers of migration session_notifications send on. */
export const SESSION_CHANNEL = 'portal_sessions';

export type SessionDirectory = {
  /** The user's session state, or null when there is no such user. */
  get(userId: string): Promise<SessionState | null>;
  /**
   * The same, read from the database now (and kept). For a session id the kept state does not
   * know: a session begun in another process moments ago, whose notification is on its way.
   */
  reload(userId: string): Promise<SessionState | null>;
  /** Forget what is held for a user or a company's users; call after committing a change to them. */
  forgetUser(userId: string): void;
  forgetCompany(companyId: string): void;
  /**
   * Resolves once every change committed before the call has reached this process (a marker sent
   * through the channel comes back after them). For changes made outside this process.
   */
  sync(timeoutMs?: number): Promise<void>;
  /** Whether entries are being kept: only while the change channel is up. */
  readonly caching: boolean;
  readonly size: number;
  close(): Promise<void>;
};

type Options = {
  prisma: PrismaClient;
  listen: Database['listen'];
  /** Upper bound on entries; the oldest go first. */
  maxEntries?: number;
  /** An entry is read again after this long even without a notification. */
  maxAgeMs?: number;
  now?: () => number;
};

/**
 * Checking every request against the database cost more CPU than the rest of a catalog search
 * (bench:search), so each process keeps the session state of recent users in memory. It stays
 * exact: the database tells every process of each change at commit (NOTIFY from triggers on User
 * and Company), this process also forgets at once what it changed itself, and while the channel is
 * down nothing is kept and every request reads the database, as before.
 */
export async function createSessionDirectory(options: Options): Promise<SessionDirectory> {
  const { prisma } = options;
  const maxEntries = options.maxEntries ?? 10_000;
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const now = options.now ?? Date.now;

  const entries = new Map<string, { state: SessionState; at: number }>();
  const loading = new Map<string, Promise<SessionState | null>>();
  const syncWaiters = new Map<string, () => void>();
  // Bumped by every forget: a read that started before it must not be kept.
  let generation = 0;

  const forgetAll = () => {
    generation += 1;
    entries.clear();
    loading.clear();
  };
  const forgetUser = (userId: string) => {
    generation += 1;
    entries.delete(userId);
    loading.delete(userId);
  };
  const forgetCompany = (companyId: string) => {
    generation += 1;
    loading.clear();
    for (const [userId, e] of entries) if (e.state.companyId === companyId) entries.delete(userId);
  };

  const listener: NotificationListener = await options.listen(SESSION_CHANNEL, {
    message(payload) {
      const colon = payload.indexOf(':');
      const kind = payload.slice(0, colon);
      const id = payload.slice(colon + 1);
      if (kind === 'user') forgetUser(id);
      else if (kind === 'company') forgetCompany(id);
      else if (kind === 'sync') syncWaiters.get(id)?.();
      else forgetAll(); // unknown: be safe
    },
    // Notifications sent while the channel was down are lost: start again from nothing.
    state: () => forgetAll(),
  });

  async function load(userId: string): Promise<SessionState | null> {
    const u = await prisma.user.findUnique({
      where: { id: userId },
      select: {
        id: true, role: true, companyId: true, isCompanyAdmin: true, status: true, passwordChangedAt: true, locale: true, company: { select: { status: true } },
        // An access token lives 15 minutes; its session, while a refresh token of it is not revoked.
        refreshTokens: { where: { revokedAt: null }, select: { sessionId: true } },
      },
    });
    if (!u) return null;
    return {
      userId: u.id, role: u.role, companyId: u.companyId, isCompanyAdmin: u.isCompanyAdmin, status: u.status,
      passwordVersion: u.passwordChangedAt.getTime(), companyStatus: u.company.status,
      sessionIds: [...new Set(u.refreshTokens.map((t) => t.sessionId))],
      locale: u.locale,
    };
  }

  const directory: SessionDirectory = {
    get caching() {
      return listener.live;
    },
    get size() {
      return entries.size;
    },
    async get(userId) {
      if (!listener.live) return load(userId);
      const hit = entries.get(userId);
      if (hit && now() - hit.at < maxAgeMs) return hit.state;
      const pending = loading.get(userId);
      if (pending) return pending;
      const startedAt = generation;
      const read = load(userId).then((state) => {
        if (loading.get(userId) === read) loading.delete(userId);
        if (state && startedAt === generation && listener.live) {
          entries.delete(userId);
          entries.set(userId, { state, at: now() });
          if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
        }
        return state;
      });
      loading.set(userId, read);
      read.catch(() => {
        if (loading.get(userId) === read) loading.delete(userId);
      });
      return read;
    },
    reload(userId) {
      forgetUser(userId);
      return directory.get(userId);
    },
    forgetUser,
    forgetCompany,
    async sync(timeoutMs = 5_000) {
      if (!listener.live) return; // nothing is kept, so nothing can be stale
      const marker = randomUUID();
      const arrived = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          syncWaiters.delete(marker);
          reject(new Error(`session changes did not arrive within ${timeoutMs} ms`));
        }, timeoutMs);
        syncWaiters.set(marker, () => {
          clearTimeout(timer);
          syncWaiters.delete(marker);
          resolve();
        });
      });
      await prisma.$executeRaw`SELECT pg_notify(${SESSION_CHANNEL}, ${`sync:${marker}`})`;
      await arrived;
    },
    async close() {
      await listener.close();
      forgetAll();
    },
  };
  return directory;
}
