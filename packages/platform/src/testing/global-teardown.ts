export default async function globalTeardown(): Promise<void> {
  const pg = (globalThis as any).__wholesailTestPg as { stop(): Promise<void> } | undefined;
  await pg?.stop();
}
