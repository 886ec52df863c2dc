package org.sorb.cadet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Tells an HDF5 file from a YAML case file by its 8-byte format signature {@code \211HDF\r\n\032\n} at offset 0,
 * not by its extension. A file with a user block carries the signature at 512, 1024, ... bytes instead and is not
 * taken for HDF5 (it then fails as a binary case file); CADET, CADET-Python and h5py write no user block.
 */
public final class Hdf5Signature {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private Hdf5Signature() {
    }

    /** True when {@code file} starts with the HDF5 signature. */
    public static boolean isHdf5(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(SIGNATURE.length), SIGNATURE);
        }
    }
}
