package org.sorb.launcher;

import java.lang.management.ManagementFactory;

/**
 * Stands in for sorb.jar in {@link LauncherArchiveTest}: prints its arguments and the class-data archive its JVM
 * was given; as the training run (first argument {@code run}) it fails when SORB_PROBE_FAIL_TRAINING=1.
 */
public final class LauncherProbe {
    private LauncherProbe() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("run") && "1".equals(System.getenv("SORB_PROBE_FAIL_TRAINING"))) {
            System.exit(3);
        }
        String archive = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-XX:SharedArchiveFile=")).findFirst().orElse("none");
        System.out.println("probe " + String.join(" ", args) + " | archive " + archive);
    }
}
