// The node flags the VS Code client starts the language server with (other editors: see
// docs/other-editors.md; bench/lib/lsp.mjs reads this list so the benchmarks measure the server as
// users run it).
//
// `--optimize-for-size`: V8 keeps a smaller heap. Each lint's tree outlives the scavenges of its own
// analysis and dies in the old generation; without the flag, after opening 200 files, the server's
// RSS was 143 MB in most runs and 220 MB in about one in three (old space 115 MB, 33 MB of it
// live, still there after 10 s idle). With it: 112-119 MB in five of five runs, for about 1 ms more
// per edit of a 1,000-line file (median 18.7 vs 19.9 ms over four alternating runs of
// bench/latency.mjs). Set at run time from inside the server instead, it only half works (136-151 MB):
// the young generation is sized at start-up.
export const SERVER_NODE_FLAGS: readonly string[] = ['--optimize-for-size'];
