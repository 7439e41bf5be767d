/**
 * Log lines for a stream (stdout), written together once per turn of the event loop
 * instead of one write each: on a pipe or a file every write is a system call, and at one
 * access line a request that was a twentieth of the gateway's busy time under load. Lines
 * keep their order and wait at most until the loop's next check phase; the ones still
 * waiting when the process exits are written then, synchronously (stdout on a pipe or a
 * file is synchronous on Linux).
 */
export function batchedLines(stream: NodeJS.WritableStream = process.stdout): (line: string) => void {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = `${pending.join('\n')}\n`;
    pending = [];
    stream.write(text);
  };
  process.once('exit', flush);
  return (line) => {
    pending.push(line);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
}
