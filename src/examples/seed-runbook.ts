import { enableExchangeCertificate } from '../cmdlet/enable-exchange-certificate.js';
import { exportExchangeCertificate } from '../cmdlet/export-exchange-certificate.js';
import { getExchangeCertificate } from '../cmdlet/get-exchange-certificate.js';
import { importExchangeCertificate } from '../cmdlet/import-exchange-certificate.js';
import { newExchangeCertificate } from '../cmdlet/new-exchange-certificate.js';
import { script } from '../cmdlet/script-builder.js';
import type { ScriptBuilder } from '../cmdlet/script-builder.js';
import type { VariableExpression } from '../node/expression.js';
import { fileBytes, variable } from '../node/expression.js';
import { secret } from '../node/secret.js';
import type { Secret } from '../node/secret.js';

/** Every name, path, domain and password of the reference lifecycle (SEED-RUNBOOK.md), as parameters. */
export interface SeedParameters {
  readonly firstServer: string;
  readonly secondServer: string;
  readonly subjectName: string;
  readonly domainNames: readonly string[];
  readonly requestPath: string;
  readonly issuedCertificatePath: string;
  readonly pfxPath: string;
  readonly password: Secret;
  /** The issued certificate's thumbprint, or a variable holding the import's result. */
  readonly thumbprint: string | VariableExpression;
  /** Export with `-FileName` (as the seed does on Exchange 2013) or with a client-side write (`exportToFile`). */
  readonly exportStyle: 'fileName' | 'exportToFile';
}

/** The values of SEED-RUNBOOK.md. */
export const SEED_PARAMETERS: SeedParameters = Object.freeze({
  firstServer: 'AMS-EXCH01',
  secondServer: 'RESEXCH01',
  subjectName: 'c=NL, S=Flevoland, L=Emmeloord, O=Exchangefun bv, OU=RND, CN=webmail.exchangefun.nl',
  domainNames: Object.freeze(['webmail.exchangefun.nl', 'autodiscover.exchangefun.nl']),
  requestPath: 'C:\\install\\ssl-request.req',
  issuedCertificatePath: 'c:\\install\\webmail_exchangefun_nl.cer',
  pfxPath: 'C:\\Install\\webmail_exchangefun_nl.pfx',
  password: secret('Pass1word'),
  thumbprint: '225B26D7F8EF0721887213EEF71F87380DE8AEEE',
  exportStyle: 'fileName',
});

/** Steps 1 (request) of the lifecycle: run before the vendor issues the certificate. */
export function seedPartOne(p: SeedParameters = SEED_PARAMETERS): ScriptBuilder {
  return script()
    .assign(
      'RequestData',
      newExchangeCertificate({
        generateRequest: true,
        server: p.firstServer,
        subjectName: p.subjectName,
        domainName: p.domainNames,
        privateKeyExportable: true,
      }),
    )
    .writeFile(p.requestPath, variable('RequestData'));
}

/** Steps 3-6: import the issued certificate, bind IIS, back it up to a PFX and reuse it on the second server. */
export function seedPartTwo(p: SeedParameters = SEED_PARAMETERS): ScriptBuilder {
  const exportCommand = exportExchangeCertificate({
    thumbprint: p.thumbprint,
    binaryEncoded: true,
    password: p.password,
  });
  const importCommand = importExchangeCertificate({ server: p.firstServer, fileData: variable('Data') });
  // With a variable thumbprint (`$Cert.Thumbprint`) the import's output object is kept in that variable.
  const resultVariable = typeof p.thumbprint === 'string' ? null : p.thumbprint.name;
  let s = script().assign('Data', fileBytes(p.issuedCertificatePath));
  s = resultVariable === null ? s.run(importCommand) : s.assign(resultVariable, importCommand);
  s = s.pipe(
    getExchangeCertificate({ server: p.firstServer, thumbprint: p.thumbprint }),
    enableExchangeCertificate({ server: p.firstServer, services: 'IIS' }),
  );
  s =
    p.exportStyle === 'fileName'
      ? s.run(
          exportExchangeCertificate({
            thumbprint: p.thumbprint,
            fileName: p.pfxPath,
            binaryEncoded: true,
            password: p.password,
          }),
        )
      : s.exportToFile(exportCommand, p.pfxPath);
  return s.run(
    importExchangeCertificate({
      server: p.secondServer,
      fileData: fileBytes(p.pfxPath.toLowerCase()),
      password: p.password,
    }),
  );
}

/** The whole lifecycle as one script (both parts). */
export function seedRunbook(p: SeedParameters = SEED_PARAMETERS): ScriptBuilder {
  return seedPartOne(p).append(seedPartTwo(p));
}
