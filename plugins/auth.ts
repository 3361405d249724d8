import { RagemError } from './errors';
import type { CallerIdentity, PlatformRole } from './identity';

/**
 * Authorization helpers over the verified caller identity, for resolvers. Each `require…` throws
 * UNAUTHENTICATED for an anonymous caller and FORBIDDEN for a known caller without the right.
 */
export class Auth {
  constructor(readonly identity: CallerIdentity) {}

  get isSignedIn(): boolean {
    return this.identity.sub !== null && this.identity.role !== 'ANONYMOUS';
  }

  get isAdmin(): boolean {
    return this.identity.role === 'ADMIN';
  }

  /** Return the caller's account id, or throw UNAUTHENTICATED. */
  requireSignedIn(): string {
    if (!this.isSignedIn) throw new RagemError('UNAUTHENTICATED');
    return this.identity.sub!;
  }

  /** Require one of the given roles. */
  requireRole(...roles: PlatformRole[]): void {
    this.requireSignedIn();
    if (!roles.includes(this.identity.role)) throw new RagemError('FORBIDDEN');
  }

  /** Require an officer of the given OPD; admins pass too. */
  requireOpd(opdId: string): void {
    this.requireSignedIn();
    if (this.isAdmin) return;
    if (this.identity.role !== 'OFFICER' || this.identity.opd !== opdId) throw new RagemError('FORBIDDEN');
  }

  hasPermission(permission: string): boolean {
    return this.identity.perms.includes(permission);
  }

  /** Require a permission such as `rabeg:coordinate`, granted by an admin. */
  requirePermission(permission: string): void {
    this.requireSignedIn();
    if (!this.hasPermission(permission)) throw new RagemError('FORBIDDEN');
  }
}
