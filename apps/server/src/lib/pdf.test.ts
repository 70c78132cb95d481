import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from './pdf.js';

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('renderPdf', () => {
  it.skipIf(!hasPdftotext)('renders Chinese text that pdftotext reads back', async () => {
    const pdf = await renderPdf({
      content: [
        { text: '企业重大事故隐患自查记录', bold: true },
        {
          table: {
            body: [
              ['序号', '判定情形'],
              ['1', '存在问题'],
            ],
          },
        },
      ],
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hl-pdf-')), 'a.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('企业重大事故隐患自查记录');
    expect(text).toContain('判定情形');
  });
});
