// expect: state-leak
// Offline indexer that encodes each help-center article with a small recurrent encoder and stores the vectors in IndexedDB.
import * as tf from '@tensorflow/tfjs';

const DB_NAME = 'article-vectors';
const STORE = 'vectors';

class DocEncoder {
  static fromJSON(json) {
    const enc = new DocEncoder();
    enc.embed = tf.tensor2d(json.embed);
    enc.wx = tf.tensor2d(json.wx);
    enc.wh = tf.tensor2d(json.wh);
    enc.b = tf.tensor1d(json.b);
    enc.hidden = json.wh.length;
    return enc;
  }

  step(x, h) {
    return tf.tidy(() =>
      tf.tanh(tf.add(tf.add(tf.matMul(x, this.wx), tf.matMul(h, this.wh)), this.b)),
    );
  }

  embedTokens(ids) {
    return tf.tidy(() => tf.gather(this.embed, tf.tensor1d(ids, 'int32')));
  }
}

function openDb() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'id' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function putVector(db, record) {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(record);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

export async function indexArticles(encoder, articles, onProgress = () => {}) {
  const db = await openDb();
  let h = tf.zeros([1, encoder.hidden]);

  for (const [n, article] of articles.entries()) {
    const tokens = encoder.embedTokens(article.tokenIds);
    const rows = tf.unstack(tokens);
    for (const row of rows) {
      const x = row.reshape([1, -1]);
      const next = encoder.step(x, h);
      tf.dispose([x, h]);
      h = next;
    }
    const vector = Array.from(await h.data());
    await putVector(db, { id: article.id, title: article.title, vector });
    tf.dispose([tokens, ...rows]);
    onProgress(n + 1, articles.length);
  }

  h.dispose();
  db.close();
}

export async function runIndexer(manifestUrl, weightsUrl) {
  const [articles, weights] = await Promise.all([
    fetch(manifestUrl).then((r) => r.json()),
    fetch(weightsUrl).then((r) => r.json()),
  ]);
  const encoder = DocEncoder.fromJSON(weights);
  await indexArticles(encoder, articles, (done, total) => {
    if (done % 50 === 0) console.log(`indexed ${done}/${total}, tensors=${tf.memory().numTensors}`);
  });
}
