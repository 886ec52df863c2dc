package org.sorb.cli;

import java.util.ArrayList;
import java.util.List;
import org.sorb.backend.Backend;

/** The backends this build knows, in order of preference, and the choice behind {@code --backend}. */
public final class Backends {
    /** The value of {@code --backend} that picks the best available backend. */
    public static final String AUTO = "auto";

    private final List<BackendProvider> providers;

    /** Backends in order of preference (the first available one is what {@code auto} picks). */
    public Backends(List<BackendProvider> providers) {
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("no backend providers");
        }
        this.providers = List.copyOf(providers);
    }

    /** The backends of this build: OpenCL first, the Java reference path last. */
    public static Backends standard() {
        return new Backends(List.of(new OpenClBackendProvider(), new JavaBackendProvider()));
    }

    /** All providers, in order of preference. */
    public List<BackendProvider> providers() {
        return providers;
    }

    /** The valid values of {@code --backend}. */
    public List<String> choices() {
        List<String> names = new ArrayList<>();
        names.add(AUTO);
        providers.forEach(p -> names.add(p.name()));
        return names;
    }

    /** Refuses a {@code --backend} value that is not one of {@link #choices()}. */
    void requireChoice(String backend) throws UsageException {
        if (!choices().contains(backend)) {
            throw new UsageException("unknown backend '" + backend + "', expected one of " + String.join(", ", choices()));
        }
    }

    /**
     * An opened backend and, when {@code auto} had to pass over a preferred one, a one-line notice saying so.
     *
     * @param backend the backend to use; the caller closes it
     * @param notice  null, or a line for the user
     */
    public record Selection(Backend backend, String notice) {
    }

    /** {@link #select(String, BackendOptions)} with default options. */
    public Selection select(String choice) throws BackendUnavailableException {
        return select(choice, BackendOptions.DEFAULT);
    }

    /**
     * Opens the backend named {@code choice}, or for {@code auto} the first available one that opens (a backend
     * that reports itself available but fails to open is passed over, with a notice). Only the providers that are
     * asked are touched: {@code java} never probes OpenCL.
     *
     * @throws IllegalArgumentException     when {@code choice} names no backend, or an option names nothing
     * @throws BackendUnavailableException when the named backend (or, for auto, every backend) cannot run here
     */
    public Selection select(String choice, BackendOptions options) throws BackendUnavailableException {
        return select(choice, options, 1);
    }

    /**
     * As {@link #select(String, BackendOptions)}, where {@code auto} also passes over a backend that does not pay
     * off for {@code designs} designs ({@link BackendProvider#passOverReason}), with a notice; one it would pass over
     * whether or not it can run ({@link BackendProvider#passOverWithoutProbing}: OpenCL for a single design) is not
     * probed at all, which keeps the OpenCL driver's start (~0.1 s) out of a single run.
     */
    public Selection select(String choice, BackendOptions options, int designs) throws BackendUnavailableException {
        if (AUTO.equals(choice)) {
            StringBuilder skipped = new StringBuilder();
            for (BackendProvider p : providers) {
                boolean last = p == providers.get(providers.size() - 1);
                String passOver = last ? null : p.passOverWithoutProbing(designs);
                String reason = passOver == null ? p.unavailableReason() : null;
                if (passOver == null && reason == null && !last) {
                    passOver = p.passOverReason(designs);
                }
                if (passOver != null) {
                    skipped.append(skipped.length() == 0 ? "" : "; ").append(p.name()).append(" passed over (")
                            .append(passOver).append("; --backend ").append(p.name()).append(" forces it)");
                    continue;
                }
                if (reason == null) {
                    try {
                        Backend b = p.open(options);
                        String notice = skipped.length() == 0 ? null
                                : "note: " + skipped + "; using the " + p.name() + " backend";
                        return new Selection(b, withCaution(notice, p));
                    } catch (BackendUnavailableException e) {
                        reason = e.getMessage();
                    }
                }
                skipped.append(skipped.length() == 0 ? "" : "; ").append(p.name()).append(" unavailable (")
                        .append(reason).append(')');
            }
            throw new BackendUnavailableException("no backend can run here: " + skipped);
        }
        for (BackendProvider p : providers) {
            if (p.name().equals(choice)) {
                String reason = p.unavailableReason();
                if (reason != null) {
                    throw new BackendUnavailableException(p.name() + " backend not available: " + reason);
                }
                return new Selection(p.open(options), withCaution(null, p));
            }
        }
        throw new IllegalArgumentException("unknown backend '" + choice + "', expected one of "
                + String.join(", ", choices()));
    }

    /** The notice with the opened provider's caution appended as a line of its own. */
    private static String withCaution(String notice, BackendProvider p) {
        String caution = p.caution();
        if (caution == null) {
            return notice;
        }
        return (notice == null ? "" : notice + System.lineSeparator()) + "warning: " + caution;
    }
}
