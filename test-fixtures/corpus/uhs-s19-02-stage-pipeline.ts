// expect: unused-hidden-state
// Recurrent step expressed as a middleware pipeline: each stage enriches a context object, the runner folds it over time.
import * as tf from '@tensorflow/tfjs';

export type StepContext = {
  x: tf.Tensor2D;
  h: tf.Tensor2D;
  projected?: tf.Tensor2D;
  mixed?: tf.Tensor2D;
  next?: tf.Tensor2D;
};

export type Stage = (ctx: StepContext) => StepContext;

export class StepPipeline {
  private readonly stages: Array<{ name: string; fn: Stage }> = [];

  use(name: string, fn: Stage): this {
    this.stages.push({ name, fn });
    return this;
  }

  names(): string[] {
    return this.stages.map((s) => s.name);
  }

  run(ctx: StepContext): StepContext {
    return this.stages.reduce((acc, stage) => stage.fn(acc), ctx);
  }
}

export function makeParams(inputDim: number, units: number) {
  return {
    W: tf.variable(tf.randomNormal([inputDim, units], 0, 0.3, 'float32', 11)),
    U: tf.variable(tf.randomNormal([units, units], 0, 0.3, 'float32', 12)),
    b: tf.variable(tf.zeros([units])),
  };
}
export type Params = ReturnType<typeof makeParams>;

function need<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Error(`pipeline stage ran before ${what} was set`);
  return v;
}

export function standardPipeline(p: Params): StepPipeline {
  return new StepPipeline()
    .use('project', (ctx) => ({
      ...ctx,
      projected: tf.add(tf.matMul(ctx.x, p.W), p.b),
    }))
    .use('recur', (ctx) => ({
      ...ctx,
      mixed: tf.add(need(ctx.projected, 'projected'), tf.matMul(ctx.h, p.U)),
    }))
    .use('activate', (ctx) => ({
      ...ctx,
      next: tf.tanh(need(ctx.projected, 'projected')),
    }));
}

// xs: [batch, time, features]; returns every hidden state, [batch, time, units]
export function runSequence(pipe: StepPipeline, xs: tf.Tensor3D, units: number): tf.Tensor3D {
  return tf.tidy(() => {
    const [batch, time] = xs.shape;
    let h = tf.zeros([batch, units]) as tf.Tensor2D;
    const outputs: tf.Tensor2D[] = [];
    for (let t = 0; t < time; t++) {
      const x = xs.slice([0, t, 0], [-1, 1, -1]).squeeze([1]) as tf.Tensor2D;
      const ctx = pipe.run({ x, h });
      h = need(ctx.next, 'next');
      outputs.push(h);
    }
    return tf.stack(outputs, 1) as tf.Tensor3D;
  });
}

export function summarize(pipe: StepPipeline, xs: tf.Tensor3D, units: number): number[] {
  const states = runSequence(pipe, xs, units);
  const pooled = tf.tidy(() => states.mean(1).mean(1));
  const out = Array.from(pooled.dataSync());
  tf.dispose([states, pooled]);
  return out;
}
