import { localServer } from '../unit/knowledge/local-server.ts';

interface Stored { id: string; values: number[]; metadata: Record<string, unknown> }
type Filter = Record<string, unknown>;

/** Pinecone's documented metadata filter operators that our adapter emits ($eq, $in, $and). */
function matches(metadata: Record<string, unknown>, filter: Filter | undefined): boolean {
  if (!filter) return true;
  return Object.entries(filter).every(([key, condition]) => {
    if (key === '$and') return (condition as Filter[]).every((part) => matches(metadata, part));
    const { $eq, $in } = condition as { $eq?: unknown; $in?: unknown[] };
    if ($eq !== undefined) return metadata[key] === $eq;
    if ($in !== undefined) return $in.includes(metadata[key]);
    throw new Error(`fake Pinecone: unsupported filter ${JSON.stringify(condition)}`);
  });
}

function cosine(left: number[], right: number[]): number {
  let dot = 0, a = 0, b = 0;
  for (let index = 0; index < left.length; index++) {
    dot += left[index]! * right[index]!;
    a += left[index]! ** 2;
    b += right[index]! ** 2;
  }
  return a === 0 || b === 0 ? 0 : dot / Math.sqrt(a * b);
}

/**
 * A stateful stand-in for a cosine-metric Pinecone index's data plane (upsert, query, delete,
 * describe_index_stats), exact rather than approximate, so a contract can run offline. It checks
 * what our adapter sends, not Pinecone's own ranking.
 */
export async function fakePinecone() {
  const namespaces = new Map<string, Map<string, Stored>>();
  const space = (name: string) => namespaces.get(name) ?? namespaces.set(name, new Map()).get(name)!;
  return localServer((request) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const namespace = String(body.namespace ?? '');
    if (request.path === '/vectors/upsert') {
      const vectors = body.vectors as Stored[];
      for (const vector of vectors) space(namespace).set(vector.id, { ...vector, metadata: vector.metadata ?? {} });
      return { body: { upsertedCount: vectors.length } };
    }
    if (request.path === '/query') {
      const vector = body.vector as number[];
      const found = [...space(namespace).values()].filter((stored) => matches(stored.metadata, body.filter as Filter | undefined))
        .map((stored) => ({ id: stored.id, score: cosine(stored.values, vector), values: [] }))
        .sort((left, right) => right.score - left.score).slice(0, Number(body.topK));
      return { body: { matches: found, namespace, usage: { readUnits: 1 } } };
    }
    if (request.path === '/vectors/delete') {
      for (const id of body.ids as string[]) space(namespace).delete(id);
      return { body: {} };
    }
    if (request.path === '/describe_index_stats') {
      const counts = Object.fromEntries([...namespaces].map(([name, stored]) => [name, { vectorCount: stored.size }]));
      const total = [...namespaces.values()].reduce((sum, stored) => sum + stored.size, 0);
      return { body: { namespaces: counts, dimension: 0, indexFullness: 0, totalVectorCount: total } };
    }
    return { status: 404, body: { error: `fake Pinecone: unexpected ${request.method} ${request.path}` } };
  });
}
