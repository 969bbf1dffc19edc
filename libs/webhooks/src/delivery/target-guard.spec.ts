import { isNonPublicAddress, refusalOf } from './target-guard';

describe('the webhook target guard', () => {
  it('refuses loopback, private, link-local and reserved addresses of both families, IPv4 inside IPv6 included', () => {
    const inward = ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255',
      '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '64:ff9b::a00:1', '64:ff9b::192.168.0.1', '2002:c0a8:101::1', '::127.0.0.1'];
    expect(inward.filter((a) => !isNonPublicAddress(a))).toEqual([]);
  });

  it('lets public addresses through', () => {
    const outward = ['8.8.8.8', '1.1.1.1', '172.32.0.1', '192.169.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1'];
    expect(outward.filter(isNonPublicAddress)).toEqual([]);
  });

  it('names what is wrong with a URL, resolving host names (a fake resolver here)', async () => {
    const resolve = async (host: string) => ({ 'hooks.example.com': ['93.184.216.34'], 'sneaky.example.com': ['93.184.216.34', '10.0.0.5'], 'v6.example.com': ['::1'] })[host] ?? Promise.reject(new Error('ENOTFOUND'));
    const verdicts = await Promise.all(
      ['https://hooks.example.com/in', 'https://sneaky.example.com/in', 'http://v6.example.com', 'http://localhost:3000/x', 'http://printer/x', 'http://[::1]:8080/', 'http://169.254.169.254/latest', 'ftp://hooks.example.com', 'not a url', 'https://nowhere.example.com', 'https://user:pw@hooks.example.com/'].map((u) => refusalOf(u, false, resolve)),
    );
    expect(verdicts[0]).toBeUndefined();
    expect(verdicts[1]).toMatch(/resolves to a private.*10\.0\.0\.5/);
    expect(verdicts[2]).toMatch(/resolves to a private.*::1/);
    expect(verdicts[3]).toMatch(/local host \(localhost\)/);
    expect(verdicts[4]).toMatch(/local host \(printer\)/);
    expect(verdicts[5]).toMatch(/private, loopback or link-local address \(::1\)/);
    expect(verdicts[6]).toMatch(/169\.254\.169\.254/);
    expect(verdicts[7]).toMatch(/http\(s\)/);
    expect(verdicts[8]).toMatch(/absolute http\(s\) URL/);
    expect(verdicts[9]).toMatch(/does not resolve/);
    expect(verdicts[10]).toMatch(/user name or password/);
  });

  it('lets anything http(s) through when private targets are allowed (SOLMU_WEBHOOKS_ALLOW_PRIVATE)', async () => {
    expect(await refusalOf('http://127.0.0.1:9999/hook', true)).toBeUndefined();
    expect(await refusalOf('ftp://127.0.0.1/', true)).toMatch(/http\(s\)/);
  });
});
