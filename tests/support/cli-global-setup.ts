// Builds the CLI bundle (out/cli) once before any test file runs, so the many CLI processes the
// tests start find it current instead of each noticing changed sources and rebuilding it.
// bin/licence-desk.mjs still checks freshness itself: a test can never run a stale bundle.
export default async function setup(): Promise<void> {
  const { buildCli } = (await import('../../scripts/build-cli.mjs' as string)) as { buildCli: () => Promise<unknown> };
  await buildCli();
}
