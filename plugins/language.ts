/** Languages of user-facing messages. Indonesian is the default. */
export type Language = 'id' | 'en';

/**
 * Pick the message language from an Accept-Language header: English when the highest-weighted
 * language the client names is English, Indonesian otherwise (also when the header is missing).
 */
export function languageFromHeader(header: string | null | undefined): Language {
  if (!header) return 'id';
  let best: { language: Language | undefined; quality: number } = { language: undefined, quality: -1 };
  for (const part of header.split(',').slice(0, 20)) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const qualityParam = params.find((param) => param.trim().startsWith('q='));
    const quality = qualityParam ? Number(qualityParam.trim().slice(2)) : 1;
    if (!Number.isFinite(quality) || quality <= best.quality) continue;
    const primary = tag.split('-')[0];
    if (primary === 'en') best = { language: 'en', quality };
    else if (primary === 'id' || primary === 'in') best = { language: 'id', quality };
    else if (primary === '*' || primary) best = { language: undefined, quality };
  }
  return best.language ?? 'id';
}
