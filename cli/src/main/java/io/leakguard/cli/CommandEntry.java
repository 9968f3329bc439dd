package io.leakguard.cli;

import java.util.function.Supplier;
import picocli.CommandLine.Command;

/**
 * A command of the CLI tree: its class (whose {@code @Command} annotation names it) and how to make
 * one. Lets a parent list its subcommands once and build only the one the arguments name, without
 * picocli reflecting over the others (see {@code Main.commandLine(String[])}).
 *
 * <p>Example: {@code new CommandEntry(ScanCommand.class, ScanCommand::new).name()} is {@code
 * "scan"}.
 */
public record CommandEntry(Class<?> type, Supplier<Object> make) {
  /** The command's name, from its annotation. */
  public String name() {
    return type.getAnnotation(Command.class).name();
  }
}
