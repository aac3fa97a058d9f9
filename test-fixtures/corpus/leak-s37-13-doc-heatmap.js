// expect: state-leak
// D3 tool: renders one heatmap row block per document showing a character-level RNN's hidden units as it reads each document.
const tf = require('@tensorflow/tfjs');
const d3 = require('d3');

const UNITS = 20;

function charCell(vocabSize, units) {
  const Wx = tf.randomNormal([vocabSize, units], 0, 0.3, 'float32', 1);
  const Wh = tf.randomNormal([units, units], 0, 1 / Math.sqrt(units), 'float32', 2);
  const b = tf.zeros([units]);
  return (xId, h) =>
    tf.tidy(() => tf.tanh(tf.gather(Wx, [xId]).add(h.matMul(Wh)).add(b)));
}

function encode(text, vocab) {
  return Array.from(text, (ch) => (vocab.has(ch) ? vocab.get(ch) : vocab.get('?')));
}

function traceDocuments(docs, vocab) {
  const step = charCell(vocab.size, UNITS);
  const blocks = [];
  let h = tf.zeros([1, UNITS]);
  docs.forEach((doc) => {
    const rows = [];
    for (const id of encode(doc.text, vocab)) {
      const next = step(id, h);
      h.dispose();
      h = next;
      rows.push(Array.from(h.dataSync()));
    }
    blocks.push({ title: doc.title, rows });
  });
  h.dispose();
  return blocks;
}

function drawBlocks(root, blocks) {
  const cell = 6;
  const color = d3.scaleDiverging(d3.interpolatePuOr).domain([-1, 0, 1]);
  const sel = d3.select(root).selectAll('figure').data(blocks).join('figure');
  sel.selectAll('figcaption').data((d) => [d.title]).join('figcaption').text((d) => d);
  const svg = sel.selectAll('svg').data((d) => [d]).join('svg')
    .attr('width', (d) => d.rows.length * cell)
    .attr('height', UNITS * cell);
  svg.selectAll('rect')
    .data((d) => d.rows.flatMap((row, t) => row.map((v, u) => ({ t, u, v }))))
    .join('rect')
    .attr('x', (d) => d.t * cell)
    .attr('y', (d) => d.u * cell)
    .attr('width', cell)
    .attr('height', cell)
    .attr('fill', (d) => color(d.v));
}

function buildVocab(docs) {
  const chars = new Set('?');
  docs.forEach((d) => Array.from(d.text).forEach((c) => chars.add(c)));
  return new Map(Array.from(chars).map((c, i) => [c, i]));
}

async function main() {
  const docs = await d3.json('/data/sample-docs.json');
  const vocab = buildVocab(docs);
  const blocks = traceDocuments(docs, vocab);
  drawBlocks('#docs', blocks);
  d3.select('#summary').text(`${docs.length} documents, ${blocks.reduce((n, b) => n + b.rows.length, 0)} steps traced`);
}

module.exports = { traceDocuments, drawBlocks, buildVocab, main };
