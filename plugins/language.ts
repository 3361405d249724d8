/** Languages of user-facing messages. Indonesian is the default. */
export type Language = 'id' | 'en';

/**
 * Pick the message language from an Accept-Language header: the supported language (Indonesian or
 * English) with the highest weight, the first listed on a tie. Indonesian when the header names
 * neither, or is missing.
 */
export function languageFromHeader(header: string | null | undefined): Language {
  if (!header) return 'id';
  let best: { language: Language; quality: number } = { language: 'id', quality: 0 };
  for (const part of header.split(',').slice(0, 20)) {
    const [tag, ...params] = part.trim().toLowerCase().split(';');
    const primary = tag.split('-')[0];
    let language: Language;
    if (primary === 'en') language = 'en';
    else if (primary === 'id' || primary === 'in') language = 'id';
    else continue;
    const qualityParam = params.find((param) => param.trim().startsWith('q='));
    const quality = qualityParam ? Number(qualityParam.trim().slice(2)) : 1;
    if (Number.isFinite(quality) && quality > best.quality) best = { language, quality };
  }
  return best.language;
}
