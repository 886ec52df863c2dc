package org.sorb.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A one-node Slurm cluster on localhost for a test, everything in one folder: a munge key and munged, a slurm.conf
 * (this machine's CPUs and memory as {@code slurmd -C} reports them, process tracking without cgroups), slurmctld
 * and slurmd. {@link #close} stops the three daemons by the process ids they wrote.
 */
final class LocalSlurm implements AutoCloseable {
    /** Longest wait for the node to report idle after the daemons start. */
    static final long START_SECONDS = 60;
    /** Longest any one client or daemon command may take. */
    static final long COMMAND_SECONDS = 30;
    /** Size of the random munge key (as {@code mungekey} makes it, 1024 bytes). */
    static final int MUNGE_KEY_BYTES = 1024;
    private static final List<String> PROGRAMS = List.of("munged", "slurmctld", "slurmd", "sbatch", "sinfo", "squeue");

    private final Path dir;
    private final List<Path> pidFiles = new ArrayList<>();

    private LocalSlurm(Path dir) {
        this.dir = dir;
    }

    /** Why this machine cannot run a local cluster (not root, programs missing), or null when it can try. */
    static String problem() throws IOException, InterruptedException {
        String uid = command(List.of("id", "-u"), Map.of()).strip();
        if (!uid.equals("0")) {
            return "the daemons need root (uid " + uid + ")";
        }
        List<String> missing = new ArrayList<>();
        for (String p : PROGRAMS) {
            if (which(p) == null) {
                missing.add(p);
            }
        }
        return missing.isEmpty() ? null : "missing " + String.join(", ", missing)
                + " (apt-get install -y slurm-wlm munge)";
    }

    /** Starts munged, slurmctld and slurmd in {@code dir}; waits until the node is idle. */
    static LocalSlurm start(Path dir) throws Exception {
        LocalSlurm s = new LocalSlurm(dir);
        try {
            s.startDaemons();
            return s;
        } catch (Exception | AssertionError e) {
            String logs = s.logs();
            s.close();
            throw new IllegalStateException(e.getMessage() + "\n" + logs, e);
        }
    }

    private void startDaemons() throws Exception {
        Path munge = Files.createDirectories(dir.resolve("munge"));
        for (String sub : List.of("state", "spool")) {
            Files.createDirectories(dir.resolve(sub));
        }
        // munged refuses a socket in a folder that not everyone may traverse.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(munge, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path key = munge.resolve("munge.key");
        byte[] secret = new byte[MUNGE_KEY_BYTES];
        new SecureRandom().nextBytes(secret);
        Files.write(key, secret);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("r--------"));
        pidFiles.add(munge.resolve("munged.pid"));
        command(List.of(which("munged"), "--key-file=" + key, "--socket=" + munge.resolve("munge.socket"),
                "--pid-file=" + munge.resolve("munged.pid"), "--log-file=" + munge.resolve("munged.log"),
                "--seed-file=" + munge.resolve("munged.seed")), Map.of());
        Files.writeString(conf(), configuration(), StandardCharsets.UTF_8);
        pidFiles.add(dir.resolve("slurmctld.pid"));
        command(List.of(which("slurmctld"), "-f", conf().toString()), env());
        pidFiles.add(dir.resolve("slurmd.pid"));
        command(List.of(which("slurmd"), "-f", conf().toString(), "-N", "localhost"), env());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        String state = "";
        while (System.nanoTime() < deadline) {
            try {
                state = client("sinfo", "-h", "-N", "-o", "%T").strip();
            } catch (IOException notYet) {
                state = notYet.getMessage();
            }
            if (state.equals("idle")) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the node did not become idle within " + START_SECONDS + " s (sinfo: "
                + state + ")");
    }

    private String configuration() throws IOException, InterruptedException {
        String node = command(List.of(which("slurmd"), "-C"), Map.of()).lines().findFirst().orElseThrow()
                .replaceFirst("NodeName=\\S+", "NodeName=localhost NodeAddr=127.0.0.1");
        Path m = dir.resolve("munge");
        return String.join("\n",
                "ClusterName=sorbtest",
                "SlurmctldHost=localhost",
                "SlurmUser=root",
                "SlurmdUser=root",
                "SlurmctldPort=" + freePort(),
                "SlurmdPort=" + freePort(),
                "AuthType=auth/munge",
                "CredType=cred/munge",
                "AuthInfo=socket=" + m.resolve("munge.socket"),
                "StateSaveLocation=" + dir.resolve("state"),
                "SlurmdSpoolDir=" + dir.resolve("spool"),
                "SlurmctldPidFile=" + dir.resolve("slurmctld.pid"),
                "SlurmdPidFile=" + dir.resolve("slurmd.pid"),
                "SlurmctldLogFile=" + dir.resolve("slurmctld.log"),
                "SlurmdLogFile=" + dir.resolve("slurmd.log"),
                "ProctrackType=proctrack/linuxproc",
                "TaskPlugin=task/none",
                "JobAcctGatherType=jobacct_gather/none",
                "SelectType=select/cons_tres",
                "SelectTypeParameters=CR_Core",
                "MpiDefault=none",
                "ReturnToService=2",
                node + " State=UNKNOWN",
                "PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP", "");
    }

    Path conf() {
        return dir.resolve("slurm.conf");
    }

    /** The environment Slurm's clients need: SLURM_CONF. */
    Map<String, String> env() {
        return Map.of("SLURM_CONF", conf().toString());
    }

    /** Runs a Slurm client program against this cluster; its output. */
    String client(String program, String... args) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of(which(program)));
        c.addAll(List.of(args));
        return command(c, env());
    }

    /** The daemons' log tails, for a failure message. */
    String logs() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Path log : List.of(dir.resolve("munge/munged.log"), dir.resolve("slurmctld.log"),
                dir.resolve("slurmd.log"))) {
            if (Files.exists(log)) {
                List<String> lines = Files.readAllLines(log);
                sb.append("--- ").append(log).append('\n');
                lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> sb.append(l).append('\n'));
            }
        }
        return sb.toString();
    }

    /**
     * Stops the daemons this cluster started, by the ids in their pid files, and waits until each has exited (they
     * write their state on the way out), killing one that takes longer than {@link #COMMAND_SECONDS}.
     */
    @Override
    public void close() throws IOException {
        for (int k = pidFiles.size() - 1; k >= 0; k--) {
            Path f = pidFiles.get(k);
            if (!Files.exists(f)) {
                continue;
            }
            ProcessHandle daemon = ProcessHandle.of(Long.parseLong(Files.readString(f).strip())).orElse(null);
            if (daemon == null) {
                continue;
            }
            daemon.destroy();
            try {
                daemon.onExit().get(COMMAND_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                daemon.destroyForcibly();
            } catch (InterruptedException e) {
                daemon.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs {@code command} with {@code env} added; its output, or an IOException with it when it fails. */
    static String command(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        // Output to a file, not a pipe: a daemon that forks may keep a pipe open long after its parent exits.
        Path log = Files.createTempFile("sorb-slurm-command", ".log");
        String text;
        Process p;
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().putAll(env);
            p = pb.start();
            if (!p.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": no answer within " + COMMAND_SECONDS + " s");
            }
            text = Files.readString(log, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(log);
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + text.strip());
        }
        return text;
    }

    private static String which(String program) {
        for (String d : (System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin").split(":")) {
            Path p = Path.of(d.isEmpty() ? "." : d, program);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
