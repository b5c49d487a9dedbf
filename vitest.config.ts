// Every test in the repository, as two vitest projects (unit, integration: see vitest.shared.ts).
// `npm test` runs both, `npm run test:unit` and `npm run test:integration` one each. Each package (and tests/)
// has its own config with the same projects over its own tests: that is what `nx run <project>:test` runs.
import { testProjects } from './vitest.shared.ts';

export default testProjects(['tools/*/test', 'tests']);
