import { withRemoteStep } from '../../../lib/remote-step';

/** A step in another service is undone when the local write fails after it, and only then. */
describe('withRemoteStep', () => {
  const step = () => {
    const calls: string[] = [];
    return { calls, step: { apply: async () => void calls.push('apply'), undo: async () => void calls.push('undo') } };
  };

  it('leaves a step that succeeded with the write alone', async () => {
    const { calls, step: s } = step();
    await expect(withRemoteStep(s, async (apply) => (await apply(), 'case 7'))).resolves.toBe('case 7');
    expect(calls).toEqual(['apply']);
  });

  it('undoes the step when the write fails after it (e.g. at commit)', async () => {
    const { calls, step: s } = step();
    await expect(withRemoteStep(s, async (apply) => { await apply(); throw new Error('commit failed'); })).rejects.toThrow('commit failed');
    expect(calls).toEqual(['apply', 'undo']);
  });

  it('has nothing to undo when the write fails before the step, or the step itself fails', async () => {
    const before = step();
    await expect(withRemoteStep(before.step, async () => { throw new Error('bad input'); })).rejects.toThrow('bad input');
    expect(before.calls).toEqual([]);
    const failing = { apply: async () => { throw new Error('refused'); }, undo: jest.fn() };
    await expect(withRemoteStep(failing, async (apply) => apply())).rejects.toThrow('refused');
    expect(failing.undo).not.toHaveBeenCalled();
  });

  it('keeps the original error, and logs, when the undo fails too', async () => {
    const logged: string[] = [];
    const s = { apply: async () => undefined, undo: async () => { throw new Error('stadsdel down'); } };
    await expect(withRemoteStep(s, async (apply) => { await apply(); throw new Error('commit failed'); }, (m) => logged.push(m))).rejects.toThrow('commit failed');
    expect(logged).toEqual([expect.stringContaining('stadsdel down')]);
  });
});
