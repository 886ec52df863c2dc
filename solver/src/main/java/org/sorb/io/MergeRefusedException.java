package org.sorb.io;

/** Sweep files that cannot be merged (different sweeps, missing or duplicated designs, not sweep results): bad input. */
public final class MergeRefusedException extends Exception {
    public MergeRefusedException(String message) {
        super(message);
    }
}
