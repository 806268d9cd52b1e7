package io.gongkai.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./gongkai submit} and {@code ./gongkai revalidate}: a client of the services' HTTP API. */
@Command(name = "gongkai", mixinStandardHelpOptions = true,
        subcommands = {SubmitCommand.class, RevalidateCommand.class},
        description = "Client of a running Gongkai: submit documents, re-validate the store.")
public final class GongkaiCli {

    public static void main(String[] args) {
        System.exit(new CommandLine(new GongkaiCli()).execute(args));
    }
}
