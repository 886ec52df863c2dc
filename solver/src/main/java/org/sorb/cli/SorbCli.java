package org.sorb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sorb.io.SorbVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code sorb} command: entry point of the shaded jar and the {@code ./sorb} launcher. */
@Command(name = "sorb", mixinStandardHelpOptions = true, versionProvider = SorbCli.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = "Simulates chromatography columns (general rate model and its lumped limits).",
        footer = {"Exit status: 0 success, 2 bad input (usage or case validation), 1 runtime failure.",
                "Every failure is one 'error: ' line on stderr; --debug (or SORB_DEBUG=1) adds the stack trace."})
public final class SorbCli implements Callable<Integer> {
    /** The commands by name, in the order the usage lists them (a test checks the names against the classes). */
    static final Map<String, Class<?>> COMMANDS = commands("run", RunCommand.class, "validate", ValidateCommand.class,
            "devices", DevicesCommand.class, "bench", BenchCommand.class, "treat", TreatCommand.class,
            "plot", PlotCommand.class, "merge", MergeCommand.class, "slurm", SlurmCommand.class,
            "fit", FitCommand.class, "convert", ConvertCommand.class);

    private final Path workingDir;
    private final Backends backends;
    private final boolean terminal;

    @Spec
    private CommandSpec spec;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "After an error line, print the stack trace (also: environment SORB_DEBUG=1).")
    private boolean debug;

    /** The command as run from a shell: current directory, standard backends, progress bar on a terminal. */
    public SorbCli() {
        this(Path.of("").toAbsolutePath(), Backends.standard(), System.console() != null);
    }

    /**
     * @param workingDir directory that relative paths and the default output resolve against
     * @param backends   the backends {@code --backend} chooses from
     * @param terminal   true to draw the progress bar in place, false for plain progress lines
     */
    public SorbCli(Path workingDir, Backends backends, boolean terminal) {
        this.workingDir = workingDir.toAbsolutePath();
        this.backends = backends;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        silenceLibraryLogging();
        System.exit(commandLine(new SorbCli(), args).execute(args));
    }

    /**
     * jhdf logs through SLF4J, and without a provider SLF4J prints three warning lines on every run; only the CLI
     * prints, so select SLF4J's no-op provider unless the user chose one ({@code -Dslf4j.provider=...}).
     */
    private static void silenceLibraryLogging() {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
    }

    /** A picocli command line for {@code cli} with Sorb's error reporting ({@code error: <message>}, exit 2). */
    public static CommandLine commandLine(SorbCli cli) {
        return commandLine(cli, new String[0]);
    }

    /**
     * {@link #commandLine(SorbCli)} for the arguments {@code arguments}: when the first names a command, only that command
     * is registered (picocli reflects over every registered command's options up front; the nine others cost a short
     * run about a tenth of a second), otherwise all of them.
     */
    public static CommandLine commandLine(SorbCli cli, String[] arguments) {
        CommandLine cl = new CommandLine(cli);
        Class<?> named = arguments.length > 0 ? COMMANDS.get(arguments[0]) : null;
        for (Class<?> command : COMMANDS.values()) {
            if (named == null || command == named) {
                cl.addSubcommand(command);
            }
        }
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage());
            err.println("try: sorb " + subcommandPath(ex.getCommandLine()) + "--help");
            err.flush();
            return CommandLine.ExitCode.USAGE;
        });
        // commands turn their failures into one line themselves (Failures.guard); this catches what escapes them
        cl.setExecutionExceptionHandler((ex, failed, parseResult) -> Failures.report(failed.getErr(),
                "internal error: " + Failures.describe(ex) + (Failures.debug(failed.getCommandSpec()) ? ""
                        : Failures.DEBUG_HINT), ex, Failures.debug(failed.getCommandSpec()),
                CommandLine.ExitCode.SOFTWARE));
        return cl;
    }

    private static Map<String, Class<?>> commands(Object... nameClassPairs) {
        Map<String, Class<?>> map = new LinkedHashMap<>();
        for (int i = 0; i < nameClassPairs.length; i += 2) {
            map.put((String) nameClassPairs[i], (Class<?>) nameClassPairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private static String subcommandPath(CommandLine cl) {
        String path = cl.getCommandSpec().qualifiedName(" ");
        return path.equals("sorb") ? "" : path.substring("sorb ".length()) + " ";
    }

    /** Without a command: print the usage to stderr and report bad input. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        spec.commandLine().getErr().flush();
        return CommandLine.ExitCode.USAGE;
    }

    /** True when {@code --debug} was given (on {@code sorb} or on the command). */
    boolean debug() {
        return debug;
    }

    Path workingDir() {
        return workingDir;
    }

    Backends backends() {
        return backends;
    }

    boolean terminal() {
        return terminal;
    }

    /** Reports the version stamped by the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"sorb " + SorbVersion.get()};
        }
    }
}
