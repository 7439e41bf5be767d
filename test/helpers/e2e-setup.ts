import { E2E_TIMEOUT_MS } from './timeouts';

// Set here, not as `testTimeout` in a jest `projects` entry, where jest ignores it.
jest.setTimeout(E2E_TIMEOUT_MS);
