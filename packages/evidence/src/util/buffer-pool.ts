/**
 * Fixed-size read buffers handed out and taken back, so a long copy reuses a handful of buffers
 * instead of allocating one per read. Why it matters: buffers live outside the V8 heap and V8
 * collects them only after ~64 MiB of such "external" memory has piled up, which was most of the
 * preserve run's peak RSS (measured: arrayBuffers reached 63 MB with one new 1 MiB buffer per read).
 */
export class BufferPool {
  private readonly free: Buffer[] = [];

  constructor(readonly size: number) {}

  /** A buffer of `size` bytes; its content is arbitrary. */
  acquire(): Buffer {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(this.size);
  }

  /**
   * Gives back a buffer from `acquire` (or any view of one, e.g. the `subarray` of a short read)
   * once nothing reads it any more. Views of other memory, and a second release, are ignored (a
   * buffer handed out twice would be overwritten while still in use).
   */
  release(chunk: Buffer): void {
    const memory = chunk.buffer;
    if (memory.byteLength !== this.size || this.free.some((b) => b.buffer === memory)) return;
    this.free.push(Buffer.from(memory, 0, this.size));
  }
}
