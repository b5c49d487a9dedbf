// Which flow an Architect YAML file deploys: its top-level key (the flow type), its name and its division. The
// emulator reads nothing else of the file (it keeps the file, for exports); no Architect semantics are emulated.
import { parseDocument } from 'yaml';
import { isJsonObject } from './check.ts';

/** What a flow file names: its type, its name and, when it says, the division it belongs to. */
export interface FlowIdentity {
  type: string;
  name: string;
  division?: string;
}

/** Reads `<flowType>: { name: …, division: … }` from Architect YAML, or says what is wrong with it. */
export function flowIdentity(yamlText: string): FlowIdentity | { error: string } {
  const document = parseDocument(yamlText);
  if (document.errors.length > 0)
    return { error: `The flow file is not valid YAML: ${document.errors[0]!.message}` };
  const root: unknown = document.toJSON();
  if (!isJsonObject(root))
    return { error: 'The flow file must have one top-level key naming the flow type (e.g. inboundCall:).' };
  const keys = Object.keys(root);
  if (keys.length !== 1)
    return {
      error: `The flow file must have exactly one top-level key (the flow type); found ${keys.length}.`,
    };
  const flowType = keys[0]!;
  const body = root[flowType];
  if (!isJsonObject(body) || typeof body.name !== 'string' || body.name.trim() === '')
    return { error: `${flowType}.name is required.` };
  const division =
    typeof body.division === 'string' && body.division.trim() !== '' ? body.division : undefined;
  return { type: flowType.toUpperCase(), name: body.name, ...(division ? { division } : {}) };
}
