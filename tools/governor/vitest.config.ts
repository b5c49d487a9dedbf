import { testProjects } from '../../vitest.shared.ts';

export default testProjects(['test']);
