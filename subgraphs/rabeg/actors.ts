import { RagemError } from '../../plugins/errors';
import type { RequestContext } from '../../plugins/contract';
import type { Actor } from './lifecycle';
import { isCoordinator, isOfficerOf, isReporter } from './reports';
import { Report, TimelineActor } from './types';

type Context = Pick<RequestContext, 'identity' | 'auth'>;

/** Return the caller as a coordinator (rabeg:coordinate) or admin, or throw FORBIDDEN. */
export function coordinatorActor({ identity, auth }: Context): Actor {
  if (!isCoordinator(auth)) throw new RagemError('FORBIDDEN');
  return { id: identity.sub, role: auth.isAdmin ? TimelineActor.ADMIN : TimelineActor.COORDINATOR, opdId: identity.opd };
}

/** Return the caller as an officer of the report's OPD or an admin, or throw FORBIDDEN. */
export function officerActor({ identity, auth }: Context, report: Pick<Report, 'opdId'>): Actor {
  if (isOfficerOf(identity, report.opdId)) return { id: identity.sub, role: TimelineActor.OFFICER, opdId: identity.opd };
  if (auth.isAdmin) return { id: identity.sub, role: TimelineActor.ADMIN, opdId: null };
  throw new RagemError('FORBIDDEN');
}

/** Return the caller as the report's reporter, or throw FORBIDDEN. */
export function reporterActor({ identity }: Context, report: Pick<Report, 'reporterId'>): Actor {
  if (!isReporter(identity, report)) throw new RagemError('FORBIDDEN');
  return { id: identity.sub, role: TimelineActor.REPORTER, opdId: null };
}

/** The system itself, for periodic jobs. */
export const SYSTEM_ACTOR: Actor = { id: null, role: TimelineActor.SYSTEM, opdId: null };
