import { describe, expect, it } from 'vitest';
import { outputTaken, streamingWorkbook } from './xlsx.js';

// A streaming export must not run ahead of its compressor: ExcelJS hands the sheet's XML to the
// zip without waiting, so rows made faster than deflate takes them queue up in memory.

/** Writes `batches` × 200 rows of varied text; the largest queue in front of the compressor. */
async function exportRows(wait: boolean, batches: number): Promise<number> {
  const { workbook, stream } = streamingWorkbook();
  let bytes = 0;
  stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
  const sheet = workbook.addWorksheet('隐患');
  const compressor = (
    sheet as unknown as { stream: { pipes: { _writableState: { length: number } }[] } }
  ).stream.pipes;
  let largestQueue = 0;
  for (let b = 0; b < batches; b++) {
    for (let i = 0; i < 200; i++) {
      sheet
        .addRow([b * 200 + i, `重大事故隐患${Math.random()}`.repeat(4), `整改措施${Math.random()}`])
        .commit();
    }
    for (const stage of compressor)
      largestQueue = Math.max(largestQueue, stage._writableState.length);
    if (wait) await outputTaken(sheet, stream);
    else await new Promise((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
  expect(bytes).toBeGreaterThan(0);
  return largestQueue;
}

describe('outputTaken', () => {
  it('keeps the uncompressed sheet waiting in front of the compressor small', async () => {
    const unwaited = await exportRows(false, 100);
    const waited = await exportRows(true, 100);
    // Without waiting, megabytes queue (about 16 MB for 100,000 rows); waiting keeps it near the
    // stream's own buffer size.
    expect(unwaited).toBeGreaterThan(2 * 1024 * 1024);
    expect(waited).toBeLessThan(512 * 1024);
  }, 60_000);

  it('waits on a stalled download without piling up listeners, and stops when it is closed', async () => {
    const { workbook, stream } = streamingWorkbook();
    const sheet = workbook.addWorksheet('隐患');
    // Nobody reads: the response's buffer fills and stays full.
    for (let i = 0; i < 3000; i++) sheet.addRow([i, `隐患${Math.random()}`.repeat(20)]).commit();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const ownListeners = stream.listenerCount('drain'); // the zip's pipe into the response
    let done = false;
    const waiting = outputTaken(sheet, stream).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(done).toBe(false);
    expect(stream.listenerCount('drain')).toBeLessThanOrEqual(ownListeners + 1);
    stream.destroy();
    await waiting;
    expect(done).toBe(true);
  });
});
