import os from 'node:os';
import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP-recommended parameters (19 MiB, 2 iterations).
const OPTIONS = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
};

// Each argon2id run holds its 19 MiB buffer on libuv's thread pool (4 threads, shared with file
// and zlib work). More runs at once than cores only queue for the CPU anyway, so a burst of
// logins waits here instead of multiplying the buffers (10 at once measured +65 MB of RSS) and
// taking every pool thread from file reads.
const MAX_CONCURRENT_HASHES = Math.max(1, Math.min(os.availableParallelism(), 4));
let hashesRunning = 0;
const waitingForHash: (() => void)[] = [];

/** Runs one argon2 computation once a slot is free; a finished run hands its slot on directly. */
async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (hashesRunning < MAX_CONCURRENT_HASHES) hashesRunning++;
  else await new Promise<void>((resolve) => waitingForHash.push(resolve));
  try {
    return await work();
  } finally {
    const next = waitingForHash.shift();
    if (next) next();
    else hashesRunning--;
  }
}

/** Hashes a password with argon2id. */
export async function hashPassword(password: string): Promise<string> {
  return withHashSlot(() => hash(password, OPTIONS));
}

/** Verifies a password against an argon2 hash; false on any malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await withHashSlot(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}

// A hash to verify against when the username is unknown, so timing does not reveal it.
let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real verification for an unknown user. */
export async function verifyDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword('dummy-password-Never-Used-1');
  await verifyPassword(await dummyHash, password);
}
