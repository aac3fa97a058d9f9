// expect: none
// CommonJS stream operator: turns a push-based stream of audio feature frames into running voice-activity scores.
'use strict';

const tf = require('@tensorflow/tfjs');

function Observable(subscribeFn) {
  this._subscribe = subscribeFn;
}

Observable.prototype.subscribe = function (observer) {
  const safe = {
    next: observer.next ? observer.next.bind(observer) : function () {},
    error: observer.error ? observer.error.bind(observer) : function (e) { throw e; },
    complete: observer.complete ? observer.complete.bind(observer) : function () {}
  };
  const teardown = this._subscribe(safe);
  return { unsubscribe: typeof teardown === 'function' ? teardown : function () {} };
};

/**
 * @param {{ wx: tf.Tensor2D, wh: tf.Tensor2D, b: tf.Tensor1D, wo: tf.Tensor2D, bo: tf.Tensor1D }} p
 * @param {tf.Tensor2D} x
 * @param {tf.Tensor2D} h
 */
function vadStep(p, x, h) {
  return tf.tanh(tf.add(tf.add(tf.matMul(x, p.wx), tf.matMul(h, p.wh)), p.b));
}

/**
 * Each subscription gets its own hidden state; it lives across frames of that stream only.
 * @param {Observable} frames$
 * @param {object} params
 * @param {number} hiddenSize
 */
function vadScores(frames$, params, hiddenSize) {
  return new Observable(function (observer) {
    let h = tf.zeros([1, hiddenSize]);
    let lastLogit = null;

    const sub = frames$.subscribe({
      next(frame) {
        const prev = h;
        const score = tf.tidy(() => {
          const x = tf.tensor2d([frame]);
          const hNext = vadStep(params, x, prev);
          const logit = tf.add(tf.matMul(hNext, params.wo), params.bo);
          if (lastLogit) lastLogit.dispose();
          lastLogit = tf.keep(logit);
          h = tf.keep(hNext);
          return tf.sigmoid(logit).dataSync()[0];
        });
        prev.dispose();
        observer.next({ score, speech: score > 0.5 });
      },
      error(err) {
        observer.error(err);
      },
      complete() {
        if (lastLogit) observer.next({ final: Array.from(lastLogit.dataSync()) });
        observer.complete();
      }
    });

    return function () {
      sub.unsubscribe();
      h.dispose();
      if (lastLogit) lastLogit.dispose();
    };
  });
}

function fromArray(items) {
  return new Observable(function (observer) {
    items.forEach(function (it) { observer.next(it); });
    observer.complete();
  });
}

module.exports = { Observable, vadScores, fromArray, vadStep };
