package org.sorb.io;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole HDF5 file held in memory as a tree of groups and datasets with their attributes, whatever their names:
 * what {@link SweepMerger} reads its inputs into and writes its output from, so that it carries datasets it does
 * not know.
 *
 * @param name       the node's name ({@code ""} for the root)
 * @param path       its absolute path, {@code /} for the root
 * @param attributes its attributes by name, in file order
 * @param children   a group's children in file order; empty for a dataset
 * @param data       a dataset's data as jhdf returns it (a Java array, or a scalar); null for a group
 * @param dimensions a dataset's dimensions ({@code []} for a scalar); null for a group
 */
record H5Tree(String name, String path, Map<String, Object> attributes, List<H5Tree> children, Object data,
              int[] dimensions) {
    H5Tree {
        attributes = new LinkedHashMap<>(attributes);
        children = List.copyOf(children);
    }

    /** True for a group. */
    boolean group() {
        return data == null;
    }

    /** The child called {@code child}, or null. */
    H5Tree child(String child) {
        for (H5Tree c : children) {
            if (c.name.equals(child)) {
                return c;
            }
        }
        return null;
    }

    /** A copy with other attributes, children and data, same name and path. */
    H5Tree with(Map<String, Object> newAttributes, List<H5Tree> newChildren, Object newData, int[] newDimensions) {
        return new H5Tree(name, path, newAttributes, newChildren, newData, newDimensions);
    }

    /** Reads every node of {@code file}. */
    static H5Tree read(Path file) throws IOException {
        try (HdfFile hdf = new HdfFile(file)) {
            return of(hdf, "", "/");
        } catch (HdfException | IllegalStateException e) {
            throw new IOException("not a readable HDF5 file: " + file + ": " + e.getMessage(), e);
        }
    }

    private static H5Tree of(Node node, String name, String path) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, Attribute> a : node.getAttributes().entrySet()) {
            attributes.put(a.getKey(), a.getValue().getData());
        }
        if (node instanceof Group g) {
            List<H5Tree> children = new ArrayList<>();
            for (Map.Entry<String, Node> c : g.getChildren().entrySet()) {
                children.add(of(c.getValue(), c.getKey(), (path.equals("/") ? "/" : path + "/") + c.getKey()));
            }
            return new H5Tree(name, path, attributes, children, null, null);
        }
        Dataset d = (Dataset) node;
        return new H5Tree(name, path, attributes, List.of(), d.getData(), d.getDimensions());
    }

    /** Writes this tree (a root) into {@code file}. */
    void writeTo(WritableHdfFile file) {
        putAttributes(file);
        writeChildren(file);
    }

    private void writeChildren(WritableGroup into) {
        for (H5Tree c : children) {
            if (c.group()) {
                WritableGroup g = into.putGroup(c.name);
                c.putAttributes(g);
                c.writeChildren(g);
            } else {
                c.putAttributes(into.putDataset(c.name, c.data));
            }
        }
    }

    private void putAttributes(WritableNode node) {
        attributes.forEach(node::putAttribute);
    }
}
