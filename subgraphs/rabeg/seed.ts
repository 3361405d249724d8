import type { PluginServices } from '../../plugins/contract';
import { CategoryRow } from './entities';
import { Severity } from './types';

/** Rabeg's verification target: within 3 working days of submission (LAPOR! SP4N). */
const VERIFICATION_DAYS = 3;
/** Rabeg's own standard: the OPD responds within 3x24 clock hours of dispatch. */
const FIRST_RESPONSE_HOURS = 72;
/** Completion targets in working days by kind of work (PermenPAN-RB 62/2018). */
const COMPLETION = { light: 2, normative: 5, withoutFieldCheck: 14, fieldInspection: 60 } as const;

type Seeded = Omit<CategoryRow, 'verificationDays' | 'firstResponseHours' | 'sortOrder'>;

/*
 * The categories of Rabeg's most frequent complaints, routed to the OPD that handles them. The
 * completion kind of each is a first choice for the coordinators to review.
 */
const CATEGORIES: Seeded[] = [
  { code: 'street-light', nameId: 'Lampu penerangan jalan mati', nameEn: 'Street light out', groupCode: 'transport', opdId: 'dishub', defaultSeverity: Severity.MEDIUM, completionDays: COMPLETION.normative },
  { code: 'road-damage', nameId: 'Jalan rusak atau berlubang', nameEn: 'Damaged road or pothole', groupCode: 'infrastructure', opdId: 'dpupr', defaultSeverity: Severity.MEDIUM, completionDays: COMPLETION.fieldInspection },
  { code: 'drainage-flooding', nameId: 'Drainase tersumbat dan banjir', nameEn: 'Blocked drain and flooding', groupCode: 'infrastructure', opdId: 'dpupr', defaultSeverity: Severity.MEDIUM, completionDays: COMPLETION.withoutFieldCheck },
  { code: 'waste', nameId: 'Sampah menumpuk', nameEn: 'Piled-up waste', groupCode: 'environment', opdId: 'dlh', defaultSeverity: Severity.MEDIUM, completionDays: COMPLETION.light },
  { code: 'traffic-parking', nameId: 'Kemacetan dan parkir liar', nameEn: 'Traffic jam and illegal parking', groupCode: 'transport', opdId: 'dishub', defaultSeverity: Severity.LIGHT, completionDays: COMPLETION.light },
  { code: 'social-assistance', nameId: 'Bantuan sosial', nameEn: 'Social assistance', groupCode: 'social', opdId: 'dinsos', defaultSeverity: Severity.MEDIUM, completionDays: COMPLETION.withoutFieldCheck },
  { code: 'market-order', nameId: 'Ketertiban pasar', nameEn: 'Market order', groupCode: 'economy', opdId: 'dinkop-ukm-perindag', defaultSeverity: Severity.LIGHT, completionDays: COMPLETION.normative },
  { code: 'other', nameId: 'Lainnya', nameEn: 'Other', groupCode: 'other', opdId: null, defaultSeverity: Severity.MEDIUM, completionDays: COMPLETION.withoutFieldCheck },
];

/** Insert the categories that are missing; a category already stored keeps its stored values. */
export async function seedRabeg({ db, logger }: PluginServices): Promise<void> {
  const rows: CategoryRow[] = CATEGORIES.map((category, index) => ({
    ...category,
    verificationDays: VERIFICATION_DAYS,
    firstResponseHours: FIRST_RESPONSE_HOURS,
    sortOrder: index + 1,
  }));
  const result = await db.createQueryBuilder().insert().into(CategoryRow).values(rows).orIgnore().execute();
  logger.debug({ categories: rows.length, inserted: result.identifiers.length }, 'rabeg categories seeded');
}
