package org.sorb.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Materials packaged inside a jar (as in the shaded sorb.jar) are listed and loaded like files on disk. */
class MaterialLibraryJarTest {

    @Test
    void listsAndLoadsMaterialsFromAJar(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("lib.jar");
        String yaml = TestCases.text("materials/test-resin.yaml").replace("material: test-resin",
                "material: jar-resin");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("materials/"));
            out.closeEntry();
            out.putNextEntry(new JarEntry("materials/jar-resin.yaml"));
            out.write(yaml.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new JarEntry("materials/README.md"));
            out.write("not a material".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, previous)) {
            thread.setContextClassLoader(loader);
            assertTrue(MaterialLibrary.names().contains("jar-resin"), MaterialLibrary.names().toString());
            assertTrue(MaterialLibrary.names().contains("test-resin"), MaterialLibrary.names().toString());
            assertEquals("jar-resin", MaterialLibrary.load("jar-resin").name());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
