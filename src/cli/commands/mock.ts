import type { CommandModule } from 'yargs';
import { addServer } from '../../engine/add-server.js';
import {
  advanceClock,
  setAcceptedDomains,
  setPopImapCertificateName,
  setRequireSsl,
  putSendConnector,
  setTransportCertificate,
} from '../../engine/org-admin.js';
import { serverTarget } from '../../engine/org-state.js';
import { EXIT } from '../cli-io.js';
import type { CliIo } from '../cli-io.js';
import { withOpenState, withStateOption } from '../mock-options.js';

/** `exchcert mock ...`: set up the simulated organization (servers, connectors, POP/IMAP names, clock). */
export function mockCommand(io: CliIo, done: (code: number) => void): CommandModule {
  return {
    command: 'mock <command>',
    describe: 'set up the simulated organization',
    builder: (y) =>
      y
        .command({
          command: 'add-server <name>',
          describe: 'add a server as Exchange setup leaves it (self-signed certificate, IIS, POP/IMAP, transport)',
          builder: (b) =>
            withStateOption(
              b
                .positional('name', { type: 'string', demandOption: true, describe: 'NetBIOS name, e.g. AMS-EXCH01' })
                .option('fqdn', { type: 'string', describe: 'FQDN (default <name>.labs.local)' })
                .option('exchange', {
                  type: 'string',
                  describe: 'Exchange version: 2010, 2013, 2016-CU23, 2019-CU14, SE...',
                  default: '2019',
                })
                .option('windows', {
                  type: 'string',
                  describe:
                    'Windows Server version: 2008R2, 2012R2, 2016, 2019, 2022, 2025 (default by Exchange version: ' +
                    '2010 2008R2, 2013 2012R2, 2016 2016, 2019 2019, SE 2022); 2016 and older cannot import AES-encrypted PFX files',
                }),
            ),
          handler: async (a) => {
            await withOpenState(a, async (state) => {
              const server = await addServer(
                state.store,
                {
                  name: a.name,
                  ...(a.fqdn ? { fqdn: a.fqdn } : {}),
                  exchange: a.exchange,
                  ...(a.windows !== undefined ? { windows: a.windows } : {}),
                },
                new Date(),
              );
              // The key pool and the vendor CA come with the state: later calls make no key.
              await (await import('../../backend/mock/mock-state.js')).prepareMockState(state);
              io.stdout.write(`Added ${server.name} (${server.fqdn}), Exchange ${serverTarget(server).label}\n`);
            });
            done(EXIT.ok);
          },
        })
        .command({
          command: 'list-servers',
          describe: 'list the servers of the simulated organization',
          builder: (b) => withStateOption(b),
          handler: async (args) => {
            await withOpenState(args, (state) => {
              for (const s of state.store.read((tx) => tx.listServers()))
                io.stdout.write(`${s.name}\t${s.fqdn}\t${serverTarget(s).label}\t${s.roles.join(',')}\n`);
            });
            done(EXIT.ok);
          },
        })
        .command({
          command: 'set-send-connector <name>',
          describe: 'create or change a Send connector (its TlsCertificateName blocks Remove-ExchangeCertificate)',
          builder: (b) =>
            withStateOption(
              b
                .positional('name', { type: 'string', demandOption: true })
                .option('tls-certificate-name', { type: 'string', describe: '<I>issuer<S>subject' })
                .option('fqdn', { type: 'string' }),
            ),
          handler: async (a) => {
            await withOpenState(a, (state) =>
              putSendConnector(state.store, {
                name: a.name,
                ...(a.tlsCertificateName !== undefined ? { tlsCertificateName: a.tlsCertificateName } : {}),
                ...(a.fqdn !== undefined ? { fqdn: a.fqdn } : {}),
              }),
            );
            done(EXIT.ok);
          },
        })
        .command({
          command: 'set-pop-imap <server>',
          describe: 'Set-PopSettings/Set-ImapSettings -X509CertificateName',
          builder: (b) =>
            withStateOption(
              b
                .positional('server', { type: 'string', demandOption: true })
                .option('pop', { type: 'string' })
                .option('imap', { type: 'string' }),
            ),
          handler: async (a) => {
            await withOpenState(a, (state) =>
              setPopImapCertificateName(state.store, a.server, {
                ...(a.pop !== undefined ? { pop: a.pop } : {}),
                ...(a.imap !== undefined ? { imap: a.imap } : {}),
              }),
            );
            done(EXIT.ok);
          },
        })
        .command({
          command: 'set-accepted-domains <domains..>',
          describe: 'replace the accepted domains (Authoritative)',
          builder: (b) => withStateOption(b.positional('domains', { type: 'string', array: true, demandOption: true })),
          handler: async (a) => {
            await withOpenState(a, (state) => setAcceptedDomains(state.store, a.domains));
            done(EXIT.ok);
          },
        })
        .command({
          command: 'set-transport-certificate <server> <thumbprint>',
          describe: 'set the default SMTP (internal transport) certificate',
          builder: (b) =>
            withStateOption(
              b
                .positional('server', { type: 'string', demandOption: true })
                .positional('thumbprint', { type: 'string', demandOption: true }),
            ),
          handler: async (a) => {
            await withOpenState(a, (state) => setTransportCertificate(state.store, a.server, a.thumbprint));
            done(EXIT.ok);
          },
        })
        .command({
          command: 'set-require-ssl <server> <on>',
          describe: "turn the Default Web Site's Require SSL on or off",
          // A string with choices: a yargs boolean positional reads every word but 'false' (even 'off') as true.
          builder: (b) =>
            withStateOption(
              b
                .positional('server', { type: 'string', demandOption: true })
                .positional('on', { type: 'string', choices: ['on', 'off', 'true', 'false'], demandOption: true }),
            ),
          handler: async (a) => {
            await withOpenState(a, (state) => setRequireSsl(state.store, a.server, a.on === 'on' || a.on === 'true'));
            done(EXIT.ok);
          },
        })
        .command({
          command: 'advance-clock <days>',
          describe: "move the organization's clock forward (certificates expire)",
          builder: (b) => withStateOption(b.positional('days', { type: 'number', demandOption: true })),
          handler: async (a) => {
            await withOpenState(a, (state) => advanceClock(state.store, a.days * 86_400_000));
            done(EXIT.ok);
          },
        })
        .demandCommand(1, 'Name a mock command; see exchcert mock --help.'),
    handler: () => {},
  };
}
