import type { Storage } from '../types.js';

/**
 * The store under test, opened fresh before each test of the contract (with app `a1` in it) by
 * `describeStorageContract`. A live binding: each contract reads it inside its tests.
 */
export let storage: Storage;

export function useStorage(opened: Storage): void {
  storage = opened;
}
