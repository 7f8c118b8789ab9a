// What an exchcert config file may hold (exchcert.config.json or the `exchcert` key of package.json).
import * as z from 'zod';

/** The config file's shape; unknown keys are refused so a typo is not silently ignored. */
export const configSchema = z.strictObject({
  backend: z.string({ error: 'must be a backend name such as mock or print' }).min(1).optional(),
  state: z.string({ error: 'must be a folder path' }).min(1).optional(),
  connect: z.string({ error: 'must be a server name' }).min(1).optional(),
  servers: z.array(z.string().min(1), { error: 'must be a list of server names' }).optional(),
});

/** A validated config file. */
export type ExchcertConfig = z.output<typeof configSchema>;
