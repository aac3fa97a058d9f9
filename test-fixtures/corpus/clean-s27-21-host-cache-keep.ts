// expect: none
// Metrics ingest handler: each host's recurrent context lives in an in-memory cache keyed by host id and is advanced per scrape.
import * as tf from '@tensorflow/tfjs';

export interface Scrape {
  host: string;
  cpu: number;
  memPct: number;
  errRate: number;
}

type Cache = { [host: string]: { h: tf.Tensor2D; n: number } };

const H = 8;

export function createHandler(seed = 151) {
  const wx = tf.randomNormal([3, H], 0, 0.5, 'float32', seed);
  const wh = tf.randomNormal([H, H], 0, 0.3, 'float32', seed + 1);
  const wo = tf.randomNormal([H, 1], 0, 0.7, 'float32', seed + 2);
  const cache: Cache = {};

  function handle(s: Scrape): { host: string; anomaly: number; samples: number } {
    const entry = cache[s.host];
    const prev = entry ? entry.h : null;

    const anomaly = tf.tidy(() => {
      const h0 = prev ?? tf.zeros([1, H]);
      const x = tf.tensor2d([[s.cpu / 100, s.memPct / 100, Math.min(1, s.errRate * 20)]]);
      const h = tf.tanh(x.matMul(wx).add(h0.matMul(wh))) as tf.Tensor2D;
      cache[s.host] = { h: tf.keep(h), n: (entry?.n ?? 0) + 1 };
      return tf.sigmoid(h.matMul(wo)).dataSync()[0];
    });

    prev?.dispose();
    return { host: s.host, anomaly, samples: cache[s.host].n };
  }

  function evict(host: string): void {
    cache[host]?.h.dispose();
    delete cache[host];
  }

  return { handle, evict, hosts: () => Object.keys(cache) };
}

function scrapeAt(host: string, t: number): Scrape {
  const incident = host === 'web-3' && t >= 15 && t < 18;
  const phase = host.charCodeAt(host.length - 1);
  return {
    host,
    cpu: 35 + 10 * Math.sin(t / 5 + phase) + (incident ? 55 : 0),
    memPct: 60 + 5 * Math.cos(t / 7 + phase),
    errRate: incident ? 0.2 : 0.001,
  };
}

if (require.main === module) {
  const handler = createHandler();
  const hosts = ['web-1', 'web-2', 'web-3'];
  for (let t = 0; t < 25; t++) {
    for (const host of hosts) {
      const r = handler.handle(scrapeAt(host, t));
      if (r.anomaly > 0.9) console.log(`t=${t} ${r.host} anomaly=${r.anomaly.toFixed(3)}`);
    }
  }
  handler.evict('web-2');
  console.log('hosts:', handler.hosts().join(','), 'tensors:', tf.memory().numTensors);
}
