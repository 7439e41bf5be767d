import { FlushReport, GroupCommit } from '../../../lib/audit/batch';

/**
 * Group commit, with a fake flush that the test finishes by hand: which callers share a
 * flush, when each caller's promise settles, and what a failed flush does, without a clock.
 */

interface Flush {
  items: string[];
  finish: () => void;
  fail: (error: Error) => void;
}

function fakeFlushes() {
  const flushes: Flush[] = [];
  const flush = (items: string[]) =>
    new Promise<void>((resolve, reject) => {
      flushes.push({ items, finish: resolve, fail: reject });
    });
  return { flushes, flush };
}

/** Lets every promise that can settle do so (setImmediate runs after all pending microtasks). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A promise's state as the test last saw it. */
function watch(promise: Promise<void>) {
  const seen: { state: 'pending' | 'resolved' | 'rejected'; error?: unknown } = { state: 'pending' };
  promise.then(
    () => (seen.state = 'resolved'),
    (error: unknown) => Object.assign(seen, { state: 'rejected', error }),
  );
  return seen;
}

describe('group commit', () => {
  it('flushes the callers of one turn together, at once', async () => {
    const { flushes, flush } = fakeFlushes();
    const commits = new GroupCommit(flush);
    const a = watch(commits.add(['a1', 'a2']));
    const b = watch(commits.add(['b1']));
    await settle();
    expect(flushes.map((f) => f.items)).toEqual([['a1', 'a2', 'b1']]);
    expect([a.state, b.state]).toEqual(['pending', 'pending']);
    flushes[0].finish();
    await settle();
    expect([a.state, b.state]).toEqual(['resolved', 'resolved']);
  });

  it('with gatherTurn, waits for the end of the turn, so callers of its later microtasks share the flush', async () => {
    for (const gatherTurn of [false, true]) {
      const { flushes, flush } = fakeFlushes();
      const commits = new GroupCommit(flush, { gatherTurn });
      void commits.add(['a']);
      // A caller a microtask later: an answer whose last await resolved after the first's.
      await Promise.resolve();
      void commits.add(['b']);
      await settle();
      expect(flushes.map((f) => f.items)).toEqual(gatherTurn ? [['a', 'b']] : [['a']]);
    }
  });

  it('holds what arrives during a flush for the next one, which starts the moment the first ends', async () => {
    const { flushes, flush } = fakeFlushes();
    const commits = new GroupCommit(flush);
    const a = watch(commits.add(['a']));
    await settle();
    const b = watch(commits.add(['b']));
    await settle();
    const c = watch(commits.add(['c1', 'c2']));
    await settle();
    // Still one flush: b and c wait, however long the first takes.
    expect(flushes.map((f) => f.items)).toEqual([['a']]);

    flushes[0].finish();
    await settle();
    expect(a.state).toBe('resolved');
    expect([b.state, c.state]).toEqual(['pending', 'pending']);
    expect(flushes.map((f) => f.items)).toEqual([['a'], ['b', 'c1', 'c2']]);

    flushes[1].finish();
    await settle();
    expect([b.state, c.state]).toEqual(['resolved', 'resolved']);
  });

  it('fails exactly the callers whose items the failed flush held', async () => {
    const { flushes, flush } = fakeFlushes();
    const commits = new GroupCommit(flush);
    const a = watch(commits.add(['a']));
    await settle();
    const b = watch(commits.add(['b']));
    const c = watch(commits.add(['c']));
    await settle();
    flushes[0].finish();
    await settle();
    const d = watch(commits.add(['d']));
    const failure = new Error('the database went away');
    flushes[1].fail(failure);
    await settle();
    expect([a.state, b.state, c.state]).toEqual(['resolved', 'rejected', 'rejected']);
    expect([b.error, c.error]).toEqual([failure, failure]);
    // The next flush is not held back by the failure, and does not share it.
    expect(flushes[2].items).toEqual(['d']);
    flushes[2].finish();
    await settle();
    expect(d.state).toBe('resolved');
  });

  it('fails the batch of a flush that throws before it returns a promise, and goes on', async () => {
    let calls = 0;
    const commits = new GroupCommit<string>((items) => {
      calls += 1;
      if (items.includes('bad')) throw new Error('refused at once');
      return Promise.resolve();
    });
    const bad = watch(commits.add(['bad']));
    await settle();
    const good = watch(commits.add(['good']));
    await settle();
    expect([bad.state, good.state, calls]).toEqual(['rejected', 'resolved', 2]);
  });

  it('takes at most maxItems in one flush, never splitting a caller, and a larger caller alone', async () => {
    const { flushes, flush } = fakeFlushes();
    const commits = new GroupCommit(flush, { maxItems: 3 });
    const callers = [['a1', 'a2'], ['b1'], ['c1', 'c2'], ['d1', 'd2', 'd3', 'd4'], ['e1']].map((items) => watch(commits.add(items)));
    for (let i = 0; i < 4; i += 1) {
      await settle();
      flushes[i].finish();
    }
    await settle();
    expect(flushes.map((f) => f.items)).toEqual([['a1', 'a2', 'b1'], ['c1', 'c2'], ['d1', 'd2', 'd3', 'd4'], ['e1']]);
    expect(callers.map((c) => c.state)).toEqual(['resolved', 'resolved', 'resolved', 'resolved', 'resolved']);
  });

  it('resolves a caller with nothing to write without a flush', async () => {
    const { flushes, flush } = fakeFlushes();
    await new GroupCommit(flush).add([]);
    expect(flushes).toHaveLength(0);
  });

  it('reports each flush: how many callers, how many items, whether it held, how long it took', async () => {
    const { flushes, flush } = fakeFlushes();
    const reports: FlushReport[] = [];
    const commits = new GroupCommit(flush, { onFlush: (report) => reports.push(report) });
    commits.add(['a', 'b']);
    commits.add(['c']);
    await settle();
    const failed = commits.add(['d']).catch(() => 'failed');
    flushes[0].finish();
    await settle();
    flushes[1].fail(new Error('x'));
    expect(await failed).toBe('failed');
    expect(reports).toEqual([
      { callers: 2, items: 3, ok: true, durationMs: expect.any(Number) },
      { callers: 1, items: 1, ok: false, durationMs: expect.any(Number) },
    ]);
    expect(reports.every((r) => r.durationMs >= 0)).toBe(true);
  });
});
