package org.sorb.shard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ShardTest {
    @Test
    void theShardsPartitionTheDesignsInBalancedShares() {
        int total = 1001;
        int count = 7;
        int[] seen = new int[total];
        for (int i = 1; i <= count; i++) {
            int[] designs = new Shard(i, count).designs(total);
            assertTrue(designs.length == total / count || designs.length == total / count + 1, "shard " + i);
            for (int d : designs) {
                assertEquals(i - 1, d % count);
                seen[d]++;
            }
        }
        for (int d = 0; d < total; d++) {
            assertEquals(1, seen[d], "design " + d);
        }
        assertArrayEquals(new int[] {1, 4}, new Shard(2, 3).designs(6));
        assertArrayEquals(new int[0], new Shard(7, 7).designs(6));
    }

    @Test
    void parsesOneBasedIOverN() {
        assertEquals(new Shard(2, 8), Shard.parse("2/8"));
        assertEquals(Shard.WHOLE, Shard.parse(" 1/1 "));
        for (String bad : new String[] {"0/3", "4/3", "1/0", "-1/3", "a/3", "3", "/3", "3/", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("--shard " + bad), e.getMessage());
        }
    }

    @Test
    void slurmArraysFromZeroOrOneGiveTheSameShards() {
        assertEquals(new Shard(1, 3), Shard.fromSlurm(Map.of(Shard.TASK_ID, "0", Shard.TASK_MIN, "0",
                Shard.TASK_COUNT, "3")));
        assertEquals(new Shard(3, 3), Shard.fromSlurm(Map.of(Shard.TASK_ID, "3", Shard.TASK_MIN, "1",
                Shard.TASK_COUNT, "3")));
    }

    @Test
    void slurmWithoutItsVariablesOrWithAStepIsRefusedNamingThem() {
        IllegalArgumentException unset = assertThrows(IllegalArgumentException.class,
                () -> Shard.fromSlurm(Map.of(Shard.TASK_ID, "1", Shard.TASK_MIN, "1")));
        assertTrue(unset.getMessage().contains("SLURM_ARRAY_TASK_COUNT is not set"), unset.getMessage());
        IllegalArgumentException step = assertThrows(IllegalArgumentException.class,
                () -> Shard.fromSlurm(Map.of(Shard.TASK_ID, "8", Shard.TASK_MIN, "0", Shard.TASK_COUNT, "3")));
        assertTrue(step.getMessage().contains("contiguous array"), step.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Shard.fromSlurm(Map.of(Shard.TASK_ID, "x", Shard.TASK_MIN, "0", Shard.TASK_COUNT, "3")));
    }

    @Test
    void defaultNamesCarryTheShard() {
        assertEquals("case.shard-2-of-8.h5", new Shard(2, 8).fileName("case"));
        assertEquals("case.h5", Shard.WHOLE.fileName("case"));
    }
}
