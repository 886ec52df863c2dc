package org.sorb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sorb COMMAND ...} registers only COMMAND (a shorter start); anything else sees every command. */
class CommandRegistrationTest {
    @TempDir
    Path work;

    private CommandLine commandLine(String... args) {
        return SorbCli.commandLine(new SorbCli(work, Backends.standard(), false), args);
    }

    @Test
    void theNamesAreTheCommandsOwn() {
        assertEquals(10, SorbCli.COMMANDS.size());
        for (Map.Entry<String, Class<?>> e : SorbCli.COMMANDS.entrySet()) {
            assertEquals(e.getKey(), e.getValue().getAnnotation(Command.class).name(), e.getValue().getName());
        }
    }

    @Test
    void aNamedCommandIsTheOnlyOneRegistered() {
        for (String name : SorbCli.COMMANDS.keySet()) {
            assertEquals(List.of(name), List.copyOf(commandLine(name, "--help").getSubcommands().keySet()));
        }
    }

    @Test
    void withoutACommandFirstAllAreRegisteredInUsageOrder() {
        List<String> all = List.copyOf(SorbCli.COMMANDS.keySet());
        assertEquals(all, List.copyOf(commandLine().getSubcommands().keySet()));
        assertEquals(all, List.copyOf(commandLine("--debug", "run").getSubcommands().keySet()));
        assertEquals(all, List.copyOf(commandLine("rn").getSubcommands().keySet()));
        assertEquals(all, List.copyOf(SorbCli.commandLine(new SorbCli(work, Backends.standard(), false))
                .getSubcommands().keySet()));
    }

    @Test
    void theUsageStillListsEveryCommandAndAnOptionBeforeTheCommandStillWorks() {
        CliHarness.Outcome usage = CliHarness.run(work, Backends.standard(), "--help");
        assertEquals(0, usage.status(), usage.err());
        for (String name : SorbCli.COMMANDS.keySet()) {
            assertTrue(usage.out().contains("\n  " + name + " "), name + " in:\n" + usage.out());
        }
        CliHarness.Outcome debug = CliHarness.run(work, Backends.standard(), "--debug", "validate", "--help");
        assertEquals(0, debug.status(), debug.err());
        assertTrue(debug.out().startsWith("Usage: sorb validate"), debug.out());
    }
}
