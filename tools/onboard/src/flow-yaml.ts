// An exported flow's YAML, turned into the repository's flow files (modules/flows): its name becomes
// '{{flow_name}}', its division '{{division}}' (when it is the department's), and each queue it transfers to in
// the same department a '{{placeholder}}' the module fills from the queues it deploys — which is what orders the
// flow after those queues. The module puts the same values back, so publishing the file gives the same flow.
import { isMap, isPair, isScalar, parseDocument, Scalar, visit } from 'yaml';

export interface FlowFile {
  yaml: string;
  /** placeholder => queue name, for the flow's `queues`. */
  queues: Record<string, string>;
  /** Queues it transfers to that the department does not own (left literally in the file). */
  otherQueues: string[];
}

/** Turns a scalar of the document into '{{name}}', quoted as the repository's flow files write it. */
function toPlaceholder(scalar: Scalar, name: string): void {
  scalar.value = `{{${name}}}`;
  scalar.type = Scalar.QUOTE_SINGLE;
}

/** "Sales - Phone Renewals" → "sales_phone_renewals_queue". */
function queuePlaceholder(name: string, taken: Set<string>): string {
  const base = `${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'target'
  }_queue`;
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`;
  taken.add(candidate);
  return candidate;
}

export function templateFlow(
  yamlText: string,
  flow: { name: string; division?: string; departmentQueues: Set<string> },
): FlowFile | { error: string } {
  const document = parseDocument(yamlText);
  if (document.errors.length > 0) return { error: `its YAML does not parse: ${document.errors[0]!.message}` };
  if (/\{\{[^{}]+\}\}/.test(yamlText))
    return { error: 'its YAML already holds {{…}} text, which the flows module would read as placeholders' };
  const root = document.contents;
  if (!isMap(root) || root.items.length !== 1)
    return { error: 'its YAML does not have exactly one top-level key (the flow type)' };
  const body = root.items[0]!.value;
  if (!isMap(body)) return { error: 'its YAML has no settings under the flow type' };
  const name = body.get('name', true);
  if (!isScalar(name) || String(name.value) !== flow.name)
    return { error: `its YAML names it '${isScalar(name) ? String(name.value) : '?'}', not '${flow.name}'` };
  toPlaceholder(name, 'flow_name');
  const division = body.get('division', true);
  if (flow.division !== undefined && isScalar(division) && String(division.value) === flow.division)
    toPlaceholder(division, 'division');

  const queues: Record<string, string> = {};
  const byQueue = new Map<string, string>();
  const otherQueues = new Set<string>();
  const taken = new Set<string>(['flow_name', 'division']);
  visit(document, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || pair.key.value !== 'targetQueue' || !isMap(pair.value))
        return;
      const literal = pair.value.get('lit');
      if (!isMap(literal)) return;
      const target = literal.get('name', true);
      if (!isScalar(target) || typeof target.value !== 'string') return;
      const queue = target.value;
      if (!flow.departmentQueues.has(queue)) {
        otherQueues.add(queue);
        return;
      }
      let key = byQueue.get(queue);
      if (!key) {
        key = queuePlaceholder(queue, taken);
        byQueue.set(queue, key);
        queues[key] = queue;
      }
      toPlaceholder(target, key);
    },
  });
  return { yaml: document.toString({ lineWidth: 0 }), queues, otherQueues: [...otherQueues].sort() };
}
