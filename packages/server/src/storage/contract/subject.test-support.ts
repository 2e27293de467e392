import type { Storage } from '../types.js';

/** The store under test: opened fresh before each test of the contract, with app `a1` in it. */
export interface ContractSubject {
  readonly storage: Storage;
}
