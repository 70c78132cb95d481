import { type PowChallenge, type PowSolution, solvePowChunk } from '@hazard-ledger/domain';

// Solving the submission challenge in the browser: in a Web Worker when the browser has one, so
// the page stays responsive; otherwise in small chunks on the main thread, yielding between them.

/** Expected progress (0–1) after `tried` attempts: the chance a solution would have been found. */
export function powProgress(tried: number, difficulty: number): number {
  return 1 - Math.exp(-tried / 2 ** difficulty);
}

type Message = { type: 'done'; nonce: string } | { type: 'progress'; tried: number };

function solveInWorker(
  challenge: PowChallenge,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pow.worker.ts', import.meta.url), { type: 'module' });
    const stop = () => worker.terminate();
    signal?.addEventListener(
      'abort',
      () => {
        stop();
        reject(new DOMException('aborted', 'AbortError'));
      },
      { once: true },
    );
    worker.onmessage = (event: MessageEvent<Message>) => {
      if (event.data.type === 'progress') {
        onProgress(powProgress(event.data.tried, challenge.difficulty));
        return;
      }
      stop();
      resolve(event.data.nonce);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      stop();
      reject(new Error('worker failed'));
    };
    worker.postMessage({ challenge: challenge.challenge, difficulty: challenge.difficulty });
  });
}

async function solveOnMainThread(
  challenge: PowChallenge,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<string> {
  const chunk = 4_000;
  for (let start = 0; ; start += chunk) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const nonce = solvePowChunk(challenge.challenge, challenge.difficulty, start, chunk);
    if (nonce !== null) return nonce;
    onProgress(powProgress(start + chunk, challenge.difficulty));
    // Let the browser paint the progress and handle input between chunks.
    await new Promise((r) => setTimeout(r, 0));
  }
}

/** Finds a nonce for the challenge; `onProgress` gets an estimate between 0 and 1. */
export async function solveChallenge(
  challenge: PowChallenge,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<PowSolution> {
  let nonce: string | null = null;
  if (typeof Worker !== 'undefined') {
    try {
      nonce = await solveInWorker(challenge, onProgress, signal);
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      // A browser that refuses module workers (or a strict policy): fall back below.
    }
  }
  nonce ??= await solveOnMainThread(challenge, onProgress, signal);
  onProgress(1);
  return { ...challenge, nonce };
}
