/**
 * `parley serve` in a child process (so a test can SIGKILL it): the compiled CLI under `node --test
 * dist/`, the TypeScript one through tsx when the test itself runs under tsx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
}

export async function spawnServer(dbFile: string): Promise<ServerProcess> {
  const underTsx = import.meta.url.endsWith('.ts');
  const main = fileURLToPath(new URL(`../../src/cli/main.${underTsx ? 'ts' : 'js'}`, import.meta.url));
  const args = [...(underTsx ? ['--import', 'tsx'] : []), main, 'serve', '--port', '0', '--db', dbFile];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (errors += text));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      output += text;
      const match = /(http:\/\/\S+)/u.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`parley serve exited (${code}) before printing its URL:\n${errors}`)));
  });
  return { url, child };
}

export async function killHard(server: ServerProcess): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGKILL');
  await exited;
}

export async function stopGently(server: ServerProcess): Promise<number | null> {
  if (server.child.exitCode !== null) return server.child.exitCode;
  const exited = once(server.child, 'exit');
  server.child.kill('SIGINT');
  const [code] = (await exited) as [number | null];
  return code;
}
