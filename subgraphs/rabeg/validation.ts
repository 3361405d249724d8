import { createHash } from 'node:crypto';
import { inputError } from '../../plugins/errors';
import {
  MAX_ADDRESS_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_NOTE_LENGTH,
  MAX_PHOTO_URL_LENGTH,
  MAX_PHOTOS,
  MAX_TITLE_LENGTH,
  MIN_TITLE_LENGTH,
} from './errors';
import { CITY_BOUNDS, isInsideCity } from './geo';
import { checkCharacters } from './input-formats';
import { kelurahanCodes } from './kelurahan-codes';
import type { Severity, SubmitReportInput } from './types';

const CLIENT_KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
const EXAMPLE_KELURAHAN = '36.73.01.1011';

/** A submission after checks: texts trimmed, empty optional texts as null. */
export interface CleanSubmission {
  categoryCode: string;
  title: string;
  description: string;
  latitude: number | null;
  longitude: number | null;
  kelurahanCode: string | null;
  address: string | null;
  photoUrls: string[];
  severity: Severity;
  anonymous: boolean;
  confidential: boolean;
  clientKey: string | null;
}

/** Trim a text and check its length; `min` 0 allows an empty optional text, returned as null. */
export function cleanText(value: string | null | undefined, field: string, limits: { min: number; max: number }): string | null {
  const text = (value ?? '').replace(/\r\n/g, '\n').trim();
  checkCharacters(text, field);
  // Characters as a reader counts them (code points), so an emoji counts once, not twice.
  const length = [...text].length;
  if (length === 0) {
    if (limits.min > 0) throw inputError('TEXT_REQUIRED', field);
    return null;
  }
  if (length < limits.min) throw inputError('TEXT_TOO_SHORT', field, { min: limits.min });
  if (length > limits.max) throw inputError('TEXT_TOO_LONG', field, { max: limits.max });
  return text;
}

/** Check the note of a state change: optional unless `required`, at most MAX_NOTE_LENGTH characters. */
export function cleanNote(value: string | null | undefined, field: string, required: boolean): string | null {
  const note = cleanText(value, field, { min: 0, max: MAX_NOTE_LENGTH });
  if (required && !note) throw inputError('NOTE_REQUIRED', field);
  return note;
}

function checkCoordinate(value: number | null | undefined, field: string, limit: number): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isFinite(value) || Math.abs(value) > limit) throw inputError('INVALID_COORDINATES', field);
  return value;
}

function checkPhotoUrls(urls: string[]): string[] {
  if (urls.length > MAX_PHOTOS) throw inputError('TOO_MANY_PHOTOS', 'input.photoUrls', { max: MAX_PHOTOS });
  return urls.map((raw, index) => {
    const field = `input.photoUrls[${index}]`;
    const url = raw.trim();
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.protocol !== 'https:' || !parsed.hostname || parsed.username || parsed.password || url.length > MAX_PHOTO_URL_LENGTH) {
      throw inputError('INVALID_PHOTO_URL', field, { max: MAX_PHOTO_URL_LENGTH });
    }
    return url;
  });
}

/** Name the coordinate that lies outside the city: the latitude when it does, else the longitude. */
export function outsideField(latitude: number, latitudeField: string, longitudeField: string): string {
  return latitude >= CITY_BOUNDS.minLatitude && latitude <= CITY_BOUNDS.maxLatitude ? longitudeField : latitudeField;
}

/** Check a submission, in field order, and return it cleaned. The category is checked by the caller. */
export function cleanSubmission(input: SubmitReportInput, defaultSeverity: Severity): CleanSubmission {
  const title = cleanText(input.title, 'input.title', { min: MIN_TITLE_LENGTH, max: MAX_TITLE_LENGTH })!;
  const description = cleanText(input.description, 'input.description', { min: 1, max: MAX_DESCRIPTION_LENGTH })!;

  const latitude = checkCoordinate(input.latitude, 'input.latitude', 90);
  const longitude = checkCoordinate(input.longitude, 'input.longitude', 180);
  if ((latitude === null) !== (longitude === null)) {
    throw inputError('INCOMPLETE_COORDINATES', latitude === null ? 'input.latitude' : 'input.longitude');
  }
  if (latitude !== null && longitude !== null && !isInsideCity(latitude, longitude)) {
    throw inputError('OUTSIDE_CITY', outsideField(latitude, 'input.latitude', 'input.longitude'), { ...CITY_BOUNDS });
  }
  const kelurahanCode = input.kelurahanCode?.trim() || null;
  if (kelurahanCode !== null && !kelurahanCodes().has(kelurahanCode)) {
    throw inputError('UNKNOWN_KELURAHAN', 'input.kelurahanCode', { example: EXAMPLE_KELURAHAN });
  }
  if (latitude === null && kelurahanCode === null) throw inputError('LOCATION_REQUIRED', 'input.kelurahanCode');

  const address = cleanText(input.address, 'input.address', { min: 0, max: MAX_ADDRESS_LENGTH });
  const photoUrls = checkPhotoUrls(input.photoUrls ?? []);
  const clientKey = input.clientKey ?? null;
  if (clientKey !== null && !CLIENT_KEY_PATTERN.test(clientKey)) throw inputError('INVALID_CLIENT_KEY', 'input.clientKey');

  return {
    categoryCode: input.categoryCode,
    title,
    description,
    latitude,
    longitude,
    kelurahanCode,
    address,
    photoUrls,
    severity: input.severity ?? defaultSeverity,
    anonymous: input.anonymous ?? false,
    confidential: input.confidential ?? false,
    clientKey,
  };
}

/**
 * Hash (SHA-256) everything a submission contains except its key, to tell a retry from a different
 * report. The severity counts as sent, so a retry still matches after the category default changes.
 */
export function submissionHash(submission: CleanSubmission, requestedSeverity: Severity | null): string {
  const { clientKey: _clientKey, severity: _severity, ...body } = submission;
  return createHash('sha256').update(JSON.stringify({ ...body, severity: requestedSeverity })).digest('hex');
}
