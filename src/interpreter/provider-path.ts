// FileSystem provider paths as PowerShell resolves them against its current location.

/**
 * A provider path made absolute against `location` (`.`/`..` resolved, `FileSystem::` dropped); null for `~`,
 * which the interpreter does not resolve.
 * @example resolveProviderPath('..\\x.cer', 'C:\\install\\sub') // 'C:\\install\\x.cer'
 */
export function resolveProviderPath(path: string, location: string): string | null {
  let p = path.replace(/^(Microsoft\.PowerShell\.Core\\)?FileSystem::/i, '');
  if (p.startsWith('~')) return null;
  if (/^\\\\/.test(p)) return p;
  if (/^[A-Za-z]:$/.test(p)) p = `${p}\\`;
  let root: string;
  let rest: string;
  if (/^[A-Za-z]:[\\/]/.test(p)) {
    root = p.slice(0, 2).toUpperCase();
    rest = p.slice(3);
  } else if (/^[\\/]/.test(p)) {
    root = location.slice(0, 2);
    rest = p.slice(1);
  } else if (/^[A-Za-z]:/.test(p)) {
    root = p.slice(0, 2).toUpperCase();
    rest = p.slice(2);
  } else {
    root = location.slice(0, 2);
    rest = `${location.slice(3)}\\${p}`;
  }
  const segments: string[] = [];
  for (const s of rest.split(/[\\/]+/)) {
    if (s === '' || s === '.') continue;
    if (s === '..') segments.pop();
    else segments.push(s);
  }
  return `${root}\\${segments.join('\\')}`;
}
