/** Outcome of comparing one target's response with the reference response. */
export interface ResponseComparison {
  /** Same JSON value, with keys in the same order. */
  sameJson: boolean;
  /** Same bytes on the wire. */
  sameBytes: boolean;
  /** Path of the first difference between the JSON values, such as `data.users[0].reviews[1].body`, or empty when equal. */
  firstDifference: string;
}

/** Compare two JSON response bodies: as values in key order, and byte for byte. */
export function compareResponses(reference: string, other: string): ResponseComparison {
  const expected = JSON.parse(reference) as unknown;
  const actual = JSON.parse(other) as unknown;
  const sameJson = JSON.stringify(expected) === JSON.stringify(actual);
  return {
    sameJson,
    sameBytes: reference === other,
    firstDifference: sameJson ? '' : firstDifference(expected, actual, '') || '(key order)',
  };
}

function firstDifference(expected: unknown, actual: unknown, at: string): string {
  if (typeof expected !== typeof actual || Array.isArray(expected) !== Array.isArray(actual) || (expected === null) !== (actual === null)) {
    return at || '(root)';
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return `${at} (length ${expected.length} vs ${actual.length})`;
    for (let index = 0; index < expected.length; index += 1) {
      const found = firstDifference(expected[index], actual[index], `${at}[${index}]`);
      if (found) return found;
    }
    return '';
  }
  if (expected && typeof expected === 'object') {
    const left = expected as Record<string, unknown>;
    const right = actual as Record<string, unknown>;
    for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
      const found = firstDifference(left[key], right[key], at ? `${at}.${key}` : key);
      if (found) return found;
    }
    return '';
  }
  return expected === actual ? '' : `${at} (${JSON.stringify(expected)?.slice(0, 80)} vs ${JSON.stringify(actual)?.slice(0, 80)})`;
}
