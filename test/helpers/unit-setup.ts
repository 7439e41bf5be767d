import { UNIT_TIMEOUT_MS } from './timeouts';

// Set here, not as `testTimeout` in a jest `projects` entry, where jest ignores it.
jest.setTimeout(UNIT_TIMEOUT_MS);
