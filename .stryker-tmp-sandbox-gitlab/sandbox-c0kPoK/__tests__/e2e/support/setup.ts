// @ts-nocheck
// A scenario runs several real deploys and diffs; each takes seconds.
jest.setTimeout(300_000);
