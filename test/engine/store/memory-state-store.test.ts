// The in-memory store against the shared StateStore contract.
import { createMemoryStateStore } from '../../../src/engine/store/memory-state-store.js';
import { describeStateStoreContract } from './support/state-store-contract.js';

describeStateStoreContract('memory', () => ({ store: createMemoryStateStore(), dispose: () => undefined }));
