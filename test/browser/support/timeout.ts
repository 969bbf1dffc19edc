// A browser test signs in, clicks and waits for the API: more than Jest's default 5 s on a busy machine.
jest.setTimeout(20_000);
