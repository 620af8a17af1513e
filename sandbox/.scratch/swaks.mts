import { startSandbox } from '../index';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
const ex = promisify(execFile);
const sb = await startSandbox({ scenario: process.argv[2] ?? 'ready-user' });
const u = sb.scenario.users[0]!;
let pw = 'wrongwrongwrong';
try { pw = sb.createAppPassword(u.upn, 'swaks test app'); } catch (e) { console.log('no app pw:', (e as Error).message); }
const run = async (pass: string) => { try { return (await ex('swaks', ['--server', sb.smtp.host, '--port', String(sb.smtp.port), '--tls', '--tls-verify', '--tls-ca-path', sb.caPemPath, '--auth', 'LOGIN', '--auth-user', u.upn, '--auth-password', pass, '--quit-after', 'AUTH', '--helo', 'client.example'], { encoding: 'utf8' })).stdout; } catch (e: any) { return 'EXIT ' + e.status + '\n' + e.stdout + e.stderr; } };
console.log(await run(pw)); console.log(await run('badbadbadbadbadb'));
await sb.stop();
