package org.sorb.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeySuggesterTest {
    private static final List<String> KEYS = ColumnReader.KEYS;

    @Test
    void suggestsTheClosestKeyForTyposAndSwaps() {
        assertEquals(Optional.of("length"), KeySuggester.closest("lenght", KEYS));
        assertEquals(Optional.of("bed_porosity"), KeySuggester.closest("bed_porsity", KEYS));
        assertEquals(Optional.of("axial_dispersion"), KeySuggester.closest("axial_dipsersion", KEYS));
        assertEquals(Optional.of("model"), KeySuggester.closest("Model", KEYS));
    }

    @Test
    void staysSilentWhenNothingIsClose() {
        assertTrue(KeySuggester.closest("temperature", KEYS).isEmpty());
    }

    @Test
    void distanceCountsAnAdjacentSwapAsOneEdit() {
        assertEquals(1, KeySuggester.distance("lenght", "length"));
        assertEquals(3, KeySuggester.distance("kitten", "sitting"));
    }
}
