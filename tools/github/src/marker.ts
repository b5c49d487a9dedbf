// The hidden HTML comment that identifies a cxops comment. It is always the body's first line, so a comment
// that merely mentions the marker further down (a discussion about cxops) is never taken for one, or deleted.

const NAME = /^[a-z0-9][a-z0-9._:-]*$/i;

/**
 * The marker of one kind of cxops report: `<!-- cxops:plan-summary -->` by default. Give each report its own
 * name (`drift`, `plan-summary:support`) so two reports on one pull request do not overwrite each other.
 */
export function stickyMarker(name = 'plan-summary'): string {
  if (!NAME.test(name) || name.includes('--')) {
    throw new TypeError(
      `stickyMarker: the name must be letters, digits, '.', '_', ':' or single '-'; got ${JSON.stringify(name)}`,
    );
  }
  return `<!-- cxops:${name} -->`;
}

/** A marker must be a one-line HTML comment, or GitHub would show it (or end it early at a `--`). */
export function assertMarker(marker: string): void {
  const inner = marker.startsWith('<!-- ') && marker.endsWith(' -->') ? marker.slice(5, -4) : '';
  if (inner.trim() === '' || inner.includes('--') || /[\r\n]/.test(inner)) {
    throw new TypeError(
      `upsertStickyComment: marker must be a one-line HTML comment such as '<!-- cxops:plan-summary -->'; got ${JSON.stringify(marker)}`,
    );
  }
}

const firstLine = (text: string) => text.split('\n', 1)[0]!.trim();

/** The body as posted: the marker line first (once), then the markdown. */
export function withMarker(body: string, marker: string): string {
  return firstLine(body) === marker ? body : `${marker}\n${body}`;
}

export function carriesMarker(commentBody: string | null | undefined, marker: string): boolean {
  return firstLine(commentBody ?? '') === marker;
}
