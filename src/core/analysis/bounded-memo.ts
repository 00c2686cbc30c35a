/**
 * A function's answers remembered, up to `limit` keys: words, names and labels recur across stories, so a
 * long-running bot answers them from memory; when the memory is full it is emptied and starts again, so it
 * never grows without bound. A key whose answer is `undefined` is computed every time.
 */
export class BoundedMemo<K, V> {
  private readonly answers = new Map<K, V>();

  constructor(
    private readonly limit: number,
    private readonly compute: (key: K) => V,
  ) {}

  get(key: K): V {
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = this.compute(key);
      if (this.answers.size >= this.limit) this.answers.clear();
      this.answers.set(key, answer);
    }
    return answer;
  }
}
