// Entry of bin/quantriet: dispatches to one module per subcommand.
// Each command module exports `run(args: string[]): Promise<number>` returning the exit code.

type CommandModule = { run: (args: string[]) => Promise<number>; summary: string };

const commands: Record<string, () => Promise<CommandModule>> = {
  serve: () => import('./commands/serve'),
  migrate: () => import('./commands/migrate'),
  seed: () => import('./commands/seed'),
  init: () => import('./commands/init'),
  import: () => import('./commands/import'),
  lint: () => import('./commands/lint'),
  render: () => import('./commands/render'),
  'citus-distribute': () => import('./commands/citus-distribute'),
  backup: () => import('./commands/backup'),
  restore: () => import('./commands/restore'),
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    await printHelp();
    return name ? 0 : 2;
  }
  const load = commands[name];
  if (!load) {
    console.error(`Lệnh không tồn tại: ${name}`);
    await printHelp();
    return 2;
  }
  let mod: CommandModule;
  try {
    mod = await load();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND') {
      console.error(`Lệnh "${name}" chưa được cài đặt trong phiên bản này.`);
      return 2;
    }
    throw error;
  }
  try {
    return await mod.run(rest);
  } catch (error) {
    // A refusal with a stable id (the data folder in use…) is a message for the user, not a crash.
    const { AppError } = await import('../server/errors');
    if (error instanceof AppError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

async function printHelp(): Promise<void> {
  const lines = ['Cách dùng: quantriet <lệnh> [tuỳ chọn]', '', 'Các lệnh:'];
  for (const [name, load] of Object.entries(commands)) {
    const summary = await load().then((m) => m.summary, () => '(chưa có)');
    lines.push(`  ${name.padEnd(17)} ${summary}`);
  }
  console.log(lines.join('\n'));
}
