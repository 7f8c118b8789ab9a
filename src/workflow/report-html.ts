// The report as one self-contained HTML page (inline CSS and SVG, no scripts or links): tables and an expiry timeline.
import type { CertificateReport, ReportCertificate, ServerReport } from './report.js';

const DAY = 86_400_000;

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const BAND_COLOR: Readonly<Record<ReportCertificate['band'], string>> = {
  expired: '#b3261e',
  '30-days': '#e8710a',
  '60-days': '#f2c744',
  ok: '#2e7d32',
  pending: '#7a7a7a',
};

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function label(c: ReportCertificate): string {
  return c.domains[0] ?? c.subject.replace(/^CN=/, '') ?? c.thumbprint;
}

/** One server's timeline: a bar per certificate from NotBefore to NotAfter, the report's day as a line. */
function timeline(s: ServerReport, now: Date, start: number, end: number): string {
  const width = 900;
  const left = 220;
  const row = 24;
  const height = 36 + row * s.certificates.length;
  const x = (t: number) => left + ((Math.min(Math.max(t, start), end) - start) / (end - start)) * (width - left - 10);
  const years: string[] = [];
  for (let y = new Date(start).getUTCFullYear() + 1; Date.UTC(y, 0, 1) < end; y++) {
    const at = x(Date.UTC(y, 0, 1));
    years.push(
      `<line x1="${at}" y1="14" x2="${at}" y2="${height}" class="grid"/><text x="${at + 2}" y="12" class="axis">${y}</text>`,
    );
  }
  const bars = s.certificates
    .map((c, i) => {
      const y = 22 + i * row;
      const x1 = x(c.notBefore.getTime());
      const x2 = Math.max(x(c.notAfter.getTime()), x1 + 3);
      return (
        `<g class="timeline-item" data-thumbprint="${c.thumbprint}" data-band="${c.band}" data-server="${escapeHtml(s.server)}">` +
        `<title>${escapeHtml(`${c.subject} (${c.thumbprint}) ${day(c.notBefore)} to ${day(c.notAfter)}: ${c.band}`)}</title>` +
        `<text x="4" y="${y + 13}" class="label">${escapeHtml(label(c).slice(0, 30))}</text>` +
        `<rect x="${x1}" y="${y + 2}" width="${x2 - x1}" height="${row - 8}" rx="3" fill="${BAND_COLOR[c.band]}"/>` +
        `<text x="${Math.min(x2 + 4, width - 70)}" y="${y + 13}" class="axis">${day(c.notAfter)}</text></g>`
      );
    })
    .join('');
  const nowX = x(now.getTime());
  return (
    `<svg class="timeline" role="img" aria-label="Expiry timeline of ${escapeHtml(s.server)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `${years.join('')}${bars}<line x1="${nowX}" y1="14" x2="${nowX}" y2="${height}" class="now"/><text x="${nowX + 2}" y="${height - 2}" class="axis">today</text></svg>`
  );
}

function certificateRows(s: ServerReport): string {
  return s.certificates
    .map(
      (c) =>
        `<tr class="band-${c.band}"><td><code>${c.thumbprint}</code></td><td>${escapeHtml(c.subject)}</td>` +
        `<td>${escapeHtml(c.domains.join(', '))}</td><td>${day(c.notAfter)}</td><td>${c.band === 'pending' ? '' : c.daysToExpiry}</td>` +
        `<td>${escapeHtml(c.status)}</td><td>${escapeHtml(c.services.join(', ') || 'None')}</td><td>${c.keySize}</td><td>${escapeHtml(c.signatureAlgorithm)}</td>` +
        `<td>${c.findings.map((f) => `<span class="${f.severity}">${escapeHtml(f.message)}</span>`).join('<br>')}</td></tr>`,
    )
    .join('\n');
}

/**
 * Renders the report as a page an admin can open or mail: a summary, then per server who holds SMTP and IIS, the
 * certificate table and the expiry timeline (`g.timeline-item` per certificate, `data-thumbprint` on each).
 * @example writeFileSync('report.html', reportHtml(await buildReport(ctx)));
 */
export function reportHtml(report: CertificateReport): string {
  const now = report.generatedAt.getTime();
  const certs = report.servers.flatMap((s) => s.certificates);
  const start = Math.min(now - 30 * DAY, ...certs.map((c) => c.notBefore.getTime()));
  const end = Math.max(now + 90 * DAY, ...certs.map((c) => c.notAfter.getTime())) + 30 * DAY;
  const sections = report.servers
    .map(
      (s) => `<section class="server" data-server="${escapeHtml(s.server)}">
<h2>${escapeHtml(s.server)} <small>Exchange ${escapeHtml(s.exchange)}</small></h2>
${
  s.error !== null
    ? `<p class="error">Could not be read: ${escapeHtml(s.error)}</p>`
    : `<p>SMTP: ${s.smtp.map((t) => `<code>${t}</code>`).join(', ') || '<span class="error">none</span>'}
 &middot; IIS: ${s.iis.map((t) => `<code>${t}</code>`).join(', ') || '<span class="error">none</span>'}</p>
${timeline(s, report.generatedAt, start, end)}
<table><thead><tr><th>Thumbprint</th><th>Subject</th><th>SAN</th><th>NotAfter</th><th>Days</th><th>Status</th><th>Services</th><th>Key</th><th>Signature</th><th>Findings</th></tr></thead>
<tbody>
${certificateRows(s)}
</tbody></table>`
}
</section>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Exchange certificate report ${day(report.generatedAt)}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1b1b1b}
h1{font-size:20px}h2{font-size:16px;margin-top:28px}small{color:#666;font-weight:normal}
table{border-collapse:collapse;margin-top:8px;font-size:12px}th,td{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f0f0f0}code{font-size:11px}.error{color:#b3261e}.warning{color:#9a6700}
tr.band-expired td{background:#fdecea}tr.band-30-days td{background:#fff1e5}tr.band-60-days td{background:#fffbe5}
svg.timeline{display:block;margin-top:8px;border:1px solid #ddd;background:#fafafa}
.grid{stroke:#ddd}.now{stroke:#1565c0;stroke-width:2}.axis{font-size:10px;fill:#555}.label{font-size:11px;fill:#1b1b1b}
.legend span{display:inline-block;padding:0 6px;margin-right:6px;color:#fff;border-radius:3px}
</style></head>
<body>
<h1>Exchange certificate report</h1>
<p>As of ${report.generatedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC: ${report.servers.length} servers, ${report.counts.certificates} certificates,
<span class="error">${report.counts.errors} errors</span>, <span class="warning">${report.counts.warnings} warnings</span>.</p>
<p class="legend">${Object.entries(BAND_COLOR)
    .map(([band, color]) => `<span style="background:${color}">${band}</span>`)
    .join('')}</p>
${sections}
</body></html>
`;
}
