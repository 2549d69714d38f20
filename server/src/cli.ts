import { runCommand, USAGE } from './cli/commands';
import { databaseOptionsFrom, readServerEnv } from './config';
import { openServerDatabase } from './db/open';

const argv = process.argv.slice(2);
if (argv.length === 0 || argv.includes('--help')) {
  console.log(USAGE);
  process.exit(argv.length === 0 ? 2 : 0);
}

const database = await openServerDatabase(databaseOptionsFrom(readServerEnv(process.env)));
try {
  process.exitCode = await runCommand(database, argv, (line) => console.log(line));
} finally {
  await database.close();
}
