// The two vitest projects every test folder is split into, used by the root config (all tests) and by the
// config of each package and of tests/ (its own tests: what `nx run <project>:test` runs), as
// tsconfig.base.json is shared:
// - unit: needs nothing but Node and node_modules, and runs in seconds. It runs with CXOPS_TOOLCHAIN_DIR
//   pointing at a folder that does not exist, so a test that needs the toolchain fails there at once.
// - integration: files named *.integration.test.ts. They need the toolchain (tofu, tflint, terraform-docs,
//   actionlint, versitygw, the genesyscloud provider), the local stack, Go, or drive the real nx CLI — or,
//   like the governor's, wait out real rate windows on real HTTP servers.
import { configDefaults, defineConfig, type ViteUserConfig } from 'vitest/config';

const INTEGRATION_TESTS = '**/*.integration.test.ts';

/** Where the unit project looks for the toolchain: nowhere. */
const NO_TOOLCHAIN = '/nonexistent/cxops-unit-tests-have-no-toolchain';

/** `testDirs`: folders (globs allowed) relative to the config file that hold `*.test.ts` files. */
export function testProjects(testDirs: string[]): ViteUserConfig {
  const files = (suffix: string) => testDirs.map((dir) => `${dir}/**/*${suffix}`);
  return defineConfig({
    test: {
      // Tests that drive tofu or the local stack take seconds, not milliseconds, hence the generous timeouts.
      testTimeout: 120_000,
      hookTimeout: 120_000,
      pool: 'forks',
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: files('.test.ts'),
            exclude: [...configDefaults.exclude, INTEGRATION_TESTS],
            env: { CXOPS_TOOLCHAIN_DIR: NO_TOOLCHAIN },
            // Vitest's default on 2 cores is one worker; unit tests mostly wait on child processes and timers,
            // so two halve the wall time. Unit tests run first, as a group of their own.
            maxWorkers: 2,
            sequence: { groupOrder: 0 },
          },
        },
        // One file at a time (the default here): each drives provider processes and the local stack.
        {
          extends: true,
          test: { name: 'integration', include: files('.integration.test.ts'), sequence: { groupOrder: 1 } },
        },
      ],
    },
  });
}
