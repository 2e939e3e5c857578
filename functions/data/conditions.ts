// Recognising a failed condition, the table's way of saying "someone got there first".

/** A single-item write whose ConditionExpression failed. */
export const conditionFailed = (error: unknown): boolean => (error as { name?: string })?.name === 'ConditionalCheckFailedException';

/** A TransactWriteItems cancelled because the action at `index` failed its own condition
 *  (not a conflict with another transaction, which is worth retrying). */
export function transactionConditionFailed(error: unknown, index = 0): boolean {
  const e = error as { name?: string; CancellationReasons?: { Code?: string }[] };
  return e?.name === 'TransactionCanceledException' && e.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';
}

/** A TransactWriteItems cancelled because a concurrent transaction touched the same item: nothing
 *  was written and a retry may succeed. */
export function transactionConflicted(error: unknown): boolean {
  const e = error as { name?: string; CancellationReasons?: { Code?: string }[] };
  return e?.name === 'TransactionCanceledException' && (e.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict');
}
