import { getPriority } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

const linux = process.platform === 'linux' ? describe : describe.skip;

linux('lowerThisThreadsPriority', () => {
  it('lowers the priority of the calling worker thread only, not the main thread', async () => {
    const before = getPriority();
    const register = resolve(__dirname, '../../../../../tools/register-ts.js');
    const source = join(__dirname, 'background-priority.ts');
    const worker = new Worker(
      `require(${JSON.stringify(register)});
       const { lowerThisThreadsPriority } = require(${JSON.stringify(source)});
       const lowered = lowerThisThreadsPriority();
       require('node:worker_threads').parentPort.postMessage({ lowered, own: require('node:os').getPriority() });`,
      { eval: true },
    );
    const answer = await new Promise<{ lowered: boolean; own: number }>((done) => worker.once('message', done));
    await worker.terminate();
    expect(answer).toEqual({ lowered: true, own: Math.min(19, before + 10) });
    expect(getPriority()).toBe(before);
  });
});
