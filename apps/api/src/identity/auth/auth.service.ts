import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthenticationResponse, RegistrationResponse } from '@coop/contracts';
import { AuditService, type AuditEvent } from '../../audit';
import { NoticesService, type SigningIn } from '../../notices';
import { AppError } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { accountInactive, passkeyCloned, passkeyNotTheAccounts } from '../identity.errors';
import { InvitationsService } from '../invitations/invitations.service';
import { PasskeyEntity } from '../passkeys/passkey.entity';
import { PasskeysService } from '../passkeys/passkeys.service';
import {
  WebauthnService,
  type CreationOptions,
  type RequestOptions,
} from '../passkeys/webauthn.service';
import type { SessionEntity } from '../sessions/session.entity';
import { SessionsService } from '../sessions/sessions.service';
import { UserEntity } from '../users/user.entity';

export interface SignedIn {
  token: string;
  session: SessionEntity;
  user: UserEntity;
  /** The browser cookie to keep, by which the next sign-in from it is recognised. */
  browserToken: string;
}

/** The sign-in, registration and step-up ceremonies, with their sessions and audit trail. */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly webauthn: WebauthnService,
    private readonly invitations: InvitationsService,
    private readonly passkeys: PasskeysService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly notices: NoticesService,
  ) {}

  async registrationOptions(token: string): Promise<CreationOptions> {
    const { invitation, user } = await this.invitations.findRedeemable(token);
    return this.webauthn.registrationOptions(user, 'register', { invitationId: invitation.id });
  }

  /**
   * Redeems an invitation with a new passkey, activates the user and signs them in; a session the
   * browser still held (`previousToken`) ends, so one browser never keeps two.
   */
  async register(
    token: string,
    passkeyName: string,
    response: RegistrationResponse,
    userAgent?: string,
    previousToken?: string,
    browserToken?: string,
  ): Promise<SignedIn> {
    const { invitation, user: invitee } = await this.invitations
      .findRedeemable(token)
      .catch(this.failed('auth.registration_failed', { actorId: null }, {}));
    const failed = this.failed(
      'auth.registration_failed',
      { actorId: null, subjectType: 'user', subjectId: invitee.id, stateCode: invitee.stateCode },
      { invitationId: invitation.id },
    );
    const passkey = await this.webauthn
      .verifyRegistration(
        invitee,
        'register',
        { invitationId: invitation.id },
        response,
        passkeyName,
      )
      .catch(failed);
    return this.dataSource
      .transaction(async (m) => {
        const user = await this.invitations.markRedeemed(invitation, m);
        if (invitation.purpose === 'recovery') {
          // The lost passkey may be in someone else's hands: retire every old one and its sessions.
          await this.passkeys.retireAll(user.id, m);
          await this.sessions.revokeAll(user.id, 'recovery', m);
        }
        await this.sessions.endReplaced(previousToken, m);
        await this.webauthn.store(passkey, m);
        user.status = 'active';
        await m.save(user);
        const audit = {
          actorId: user.id,
          subjectType: 'user',
          subjectId: user.id,
          stateCode: user.stateCode,
        };
        await this.audit.record(
          {
            ...audit,
            action: 'invitation.redeemed',
            // Who issued the link, and who asked for it, so a takeover is never blamed on the victim.
            details: {
              invitationId: invitation.id,
              purpose: invitation.purpose,
              issuedBy: invitation.createdBy,
              requestedBy: invitation.requestedBy,
            },
          },
          m,
        );
        await this.audit.record(
          {
            ...audit,
            action: 'passkey.added',
            details: {
              passkeyId: passkey.id,
              deviceType: passkey.deviceType,
              aaguid: passkey.aaguid,
            },
          },
          m,
        );
        if (invitation.purpose === 'recovery')
          await this.notices.notify(
            user.id,
            'passkey-added',
            { passkeyName: passkey.name, viaRecovery: true },
            m,
          );
        return this.openSession(user, passkey, userAgent, m, { browserToken, enrolment: true });
      })
      .catch(failed);
  }

  signInOptions(): Promise<RequestOptions> {
    return this.webauthn.authenticationOptions('sign-in', {});
  }

  async signIn(
    response: AuthenticationResponse,
    userAgent?: string,
    previousToken?: string,
    browserToken?: string,
  ): Promise<SignedIn> {
    let outcome: SignedIn | 'clone';
    try {
      outcome = await this.dataSource.transaction(async (m) => {
        const { passkey, counterRegressed } = await this.webauthn.verifyAuthentication(
          'sign-in',
          {},
          response,
          m,
        );
        const user = await m.findOneOrFail(UserEntity, { where: { id: passkey.userId } });
        if (
          response.response.userHandle !== undefined &&
          response.response.userHandle !== user.webauthnUserId.toString('base64url')
        ) {
          throw passkeyNotTheAccounts('The passkey does not belong to this account.');
        }
        if (counterRegressed)
          return this.flagClone(passkey, { userId: user.id, stateCode: user.stateCode }, m);
        if (user.status !== 'active') {
          throw accountInactive(user.status);
        }
        await m.save(passkey);
        await this.sessions.endReplaced(previousToken, m);
        return this.openSession(user, passkey, userAgent, m, { browserToken, enrolment: false });
      });
    } catch (error) {
      await this.audit.record({
        action: 'auth.sign_in_failed',
        actorId: null,
        details: {
          reason: error instanceof AppError ? error.code : 'error',
          credentialId: response.id.slice(0, 64),
        },
      });
      throw error;
    }
    if (outcome === 'clone') throw passkeyCloned();
    return outcome;
  }

  /** Flags the passkey and records the regression; the caller refuses once this has committed. */
  private async flagClone(
    passkey: PasskeyEntity,
    owner: Pick<Principal, 'userId' | 'stateCode'>,
    m: EntityManager,
  ): Promise<'clone'> {
    await this.passkeys.flagCloned(passkey.id, m);
    // Whoever holds the copy may already be signed in: end every session of the account.
    await this.sessions.revokeAll(owner.userId, 'passkey-clone', m);
    await this.audit.record(
      {
        action: 'passkey.counter_regression',
        actorId: null,
        subjectType: 'user',
        subjectId: owner.userId,
        stateCode: owner.stateCode,
        details: { passkeyId: passkey.id },
      },
      m,
    );
    return 'clone';
  }

  async stepUpOptions(principal: Principal): Promise<RequestOptions> {
    return this.webauthn.authenticationOptions(
      'step-up',
      { userId: principal.userId, sessionId: principal.sessionId },
      await this.passkeys.active(principal.userId),
    );
  }

  async stepUp(principal: Principal, response: AuthenticationResponse): Promise<string> {
    const { userId, sessionId, stateCode } = principal;
    const outcome = await this.dataSource
      .transaction(async (m) => {
        const { passkey, counterRegressed } = await this.webauthn.verifyAuthentication(
          'step-up',
          { userId, sessionId },
          response,
          m,
        );
        if (passkey.userId !== userId)
          throw passkeyNotTheAccounts('Confirm with one of your own passkeys.');
        if (counterRegressed) return this.flagClone(passkey, principal, m);
        await m.save(passkey);
        await this.audit.record(
          {
            action: 'auth.step_up',
            actorId: userId,
            subjectType: 'user',
            subjectId: userId,
            details: { passkeyId: passkey.id },
          },
          m,
        );
        return 'ok' as const;
      })
      .catch(
        this.failed(
          'auth.step_up_failed',
          { actorId: userId, subjectType: 'user', subjectId: userId, stateCode },
          { sessionId, credentialId: response.id.slice(0, 64) },
        ),
      );
    if (outcome === 'clone') throw passkeyCloned();
    return this.sessions.rotateVerified(sessionId);
  }

  async addPasskeyOptions(principal: Principal): Promise<CreationOptions> {
    return this.webauthn.registrationOptions(await this.userOf(principal), 'add-passkey', {
      sessionId: principal.sessionId,
    });
  }

  async addPasskey(principal: Principal, name: string, response: RegistrationResponse) {
    const user = await this.userOf(principal);
    const { sessionId } = principal;
    const passkey = await this.webauthn
      .verifyRegistration(user, 'add-passkey', { sessionId }, response, name)
      .catch(
        this.failed(
          'auth.registration_failed',
          { actorId: user.id, subjectType: 'user', subjectId: user.id, stateCode: user.stateCode },
          { sessionId },
        ),
      );
    await this.dataSource.transaction(async (m) => {
      await this.webauthn.store(passkey, m);
      await this.audit.record(
        {
          action: 'passkey.added',
          actorId: user.id,
          subjectType: 'user',
          subjectId: user.id,
          details: {
            passkeyId: passkey.id,
            deviceType: passkey.deviceType,
            aaguid: passkey.aaguid,
          },
        },
        m,
      );
      await this.notices.notify(
        user.id,
        'passkey-added',
        { passkeyName: passkey.name, viaRecovery: false },
        m,
      );
    });
    const added = (await this.passkeys.list(user.id)).find((p) => p.id === passkey.id);
    // Stored in the transaction above: missing, it is a bug, not the caller's mistake.
    if (!added) throw new Error(`passkey ${passkey.id} was stored but is not listed`);
    return added;
  }

  async signOut(principal: Principal): Promise<void> {
    await this.sessions.revokeOf(
      principal.userId,
      principal.sessionId,
      principal.userId,
      'signed out',
    );
  }

  /** The ceremonies that name the account to the authenticator need its row, not the principal. */
  private userOf(principal: Principal): Promise<UserEntity> {
    return this.dataSource.manager.findOneOrFail(UserEntity, { where: { id: principal.userId } });
  }

  /**
   * Records a failed ceremony with its cause, then rethrows. The entry is written in a
   * transaction of its own: the failing one rolls back, and would take the entry with it.
   */
  private failed(
    action: 'auth.registration_failed' | 'auth.step_up_failed',
    event: Omit<AuditEvent, 'action' | 'details'>,
    details: Record<string, unknown>,
  ) {
    return async (error: unknown): Promise<never> => {
      await this.audit.record({
        ...event,
        action,
        details: { ...details, reason: error instanceof AppError ? error.code : 'error' },
      });
      throw error;
    };
  }

  private async openSession(
    user: UserEntity,
    passkey: PasskeyEntity,
    userAgent: string | undefined,
    m: EntityManager,
    browser: Pick<SigningIn, 'browserToken' | 'enrolment'>,
  ): Promise<SignedIn> {
    const { token, session } = await this.sessions.open(user, passkey.id, userAgent, m);
    const browserToken = await this.notices.signedIn(
      { ...browser, userId: user.id, sessionId: session.id, userAgent },
      m,
    );
    await this.audit.record(
      {
        action: 'auth.signed_in',
        actorId: user.id,
        subjectType: 'user',
        subjectId: user.id,
        stateCode: user.stateCode,
        details: { passkeyId: passkey.id, sessionId: session.id },
      },
      m,
    );
    return { token, session, user, browserToken };
  }
}
