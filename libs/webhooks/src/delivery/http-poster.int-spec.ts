import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { httpPoster } from './http-poster';

/** The real HTTP client against local servers: no redirects followed, a time-out, and the address guard at connect time. */
describe('httpPoster', () => {
  let server: Server;
  let base: string;
  const hits: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/moved') return res.writeHead(302, { location: `${base}/elsewhere` }).end();
      if (req.url === '/slow') return; // never answers
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  });

  it('posts and reports the status', async () => {
    expect(await httpPoster({ allowPrivate: true })(`${base}/in`, '{}', { 'webhook-id': 'x' })).toEqual({ status: 204 });
  });

  it('does not follow a redirect', async () => {
    hits.length = 0;
    expect(await httpPoster({ allowPrivate: true })(`${base}/moved`, '{}', {})).toEqual({ status: 302, location: `${base}/elsewhere` });
    expect(hits).toEqual(['/moved']);
  });

  it('gives up after the time-out', async () => {
    const started = Date.now();
    expect(await httpPoster({ allowPrivate: true, timeoutMs: 300 })(`${base}/slow`, '{}', {})).toEqual({ error: 'timed out after 300 ms' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('refuses private addresses when sending, by literal and by name (localhost resolves to loopback)', async () => {
    hits.length = 0;
    const post = httpPoster({ allowPrivate: false });
    expect(await post(`${base}/in`, '{}', {})).toEqual({ error: 'refused: 127.0.0.1 is not a public address' });
    const byName = await post(base.replace('127.0.0.1', 'localhost') + '/in', '{}', {});
    expect(byName).toEqual({ error: expect.stringMatching(/^refused: localhost resolves to a non-public address/) });
    expect(hits).toEqual([]);
  });
});
