// DynamoDB Local needs a Java 17+ runtime; say exactly how to get one when it is missing.
import { spawnSync } from 'node:child_process';

export const JAVA_HELP = [
  'DynamoDB Local needs a Java 17 or newer runtime, and none was found on PATH.',
  'Install one, then run the command again:',
  '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y openjdk-17-jre-headless',
  '  Fedora/RHEL:    sudo dnf install -y java-17-openjdk-headless',
  '  macOS:          brew install openjdk@17   (then follow brew\'s PATH hint)',
  '  Windows:        winget install Microsoft.OpenJDK.17',
].join('\n');

/** The major version of `java` on PATH, or null when there is none. */
export function javaMajorVersion(): number | null {
  const out = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (out.error || out.status !== 0) return null;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${out.stderr}${out.stdout}`);
  if (!match) return null;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

export function assertJava(): void {
  const major = javaMajorVersion();
  if (major === null) throw new Error(JAVA_HELP);
  if (major < 17) throw new Error(`Found Java ${major}. ${JAVA_HELP}`);
}
