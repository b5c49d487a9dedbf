// Which folders are projects and what they are called: the repository layout (@cxops/layout) decides; the
// plugin adds the tags Nx selects by.
import { identifyRoot, type RootKind } from '@cxops/layout';

export type ProjectKind = RootKind;

export interface ProjectIdentity {
  root: string;
  name: string;
  kind: ProjectKind;
  /** The folder name under environments/, for everything below it. */
  department?: string;
  tags: string[];
}

/** The project a folder of .tf files is, or undefined when it is not one (outside the two trees, hidden). */
export function identify(root: string): ProjectIdentity | undefined {
  const identity = identifyRoot(root);
  if (!identity) return undefined;
  const tags = ['terraform', `type:${identity.kind}`];
  if (identity.department) tags.push(`department:${identity.department}`);
  return {
    root,
    name: identity.project,
    kind: identity.kind,
    ...(identity.department ? { department: identity.department } : {}),
    tags,
  };
}
