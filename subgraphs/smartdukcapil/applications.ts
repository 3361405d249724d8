import { randomInt, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { inputError, RagemError } from '../../plugins/errors';
import { ApplicationEventRow, ApplicationRow, SlotRow } from './entities';
import { runTransaction } from '../../plugins/transactions';
import { Application, ApplicationState, Sex, SubmitApplicationInput } from './types';

/** States each state may move to. READY_FOR_PICKUP and REJECTED are final. */
export const ALLOWED_TRANSITIONS: Record<ApplicationState, ApplicationState[]> = {
  SUBMITTED: [ApplicationState.VERIFIED, ApplicationState.REJECTED],
  VERIFIED: [ApplicationState.IN_PROCESS, ApplicationState.REJECTED],
  IN_PROCESS: [ApplicationState.READY_FOR_PICKUP, ApplicationState.REJECTED],
  READY_FOR_PICKUP: [],
  REJECTED: [],
};

/** Characters of the random part of a tracking number, without look-alikes such as 0/O and 1/I. */
const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** Offset of Western Indonesia Time (WIB, UTC+7), the time zone of Kota Serang, in milliseconds. */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Returns the calendar date in Kota Serang (WIB) as YYYY-MM-DD. */
export function localDate(now: Date): string {
  return new Date(now.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Creates a tracking number such as DKC-20300115-7KQ2MX from the local date and 6 random
 * characters (32^6, about 10^9, per day). NOTE: a collision is not retried; the unique index
 * rejects it and the citizen gets INTERNAL_SERVER_ERROR and can submit again.
 */
export function createTrackingNumber(now: Date): string {
  let suffix = '';
  for (let index = 0; index < 6; index += 1) suffix += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return `DKC-${localDate(now).replace(/-/g, '')}-${suffix}`;
}

export function toApplication(row: ApplicationRow): Application {
  return {
    id: row.id,
    trackingNumber: row.trackingNumber,
    state: row.state as ApplicationState,
    rejectionReason: row.rejectionReason,
    submittedAt: row.submittedAt,
    updatedAt: row.updatedAt,
    serviceCode: row.serviceCode,
    slotId: row.slotId,
    applicantId: row.applicantId,
    nik: row.nik,
    kkNumber: row.kkNumber,
    birthDate: row.birthDate,
    sex: row.sex as Sex,
    documentUrls: JSON.parse(row.documentUrls) as string[],
  };
}

/**
 * Books a place in the slot and stores the application in one transaction. The booking is a
 * single conditional UPDATE, so concurrent submissions never raise `booked` above `capacity`.
 * Throws SLOT_FULL when no place is left.
 */
export async function insertApplication(db: DataSource, input: SubmitApplicationInput, applicantId: string, now: Date): Promise<ApplicationRow> {
  const timestamp = now.toISOString();
  const row: ApplicationRow = {
    id: randomUUID(),
    trackingNumber: createTrackingNumber(now),
    serviceCode: input.serviceCode,
    applicantId,
    nik: input.nik,
    kkNumber: input.kkNumber,
    birthDate: input.birthDate,
    sex: input.sex,
    documentUrls: JSON.stringify(input.documentUrls),
    slotId: input.slotId,
    state: ApplicationState.SUBMITTED,
    rejectionReason: null,
    submittedAt: timestamp,
    updatedAt: timestamp,
  };

  await runTransaction(db, async (manager) => {
    const booking = await manager
      .createQueryBuilder()
      .update(SlotRow)
      .set({ booked: () => 'booked + 1' })
      .where('id = :id AND booked < capacity', { id: input.slotId })
      .execute();
    if (booking.affected !== 1) throw inputError('SLOT_FULL', 'input.slotId');

    await manager.getRepository(ApplicationRow).insert(row);
    await manager.getRepository(ApplicationEventRow).insert({
      id: randomUUID(),
      applicationId: row.id,
      state: ApplicationState.SUBMITTED,
      note: null,
      actorId: applicantId,
      createdAt: timestamp,
    });
  });
  return row;
}

export interface StateChange {
  to: ApplicationState;
  note: string | null;
  rejectionReason: string | null;
  officerId: string;
  now: Date;
}

/**
 * Moves an application to another state and records the change. The UPDATE only matches while
 * the state is still the one that was read, so of two concurrent changes one gets
 * INVALID_TRANSITION naming the state the other one set.
 */
export async function changeState(db: DataSource, row: ApplicationRow, change: StateChange): Promise<ApplicationRow> {
  const from = row.state as ApplicationState;
  if (!ALLOWED_TRANSITIONS[from].includes(change.to)) throw new RagemError('INVALID_TRANSITION', { from, to: change.to });

  const timestamp = change.now.toISOString();
  const rejectionReason = change.to === ApplicationState.REJECTED ? change.rejectionReason : null;
  const current = await runTransaction(db, async (manager) => {
    const update = await manager
      .createQueryBuilder()
      .update(ApplicationRow)
      .set({ state: change.to, rejectionReason, updatedAt: timestamp })
      .where('id = :id AND state = :from', { id: row.id, from })
      .execute();
    if (update.affected !== 1) {
      const latest = await manager.getRepository(ApplicationRow).findOneByOrFail({ id: row.id });
      throw new RagemError('INVALID_TRANSITION', { from: latest.state, to: change.to });
    }
    await manager.getRepository(ApplicationEventRow).insert({
      id: randomUUID(),
      applicationId: row.id,
      state: change.to,
      note: change.note,
      actorId: change.officerId,
      createdAt: timestamp,
    });
    return manager.getRepository(ApplicationRow).findOneByOrFail({ id: row.id });
  });
  return current;
}
