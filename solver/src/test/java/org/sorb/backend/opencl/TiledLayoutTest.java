package org.sorb.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The tiled device layout: the index formula, the conversions both ways, and the untiled identity. */
class TiledLayoutTest {
    @Test
    void elementsOfOneTileAreContiguousPerElement() {
        TiledLayout layout = new TiledLayout(12, 4);
        int len = 5;
        // Tile 1 (designs 4..7) starts after tile 0's 5 x 4 elements; element 2 of design 6 is lane 2 of row 2.
        assertEquals(20 + 2 * 4 + 2, layout.index(2, 6, len));
        assertEquals(20 + 2, layout.first(6, len));
        assertEquals(4, layout.stride());
    }

    @Test
    void toTilesPlacesEveryHostElementAtItsIndexAndFromTilesRestoresIt() {
        int nd = 24;
        int len = 7;
        TiledLayout layout = new TiledLayout(nd, 8);
        double[] host = new double[nd * len];
        int[] hostInts = new int[nd * len];
        for (int l = 0; l < len; l++) {
            for (int b = 0; b < nd; b++) {
                host[l * nd + b] = 1000 * l + b;
                hostInts[l * nd + b] = 1000 * l + b;
            }
        }
        double[] tiled = layout.toTiles(host);
        int[] tiledInts = layout.toTiles(hostInts);
        for (int l = 0; l < len; l++) {
            for (int b = 0; b < nd; b++) {
                assertEquals(1000 * l + b, tiled[(int) layout.index(l, b, len)]);
                assertEquals(1000 * l + b, tiledInts[(int) layout.index(l, b, len)]);
            }
        }
        double[] back = new double[host.length];
        int[] backInts = new int[host.length];
        layout.fromTiles(tiled, back);
        layout.fromTiles(tiledInts, backInts);
        assertArrayEquals(host, back);
        assertArrayEquals(hostInts, backInts);
    }

    @Test
    void oneTileOrOneElementPerDesignIsTheHostLayout() {
        double[] host = {1, 2, 3, 4, 5, 6};
        assertSame(host, new TiledLayout(3, 3).toTiles(host));
        assertSame(host, new TiledLayout(6, 2).toTiles(host));
        assertEquals(5, new TiledLayout(6, 6).index(0, 5, 1));
    }

    @Test
    void rejectsTilesThatDoNotDivideTheBatchAndArraysOfOtherSizes() {
        assertThrows(IllegalArgumentException.class, () -> new TiledLayout(10, 4));
        TiledLayout layout = new TiledLayout(8, 4);
        assertThrows(IllegalArgumentException.class, () -> layout.toTiles(new double[12]));
        assertThrows(IllegalArgumentException.class, () -> layout.fromTiles(new double[16], new double[24]));
    }
}
