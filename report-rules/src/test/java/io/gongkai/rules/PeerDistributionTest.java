package io.gongkai.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The store keeps histograms instead of the values: the statistics from them must be those of the values. */
class PeerDistributionTest {

    @Test
    void histogramGivesTheSameMedianAndMadAsTheValues() {
        Random random = new Random(7);
        for (int n : new int[] {1, 2, 3, 10, 101, 1000}) {
            double[] values = new double[n];
            TreeMap<Double, Long> counts = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                values[i] = random.nextInt(40) * (random.nextInt(10) == 0 ? 100 : 1);
                counts.merge(values[i], 1L, Long::sum);
            }
            PeerDistribution expected = PeerDistribution.of(values);
            PeerDistribution actual = PeerDistribution.ofCounts(counts);
            assertEquals(expected.count(), actual.count(), "count of " + n);
            assertEquals(expected.median(), actual.median(), 1e-9, "median of " + n);
            assertEquals(expected.mad(), actual.mad(), 1e-9, "MAD of " + n);
        }
    }

    @Test
    void noValuesGiveAnEmptyDistribution() {
        assertEquals(0, PeerDistribution.ofCounts(new TreeMap<>()).count());
    }
}
