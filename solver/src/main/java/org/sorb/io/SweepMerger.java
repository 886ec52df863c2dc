package org.sorb.io;

import static org.sorb.io.ResultNames.*;

import java.io.IOException;
import java.lang.reflect.Array;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Joins sweep files holding parts of one sweep (shards, checkpoint blocks) into one, designs in design order.
 *
 * <p>Generic over the layout: every dataset under {@code /sweep} whose first dimension is its file's design count
 * (the length of {@code /sweep/design_index}) is joined row by row by design index; every other dataset and every
 * attribute must be equal in all inputs, except the root's {@code created} (the merge's time), {@code backend} and
 * {@code backend_description} (the distinct values joined with "; "), and {@code /sweep}'s {@code designs},
 * {@code failed} (summed) and {@code shard} (the plan's). The output is written to a temporary file beside the target,
 * read back and renamed into place.
 */
public final class SweepMerger {
    /** Designs named in a refusal before "and N more". */
    static final int LISTED = 5;

    /**
     * What the merged file must hold.
     *
     * @param designs    the design indices expected, ascending; null for all of the sweep (0..designs_total-1)
     * @param shard      the merged file's {@code shard} attribute, e.g. {@code 1/1}
     * @param noteInputs true to record the inputs' file names in the root attribute {@code merged_from}
     */
    public record Plan(long[] designs, String shard, boolean noteInputs) {
        public Plan {
            designs = designs == null ? null : designs.clone();
        }
    }

    /** What a merge wrote: the number of designs and how many of them had failed. */
    public record Merged(int designs, long failed) {
    }

    private SweepMerger() {
    }

    /**
     * Merges {@code inputs} into {@code out} (replacing it) as {@code plan} says.
     *
     * @throws MergeRefusedException when the inputs are not parts of one sweep or do not hold the planned designs
     *                               exactly once
     * @throws IOException           when a file cannot be read or written
     */
    public static Merged merge(List<Path> inputs, Path out, Plan plan) throws IOException, MergeRefusedException {
        if (inputs.isEmpty()) {
            throw new MergeRefusedException("no sweep files to merge");
        }
        List<H5Tree> trees = new ArrayList<>();
        List<long[]> indices = new ArrayList<>();
        String sweepId = null;
        long total = -1;
        for (Path p : inputs) {
            if (!Files.isRegularFile(p)) {
                throw new NoSuchFileException(p.toString());
            }
            H5Tree t = H5Tree.read(p);
            H5Tree sweep = t.child(SWEEP);
            if (sweep == null || !sweep.group()) {
                throw new MergeRefusedException(p + " is not a sweep result (no /" + SWEEP + " group)");
            }
            H5Tree index = sweep.child(ResultWriter.leaf(SWEEP_DESIGN_INDEX));
            Object id = sweep.attributes().get(SWEEP_ID);
            Object designsTotal = sweep.attributes().get(DESIGNS_TOTAL);
            if (index == null || !(index.data() instanceof long[] rows) || !(id instanceof String s)
                    || !(designsTotal instanceof Number n)) {
                throw new MergeRefusedException(p + " has no /" + SWEEP_DESIGN_INDEX + ", " + SWEEP_ID + " or "
                        + DESIGNS_TOTAL + " (not written by a Sorb that shards sweeps; run it again)");
            }
            if (sweepId == null) {
                sweepId = s;
                total = n.longValue();
            } else if (!sweepId.equals(s) || total != n.longValue()) {
                throw new MergeRefusedException(p + " is of another sweep than " + inputs.get(0) + " (sweep_id "
                        + abbreviate(s) + " with " + n.longValue() + " designs, expected " + abbreviate(sweepId)
                        + " with " + total + ")");
            }
            trees.add(t);
            indices.add(rows);
        }
        long[] expected = plan.designs() != null ? plan.designs() : range(total);
        checkCoverage(inputs, indices, expected);
        H5Tree merged = mergeNode(trees, indices, expected, inputs, plan, false);
        ResultWriter.publish(out, merged::writeTo);
        Object failed = merged.child(SWEEP).attributes().get(FAILED);
        return new Merged(expected.length, failed instanceof Number f ? f.longValue() : 0L);
    }

    /** Refuses designs outside the plan, designs held twice and planned designs held by no input. */
    private static void checkCoverage(List<Path> inputs, List<long[]> indices, long[] expected)
            throws MergeRefusedException {
        int[] owner = new int[expected.length];
        Arrays.fill(owner, -1);
        List<String> duplicates = new ArrayList<>();
        for (int k = 0; k < indices.size(); k++) {
            for (long d : indices.get(k)) {
                int p = Arrays.binarySearch(expected, d);
                if (p < 0) {
                    throw new MergeRefusedException(inputs.get(k) + " holds design " + d
                            + ", which is not one of the designs to merge (0.." + (expected.length - 1) + ")");
                }
                if (owner[p] >= 0) {
                    duplicates.add("design " + d + " (in " + inputs.get(owner[p]) + " and " + inputs.get(k) + ")");
                }
                owner[p] = k;
            }
        }
        if (!duplicates.isEmpty()) {
            throw new MergeRefusedException(duplicates.size() + " duplicated design(s): " + listed(duplicates));
        }
        List<String> missing = new ArrayList<>();
        for (int p = 0; p < expected.length; p++) {
            if (owner[p] < 0) {
                missing.add(Long.toString(expected[p]));
            }
        }
        if (!missing.isEmpty()) {
            throw new MergeRefusedException(missing.size() + " of " + expected.length + " designs are missing: "
                    + listed(missing) + " (a shard file not given, or a shard that did not finish)");
        }
    }

    private static H5Tree mergeNode(List<H5Tree> nodes, List<long[]> indices, long[] expected, List<Path> inputs,
                                    Plan plan, boolean underSweep) throws MergeRefusedException {
        H5Tree first = nodes.get(0);
        for (int k = 1; k < nodes.size(); k++) {
            H5Tree other = nodes.get(k);
            if (other.group() != first.group()
                    || !names(other.children()).equals(names(first.children()))
                    || !other.attributes().keySet().equals(first.attributes().keySet())) {
                throw new MergeRefusedException(first.path() + " differs in layout between " + inputs.get(0) + " and "
                        + inputs.get(k) + " (groups, datasets or attributes)");
            }
        }
        Map<String, Object> attributes = mergeAttributes(nodes, inputs, plan, expected.length);
        if (!first.group()) {
            if (underSweep && perDesign(nodes, indices)) {
                return first.with(attributes, List.of(), join(nodes, indices, expected), null);
            }
            for (int k = 1; k < nodes.size(); k++) {
                if (!Objects.deepEquals(first.data(), nodes.get(k).data())) {
                    throw new MergeRefusedException(first.path() + " differs between " + inputs.get(0) + " and "
                            + inputs.get(k));
                }
            }
            return first.with(attributes, List.of(), first.data(), first.dimensions());
        }
        List<H5Tree> children = new ArrayList<>();
        for (H5Tree c : first.children()) {
            List<H5Tree> same = new ArrayList<>();
            for (H5Tree n : nodes) {
                same.add(n.child(c.name()));
            }
            children.add(mergeNode(same, indices, expected, inputs, plan,
                    underSweep || c.path().equals("/" + SWEEP)));
        }
        return first.with(attributes, children, null, null);
    }

    private static Map<String, Object> mergeAttributes(List<H5Tree> nodes, List<Path> inputs, Plan plan, int designs)
            throws MergeRefusedException {
        H5Tree first = nodes.get(0);
        boolean root = first.path().equals("/");
        boolean sweep = first.path().equals("/" + SWEEP);
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> a : first.attributes().entrySet()) {
            String name = a.getKey();
            if (root && name.equals(CREATED)) {
                out.put(name, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            } else if (root && (name.equals(BACKEND) || name.equals(BACKEND_DESCRIPTION))) {
                Set<String> distinct = new LinkedHashSet<>();
                nodes.forEach(n -> distinct.add(String.valueOf(n.attributes().get(name))));
                out.put(name, String.join("; ", distinct));
            } else if (root && name.equals(MERGED_FROM)) {
                continue;
            } else if (sweep && name.equals(DESIGNS)) {
                out.put(name, (long) designs);
            } else if (sweep && name.equals(SHARD)) {
                out.put(name, plan.shard());
            } else if (sweep && name.equals(FAILED)) {
                long sum = 0;
                for (H5Tree n : nodes) {
                    sum += ((Number) n.attributes().get(name)).longValue();
                }
                out.put(name, sum);
            } else {
                for (int k = 1; k < nodes.size(); k++) {
                    if (!Objects.deepEquals(a.getValue(), nodes.get(k).attributes().get(name))) {
                        throw new MergeRefusedException("attribute " + name + " of " + first.path() + " differs between "
                                + inputs.get(0) + " and " + inputs.get(k));
                    }
                }
                out.put(name, a.getValue());
            }
        }
        if (root && plan.noteInputs()) {
            String[] files = new String[inputs.size()];
            for (int k = 0; k < files.length; k++) {
                files[k] = String.valueOf(inputs.get(k).getFileName());
            }
            out.put(MERGED_FROM, files);
        }
        return out;
    }

    /** True when the dataset's first dimension is its file's design count in every input. */
    private static boolean perDesign(List<H5Tree> nodes, List<long[]> indices) {
        for (int k = 0; k < nodes.size(); k++) {
            int[] dims = nodes.get(k).dimensions();
            if (dims.length == 0 || dims[0] != indices.get(k).length || !nodes.get(k).data().getClass().isArray()) {
                return false;
            }
        }
        return true;
    }

    /** The rows of every input placed at their design's position among {@code expected}. */
    private static Object join(List<H5Tree> nodes, List<long[]> indices, long[] expected) {
        Object out = Array.newInstance(nodes.get(0).data().getClass().getComponentType(), expected.length);
        for (int k = 0; k < nodes.size(); k++) {
            Object data = nodes.get(k).data();
            long[] rows = indices.get(k);
            for (int r = 0; r < rows.length; r++) {
                Array.set(out, Arrays.binarySearch(expected, rows[r]), Array.get(data, r));
            }
        }
        return out;
    }

    private static Set<String> names(List<H5Tree> children) {
        Set<String> out = new java.util.HashSet<>();
        children.forEach(c -> out.add(c.name()));
        return out;
    }

    private static long[] range(long n) {
        long[] out = new long[(int) n];
        for (int d = 0; d < out.length; d++) {
            out[d] = d;
        }
        return out;
    }

    private static String listed(List<String> items) {
        String head = String.join(", ", items.subList(0, Math.min(LISTED, items.size())));
        return items.size() > LISTED ? head + " and " + (items.size() - LISTED) + " more" : head;
    }

    private static String abbreviate(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }
}
