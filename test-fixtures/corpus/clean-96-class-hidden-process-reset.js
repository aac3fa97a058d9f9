// expect: none
const tf = require('@tensorflow/tfjs');

class Summarizer {
  constructor(cell, units) {
    this.cell = cell;
    this.units = units;
    this.hidden = tf.zeros([1, units]);
  }

  process(article) {
    this.hidden = tf.zeros([1, this.units]);
    for (const token of article) {
      const [, next] = this.cell.call([token, this.hidden], {});
      this.hidden = next;
    }
    return this.hidden;
  }
}

function summarizeAll(cell, articles, units) {
  const s = new Summarizer(cell, units);
  return articles.map((a) => s.process(a));
}

module.exports = { Summarizer, summarizeAll };
