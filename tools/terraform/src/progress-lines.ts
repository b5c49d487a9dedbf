// Reads the engine's progress lines ("<address>: Creating...", "<address>: Creation complete after 2s") to
// tell which resource operations started and never finished: what a stopped or hung run was doing.

const STARTED = /^(.+?): (Creating|Modifying|Destroying|Reading)\.\.\./;
const FINISHED = /^(.+?): (Creation|Modifications|Destruction|Read) complete/;

/** Addresses whose operation started and did not complete, in the order they started. */
export function resourcesInProgress(output: string): string[] {
  const pending = new Set<string>();
  for (const line of output.split('\n')) {
    const started = STARTED.exec(line);
    if (started) pending.add(started[1]!);
    const finished = FINISHED.exec(line);
    if (finished) pending.delete(finished[1]!);
  }
  return [...pending];
}
