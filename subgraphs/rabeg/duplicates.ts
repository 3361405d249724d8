import { Brackets, DataSource } from 'typeorm';
import { DUPLICATE_RADIUS_METRES } from './errors';
import { ReportRow } from './entities';
import { boxAround, distanceMetres } from './geo';
import { OPEN_STATES } from './reports';

/** Most suggestions returned; nearest first. */
const MAX_SUGGESTIONS = 10;

/**
 * Open public reports of a category within 50 metres of a point, nearest first: candidates come
 * from an indexed box around the point, then the exact distance decides.
 */
export async function findNearbyOpenReports(
  db: DataSource,
  point: { categoryCode: string; latitude: number; longitude: number; excludeId?: string },
): Promise<{ row: ReportRow; distanceMetres: number }[]> {
  const box = boxAround(point.latitude, point.longitude, DUPLICATE_RADIUS_METRES);
  const query = db
    .getRepository(ReportRow)
    .createQueryBuilder('report')
    .where('report.categoryCode = :categoryCode', { categoryCode: point.categoryCode })
    .andWhere('report.latitude BETWEEN :minLatitude AND :maxLatitude', box)
    .andWhere('report.longitude BETWEEN :minLongitude AND :maxLongitude', box)
    .andWhere('report.state IN (:...open)', { open: OPEN_STATES })
    .andWhere('report.confidential = 0');
  if (point.excludeId) query.andWhere(new Brackets((where) => where.where('report.id <> :excludeId', { excludeId: point.excludeId })));
  const rows = await query.getMany();

  return rows
    .map((row) => ({ row, distanceMetres: distanceMetres(point.latitude, point.longitude, Number(row.latitude), Number(row.longitude)) }))
    .filter((candidate) => candidate.distanceMetres <= DUPLICATE_RADIUS_METRES)
    .sort((a, b) => a.distanceMetres - b.distanceMetres || a.row.id.localeCompare(b.row.id))
    .slice(0, MAX_SUGGESTIONS);
}
