import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { ROOT } from '../helpers/paths.ts';

// A small help center (13 articles) the shipped threshold was not calibrated on.
const work = mkdtempSync(join(tmpdir(), 'shopkeeper-calibrate-'));
const merchant = join(work, 'merchant');
cpSync(join(ROOT, 'evals/retrieval/unseen-merchant'), merchant, { recursive: true });
const questions = join(work, 'questions.txt');
writeFileSync(questions, readFileSync(join(merchant, 'questions.txt'), 'utf8'));
const flags = ['--merchant', merchant, '--data', join(work, 'data')];
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ask = async (question: string) => JSON.parse((await runCli(['ask', question, ...flags, '--json'])).stdout) as { answerable: boolean; confidence: number };

describe('shopkeeper calibrate', () => {
  it('sets the threshold from the merchant\'s own questions, keeping merchant.yaml\'s comments, and answers what the default refused', { timeout: 180_000 }, async () => {
    const before = await ask('the pattern yarn is discontinued, what can I use instead');
    expect(before.answerable).toBe(false);

    const result = await runCli(['calibrate', '--questions', questions, '--write', '--json', ...flags]);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.answerable).toBe(41);
    expect(report.current.answerable_refused).toBeGreaterThan(0.1);
    expect(report.calibrated.answerable_refused).toBeLessThan(0.05);
    expect(report.calibrated.threshold).toBeLessThan(report.current.threshold);
    const yaml = readFileSync(join(merchant, 'merchant.yaml'), 'utf8');
    expect(yaml).toContain(`answer_threshold: ${report.calibrated.threshold}`);
    expect(yaml).toMatch(/^# A second, unseen merchant/);

    const after = await ask('the pattern yarn is discontinued, what can I use instead');
    expect(after.confidence).toBe(before.confidence);
    expect(after.answerable).toBe(true);
  });

  it('explains a missing or malformed question file by naming the flag and the fix', async () => {
    const missing = await runCli(['calibrate', ...flags]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/--questions/);
    const bad = join(work, 'bad.txt');
    writeFileSync(bad, 'returns | fine\nno separator here\n');
    const malformed = await runCli(['calibrate', '--questions', bad, ...flags]);
    expect(malformed.code).not.toBe(0);
    expect(malformed.stderr).toContain(`${bad}:2`);
  });
});
