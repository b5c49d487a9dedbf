// The environment a state command names (a department name or its folder), and its bucket.
import { CxError } from '@cxops/core';
import { findRoot } from '@cxops/jobs';
import { openStateStore, type StateStore, type TargetOptions } from '@cxops/stack';

export async function environmentState(
  arg: string,
  options: TargetOptions = {},
): Promise<{ environment: string; store: StateStore }> {
  const { identity } = await findRoot(arg);
  const environment = identity.environment?.name;
  if (!environment)
    throw new CxError({
      action: `read the state of ${arg}`,
      reason: `it is a ${identity.kind}, not an environment: only environments have state`,
      fix: 'name an environment: org or a department (environments/<name>)',
    });
  return { environment, store: await openStateStore(options) };
}
