/**
 * Box around Kota Serang in WGS 84 decimal degrees: roughly 5.99 to 6.22 S and 106.07 to 106.25 E
 * with a margin. A box is coarser than the city border, so a point just across it in Kabupaten
 * Serang passes. The kelurahan code is therefore the reliable location when both are given.
 * NOTE: the extent is an estimate, not checked against the city's official border data.
 */
export const CITY_BOUNDS = { minLatitude: -6.23, maxLatitude: -5.98, minLongitude: 106.05, maxLongitude: 106.27 } as const;

const EARTH_RADIUS_METRES = 6_371_008.8;
const METRES_PER_DEGREE_LATITUDE = 111_320;

export function isInsideCity(latitude: number, longitude: number): boolean {
  return (
    latitude >= CITY_BOUNDS.minLatitude &&
    latitude <= CITY_BOUNDS.maxLatitude &&
    longitude >= CITY_BOUNDS.minLongitude &&
    longitude <= CITY_BOUNDS.maxLongitude
  );
}

const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance between two points, in metres (haversine). */
export function distanceMetres(latitudeA: number, longitudeA: number, latitudeB: number, longitudeB: number): number {
  const dLatitude = radians(latitudeB - latitudeA);
  const dLongitude = radians(longitudeB - longitudeA);
  const h = Math.sin(dLatitude / 2) ** 2 + Math.cos(radians(latitudeA)) * Math.cos(radians(latitudeB)) * Math.sin(dLongitude / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Return a latitude and longitude box containing every point within `metres` of the centre, for an indexed prefilter. */
export function boxAround(latitude: number, longitude: number, metres: number) {
  const dLatitude = (metres / METRES_PER_DEGREE_LATITUDE) * 1.01;
  const dLongitude = dLatitude / Math.max(0.01, Math.cos(radians(latitude)));
  return {
    minLatitude: latitude - dLatitude,
    maxLatitude: latitude + dLatitude,
    minLongitude: longitude - dLongitude,
    maxLongitude: longitude + dLongitude,
  };
}
