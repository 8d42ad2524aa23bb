// Compiled patterns are immutable, so equal sources can share one compiled object
// (a flyweight). Policies repeat the same actions, ARNs, accounts and regions
// across statements and scenarios; sharing them keeps a large corpus small and
// keeps the objects the matcher touches hot in the CPU cache. Each table is bounded:
// when it fills up it starts over, so untrusted input cannot grow it without limit.

const LIMIT = 50_000;

export class InternTable<T> {
  private map = new Map<string, T>();

  get(key: string, make: (key: string) => T): T {
    const hit = this.map.get(key);
    if (hit !== undefined) return hit;
    const value = make(key);
    this.store(key, value);
    return value;
  }

  lookup(key: string): T | undefined {
    return this.map.get(key);
  }

  store(key: string, value: T): void {
    if (this.map.size >= LIMIT) this.map = new Map();
    this.map.set(key, value);
  }
}
