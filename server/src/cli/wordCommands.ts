/** `reslint import | export | mod`: Word round trip (server/src/word). */
import { UsageError } from './errors';

export async function wordCommand(sub: 'import' | 'export' | 'mod', args: string[], io: { out: (s: string) => void; err: (s: string) => void }): Promise<number> {
  void args;
  void io;
  throw new UsageError(`"${sub}" is not available in this build`);
}
