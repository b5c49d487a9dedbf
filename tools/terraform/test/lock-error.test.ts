import { describe, expect, it } from 'vitest';
import { describeHeldLock, heldLock } from '../src/lock-error.ts';

/** What OpenTofu 1.12.6 printed when another run held the S3 lock of the billing state (versitygw). */
const OUTPUT = `
Error: Error acquiring the state lock

Error message: operation error S3: PutObject, https response error
StatusCode: 412, RequestID: JSLVIK7W25JFCISM, HostID:
api error PreconditionFailed: At least one of the pre-conditions you
specified did not hold.
Lock Info:
  ID:        089ade58-d550-4c51-b181-e8463bed6c44
  Path:      cxops-state/environments/billing/terraform.tfstate
  Operation: OperationTypeApply
  Who:       runner@ci-42
  Version:   1.12.6
  Created:   2026-11-30 20:40:32.547 +0000 UTC
  Info:      


OpenTofu acquires a state lock to protect the state from being written
by multiple users at the same time.
`;

describe('heldLock', () => {
  it('reads who holds the lock, for what and since when', () => {
    const lock = heldLock(OUTPUT);
    expect(lock).toEqual({
      id: '089ade58-d550-4c51-b181-e8463bed6c44',
      path: 'cxops-state/environments/billing/terraform.tfstate',
      operation: 'OperationTypeApply',
      who: 'runner@ci-42',
      created: '2026-11-30 20:40:32.547 +0000 UTC',
    });
    expect(describeHeldLock(lock!)).toBe(
      'the state is locked by another run: runner@ci-42, OperationTypeApply since 2026-11-30 20:40:32.547 +0000 UTC (lock ID 089ade58-d550-4c51-b181-e8463bed6c44)',
    );
  });

  it('is nothing for other failures', () => {
    expect(heldLock('Error: Invalid reference')).toBeUndefined();
  });
});
