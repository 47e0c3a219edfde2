/** Sparse L2-normalised TF-IDF vectors; feature ids are dense integers. */
export type SparseVector = { ids: Int32Array; weights: Float32Array };

export type TfidfIndex = {
  vocabulary: Map<string, number>;
  idf: Float64Array;
  docs: SparseVector[];
  /** feature id → documents that have it and their weights (inverted index). */
  postings: { docs: Int32Array; weights: Float32Array }[];
};

/**
 * Builds TF-IDF vectors with sublinear term frequency (1 + ln tf) and smoothed idf, the usual
 * choice for short-document similarity.
 */
export function buildTfidfIndex(featureLists: string[][]): TfidfIndex {
  const vocabulary = new Map<string, number>();
  const df: number[] = [];
  const counts = featureLists.map((features) => {
    const tf = new Map<number, number>();
    for (const f of features) {
      let id = vocabulary.get(f);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(f, id);
        df.push(0);
      }
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    for (const id of tf.keys()) df[id]! += 1;
    return tf;
  });
  const n = featureLists.length;
  const idf = new Float64Array(df.length);
  for (let i = 0; i < df.length; i++) idf[i] = Math.log((n + 1) / (df[i]! + 1)) + 1;
  const docs = counts.map((tf) => toVector(tf, idf));
  return { vocabulary, idf, docs, postings: buildPostings(docs, df) };
}

function buildPostings(docs: SparseVector[], df: number[]): TfidfIndex["postings"] {
  const postings = df.map((n) => ({ docs: new Int32Array(n), weights: new Float32Array(n) }));
  const fill = new Int32Array(df.length);
  docs.forEach((doc, d) => {
    for (let k = 0; k < doc.ids.length; k++) {
      const id = doc.ids[k]!;
      const at = fill[id]!++;
      postings[id]!.docs[at] = d;
      postings[id]!.weights[at] = doc.weights[k]!;
    }
  });
  return postings;
}

/**
 * Cosine of the query with every document at once, through the inverted index: the cost is the
 * total length of the query features' postings, not documents × features.
 */
export function cosineWithAll(index: TfidfIndex, query: SparseVector): Float64Array {
  const scores = new Float64Array(index.docs.length);
  for (let k = 0; k < query.ids.length; k++) {
    const list = index.postings[query.ids[k]!]!;
    const w = query.weights[k]!;
    for (let j = 0; j < list.docs.length; j++) scores[list.docs[j]!]! += w * list.weights[j]!;
  }
  return scores;
}

/** Vectorises a query with the index's vocabulary (unknown features carry no weight). */
export function vectoriseQuery(index: TfidfIndex, features: string[]): SparseVector {
  const tf = new Map<number, number>();
  for (const f of features) {
    const id = index.vocabulary.get(f);
    if (id !== undefined) tf.set(id, (tf.get(id) ?? 0) + 1);
  }
  return toVector(tf, index.idf);
}

function toVector(tf: Map<number, number>, idf: Float64Array): SparseVector {
  const entries = [...tf.entries()].sort((a, b) => a[0] - b[0]);
  const ids = new Int32Array(entries.length);
  const weights = new Float32Array(entries.length);
  let norm = 0;
  entries.forEach(([id, count], i) => {
    const w = (1 + Math.log(count)) * idf[id]!;
    ids[i] = id;
    weights[i] = w;
    norm += w * w;
  });
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < weights.length; i++) weights[i]! *= scale;
  return { ids, weights };
}
