// The TypeScript compiler, imported once for the whole bundle. esbuild wraps a CommonJS package in
// a fresh getter object (__toESM) at every place that imports it, and the compiler has thousands of
// exports: 22 copies cost about 40 ms per process start (CLI, every worker, language server).
// Every engine module imports `ts` from here instead of from 'typescript'.
import ts from 'typescript';

export default ts;
