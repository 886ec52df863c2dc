package org.sorb.cases;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.sorb.model.BindingModel;

/** Access to the test resources shared by the case-loading tests. */
final class TestCases {
    private TestCases() {
    }

    /** The text of a classpath resource, e.g. {@code cases/valid-langmuir.yaml}. */
    static String text(String resource) {
        try (InputStream in = TestCases.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The folder of a classpath resource directory. */
    static Path folder(String resource) {
        URL url = TestCases.class.getClassLoader().getResource(resource);
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The valid base case. */
    static String validLangmuir() {
        return text("cases/valid-langmuir.yaml");
    }

    /** The adsorption rates of any binding model. */
    static double[] ka(BindingModel b) {
        return b.values("ka");
    }

    /** The desorption rates of any binding model. */
    static double[] kd(BindingModel b) {
        return b.values("kd");
    }

    /** The capacities of a Langmuir-type binding model. */
    static double[] qmax(BindingModel b) {
        return b.values("qmax");
    }

    /** Loads YAML text with overrides, failing the test on a CaseException. */
    static LoadedCase load(String yaml, String... overrides) {
        try {
            return CaseLoader.parse(yaml, "test", List.of(overrides));
        } catch (CaseException e) {
            throw new AssertionError("unexpected CaseException: " + e.getMessage(), e);
        }
    }
}
