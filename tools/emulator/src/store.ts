// Keeps the org's state, loadable from and saved to one JSON file. Writes are atomic (write-file-atomic) and
// coalesced, so a crash never leaves half a file and a burst of requests costs one write.
import { readFileSync } from 'node:fs';
import { writeFileAtomicSync } from '@cxops/core';
import { loadedAuditLog } from './audit-trail.ts';
import { isJsonObject } from './check.ts';
import { seedState, type OrgState } from './state.ts';

export class Store {
  state: OrgState;
  private flushTimer: NodeJS.Timeout | undefined;

  /** `file` undefined keeps everything in memory (tests). */
  constructor(private readonly file?: string) {
    this.state = file ? (loadState(file) ?? seedState()) : seedState();
    if (file) this.flushNow();
  }

  /** Marks the state dirty; it reaches disk within a few milliseconds, in one atomic write. */
  changed(): void {
    if (!this.file || this.flushTimer) return;
    this.flushTimer = setTimeout(() => this.flushNow(), 20);
  }

  flushNow(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    if (!this.file) return;
    writeFileAtomicSync(this.file, JSON.stringify(this.state));
  }

  reset(): void {
    this.state = seedState();
    this.changed();
  }
}

/** The saved state over a fresh one, so a file written before a collection existed still loads. */
function loadState(file: string): OrgState | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  let saved: unknown;
  try {
    saved = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `the emulator state file ${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}); move it away or run \`cxops emulator reset\``,
    );
  }
  // The file is this store's own output (or a fixture written by it): its collections hold what the routes
  // stored after checking every request, so they are taken as written rather than checked again.
  const state: OrgState = { ...seedState(), ...(isJsonObject(saved) ? (saved as Partial<OrgState>) : {}) };
  // Older emulators kept an admin-only log of their own shape: its entries become audit messages.
  return { ...state, audit: loadedAuditLog(state, state.audit) };
}
