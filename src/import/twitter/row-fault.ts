/** Why one archive row could not be normalized (the adapter turns it into a RowProblem). */

export interface RowFault {
  fault: true;
  field: string;
  reason: string;
  expected: string;
}

/** A RowFault for `field`. */
export function fault(field: string, reason: string, expected: string): RowFault {
  return { fault: true, field, reason, expected };
}

/** True when a normalizer returned a fault rather than a record. */
export function isFault(value: unknown): value is RowFault {
  return typeof value === 'object' && value !== null && (value as { fault?: unknown }).fault === true;
}
