// What onboarding tells a person: each object or setting it could not bring under code exactly, named.
//  - differs:   the first plan WILL change this object (the modules cannot express what Genesys Cloud holds);
//  - unmanaged: kept as it is in Genesys Cloud and left out of the code (no plan change, no drift detection);
//  - decide:    an object that belongs to no department or to several: not placed, a person decides;
//  - note:      where something went and why (shared objects in org, built-in roles read by name, flows).

export type FindingKind = 'differs' | 'unmanaged' | 'decide' | 'note';

export interface Finding {
  kind: FindingKind;
  /** division | role | skill | wrapup code | user | user roles | queue | flow */
  type: string;
  name: string;
  /** The root it was placed in (org or a department folder); none for `decide`. */
  root?: string;
  /** The Genesys Cloud field (or provider attribute) concerned, when one is. */
  attribute?: string;
  /** What Genesys Cloud holds. */
  detail: string;
  /** What to do about it. */
  fix: string;
}

export class Findings {
  readonly list: Finding[] = [];

  add(finding: Finding): void {
    this.list.push(finding);
  }

  of(kind: FindingKind): Finding[] {
    return this.list.filter((f) => f.kind === kind);
  }
}
