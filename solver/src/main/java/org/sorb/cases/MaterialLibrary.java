package org.sorb.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The adsorbent library: material files packaged on the classpath as {@code materials/<name>.yaml}. */
public final class MaterialLibrary {
    static final String FOLDER = "materials";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private MaterialLibrary() {
    }

    /** The names of all materials on the classpath, sorted. */
    public static List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        try {
            Enumeration<URL> roots = loader().getResources(FOLDER);
            while (roots.hasMoreElements()) {
                URL root = roots.nextElement();
                if ("file".equals(root.getProtocol())) {
                    addFromFolder(Path.of(root.toURI()), names);
                } else if ("jar".equals(root.getProtocol())) {
                    addFromJar(root, names);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the material library", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot list the material library", e);
        }
        return List.copyOf(names);
    }

    /** The material called {@code name}; fails naming the field {@code material} and the available ones. */
    /**
     * The material a case's {@code material:} value names, or null when the key is absent or null.
     *
     * @throws CaseException when the value is not a name or names no material
     */
    public static Material named(com.fasterxml.jackson.databind.JsonNode value) throws CaseException {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new CaseException("material", YamlTree.display(value), "a material name, one of "
                    + String.join(", ", names()));
        }
        return load(value.asText());
    }

    public static Material load(String name) throws CaseException {
        URL url = NAME.matcher(name).matches() ? loader().getResource(FOLDER + "/" + name + ".yaml") : null;
        if (url == null) {
            List<String> available = names();
            String hint = KeySuggester.closest(name, available).map(g -> "; did you mean " + g + "?").orElse("");
            throw new CaseException("material", name, "one of the available materials ("
                    + (available.isEmpty() ? "none installed" : String.join(", ", available)) + ")" + hint);
        }
        String text;
        try (InputStream in = url.openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CaseException("material", name, "a readable material file (" + e.getMessage() + ")");
        }
        ObjectNode document;
        try {
            document = YamlTree.parseMapping(text, FOLDER + "/" + name + ".yaml");
        } catch (CaseException e) {
            throw new CaseException("material", name, "a well-formed material file " + FOLDER + "/" + name
                    + ".yaml (" + e.getMessage() + ")");
        }
        String declared = Optional.ofNullable(document.get("material")).map(YamlTree::display).orElse("nothing");
        if (!declared.equals(name)) {
            throw new CaseException("material", name, "a material file whose material: key matches its file name"
                    + " (" + FOLDER + "/" + name + ".yaml declares " + declared + ")");
        }
        return new Material(name, document);
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : MaterialLibrary.class.getClassLoader();
    }

    private static void addFromFolder(Path folder, TreeSet<String> names) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            files.map(p -> p.getFileName().toString()).forEach(f -> addIfMaterial(f, names));
        }
    }

    private static void addFromJar(URL root, TreeSet<String> names) throws IOException {
        URLConnection connection = root.openConnection();
        if (!(connection instanceof JarURLConnection jarConnection)) {
            return;
        }
        jarConnection.setUseCaches(false);
        try (JarFile jar = jarConnection.getJarFile()) {
            List<JarEntry> entries = new ArrayList<>(jar.stream().toList());
            for (JarEntry entry : entries) {
                String entryName = entry.getName();
                if (entryName.startsWith(FOLDER + "/") && entryName.indexOf('/', FOLDER.length() + 1) < 0) {
                    addIfMaterial(entryName.substring(FOLDER.length() + 1), names);
                }
            }
        }
    }

    private static void addIfMaterial(String fileName, TreeSet<String> names) {
        if (fileName.endsWith(".yaml")) {
            String name = fileName.substring(0, fileName.length() - ".yaml".length());
            if (NAME.matcher(name).matches()) {
                names.add(name);
            }
        }
    }
}
