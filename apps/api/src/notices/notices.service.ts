import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull, LessThan, type EntityManager } from 'typeorm';
import type { LastSignIn, Notice, NoticeDetails, NoticeKind, NoticeList } from '@coop/contracts';
import { AccessPolicy } from '../platform/access';
import { Clock } from '../platform/clock';
import type { Principal } from '../platform/principal';
import { browserHash, describeBrowser, looksLikeBrowserToken, newBrowserToken } from './browser';
import { NoticeEntity } from './notice.entity';
import { SignInEntity } from './sign-in.entity';

/** Notices listed at once, newest first; older ones stay stored. */
const LIST_LIMIT = 50;
/** Sign-ins kept per user: enough for "last sign-in", little personal data. */
const SIGN_INS_KEPT = 10;

export interface SigningIn {
  userId: string;
  sessionId: string;
  userAgent: string | undefined;
  /** The browser cookie the request carried, if any. */
  browserToken: string | undefined;
  /** The first sign-in of an enrolment or recovery, when every browser is new. */
  enrolment: boolean;
}

const toNotice = (row: NoticeEntity): Notice =>
  ({
    id: row.id,
    kind: row.kind,
    details: row.details,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  }) as Notice;

/**
 * Tells users about changes to their account's ways in (passkeys, recovery links, sign-ins from
 * a new browser), written in the transaction of the change itself so none goes untold.
 */
@Injectable()
export class NoticesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly clock: Clock,
  ) {}

  async notify<K extends NoticeKind>(
    userId: string,
    kind: K,
    details: NoticeDetails<K>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.insert(NoticeEntity, {
      id: randomUUID(),
      userId,
      kind,
      details,
      createdAt: this.clock.now(),
      readAt: null,
    });
  }

  /**
   * Records a sign-in and recognises the browser by its cookie; a browser this user never signed
   * in from is told to them. Returns the cookie value the browser should keep.
   */
  async signedIn(signing: SigningIn, manager: EntityManager): Promise<string> {
    const { userId, sessionId, userAgent, enrolment } = signing;
    const now = this.clock.now();
    const browser = describeBrowser(userAgent);
    const token = looksLikeBrowserToken(signing.browserToken)
      ? signing.browserToken
      : newBrowserToken();
    const [{ inserted }] = (await manager.query(
      `INSERT INTO known_browsers (id, user_id, browser_hash, first_seen_at, last_seen_at)
       VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (user_id, browser_hash) DO UPDATE SET last_seen_at = EXCLUDED.last_seen_at
       RETURNING (xmax = 0) AS inserted`,
      [randomUUID(), userId, browserHash(userId, token), now],
    )) as { inserted: boolean }[];
    if (inserted && !enrolment) await this.notify(userId, 'new-browser', { browser }, manager);
    await manager.insert(SignInEntity, { id: randomUUID(), userId, sessionId, at: now, browser });
    await manager.query(
      `DELETE FROM sign_ins WHERE user_id = $1 AND id NOT IN
         (SELECT id FROM sign_ins WHERE user_id = $1 ORDER BY at DESC LIMIT $2)`,
      [userId, SIGN_INS_KEPT],
    );
    return token;
  }

  async list(userId: string): Promise<NoticeList> {
    const m = this.dataSource.manager;
    const [rows, unread] = await Promise.all([
      m.find(NoticeEntity, { where: { userId }, order: { createdAt: 'DESC' }, take: LIST_LIMIT }),
      m.count(NoticeEntity, { where: { userId, readAt: IsNull() } }),
    ]);
    return { notices: rows.map(toNotice), unread };
  }

  async markRead(principal: Principal, id: string): Promise<void> {
    await this.access.require(principal, 'notice.dismiss', [id]);
    await this.dataSource.manager.update(
      NoticeEntity,
      { id, readAt: IsNull() },
      { readAt: this.clock.now() },
    );
  }

  async markAllRead(userId: string): Promise<void> {
    await this.dataSource.manager.update(
      NoticeEntity,
      { userId, readAt: IsNull() },
      { readAt: this.clock.now() },
    );
  }

  /** The sign-in before the one that opened this session. */
  async lastSignIn(userId: string, sessionId: string): Promise<LastSignIn> {
    const m = this.dataSource.manager;
    const current = await m.findOne(SignInEntity, { where: { userId, sessionId } });
    const previous = await m.findOne(SignInEntity, {
      where: { userId, ...(current ? { at: LessThan(current.at) } : {}) },
      order: { at: 'DESC' },
    });
    return {
      previous: previous && { at: previous.at.toISOString(), browser: previous.browser },
    };
  }
}
