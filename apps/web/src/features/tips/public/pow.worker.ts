import { solvePowChunk } from '@hazard-ledger/domain';

// Solves a proof-of-work challenge off the main thread, reporting progress between chunks.

type Start = { challenge: string; difficulty: number };
type WorkerScope = {
  onmessage: ((event: MessageEvent<Start>) => void) | null;
  postMessage: (message: unknown) => void;
};

const scope = self as unknown as WorkerScope;
const CHUNK = 20_000;

scope.onmessage = (event) => {
  const { challenge, difficulty } = event.data;
  for (let start = 0; ; start += CHUNK) {
    const nonce = solvePowChunk(challenge, difficulty, start, CHUNK);
    if (nonce !== null) {
      scope.postMessage({ type: 'done', nonce });
      return;
    }
    scope.postMessage({ type: 'progress', tried: start + CHUNK });
  }
};
