import { ShopkeeperError } from '../platform/index.ts';
import { runCli } from './run.ts';

try {
  process.exitCode = await runCli(process.argv.slice(2), process.env);
} catch (error) {
  if (ShopkeeperError.isInstance(error)) {
    console.error(`error: ${error.message}${error.details.fix ? `\nfix: ${error.details.fix}` : ''}`);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
