// The entry nx.json names. Nx 24 loads a .ts plugin only through @swc-node/register or ts-node, or with
// Node's own type stripping (Node >= 22.6); this workspace runs Node 20 and has neither package. So this
// file loads the TypeScript sources through tsx, already here for cxops, scoped to this one import.
import { tsImport } from 'tsx/esm/api';

const plugin = await tsImport('./src/index.ts', import.meta.url);

export const { name, createNodes, createNodesV2, createDependencies } = plugin;
