import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { checkFixture } from '../helpers/fixtures';

const dir = path.join(__dirname, '..', 'fixtures', 'rules');

describe('rule fixtures (expected findings written next to the lines)', () => {
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.itures')).sort()) {
    it(f, () => {
      checkFixture(path.join(dir, f));
    });
  }
});
