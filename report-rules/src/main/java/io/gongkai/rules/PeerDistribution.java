package io.gongkai.rules;

/**
 * How a value is spread over the stored reports of one administrative level: robust statistics, so that a few
 * huge values (a city's traffic fines) do not move the yardstick.
 *
 * @param count  how many reports gave the value
 * @param median their median
 * @param mad    the median absolute deviation from the median
 */
public record PeerDistribution(long count, double median, double mad) {

    /** Robust statistics of the values (not sorted needed; copied). */
    public static PeerDistribution of(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        double median = median(v);
        double[] deviations = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            deviations[i] = Math.abs(v[i] - median);
        }
        java.util.Arrays.sort(deviations);
        return new PeerDistribution(v.length, median, median(deviations));
    }

    /** Robust statistics of values given as a histogram (value → how many reports gave it), as the store keeps them. */
    public static PeerDistribution ofCounts(java.util.NavigableMap<Double, Long> counts) {
        long n = counts.values().stream().mapToLong(Long::longValue).sum();
        if (n == 0) {
            return new PeerDistribution(0, 0, 0);
        }
        double median = medianOfCounts(counts, n);
        java.util.TreeMap<Double, Long> deviations = new java.util.TreeMap<>();
        counts.forEach((value, count) -> deviations.merge(Math.abs(value - median), count, Long::sum));
        return new PeerDistribution(n, median, medianOfCounts(deviations, n));
    }

    /** The median of {@code n} values given sorted as value → count: the middle one, or the mean of the middle two. */
    private static double medianOfCounts(java.util.NavigableMap<Double, Long> counts, long n) {
        long lowRank = (n - 1) / 2; // 0-based ranks of the middle value(s)
        long highRank = n / 2;
        double low = Double.NaN;
        long seen = 0;
        for (var e : counts.entrySet()) {
            long next = seen + e.getValue();
            if (Double.isNaN(low) && lowRank < next) {
                low = e.getKey();
            }
            if (highRank < next) {
                return (low + e.getKey()) / 2;
            }
            seen = next;
        }
        return low;
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return 0;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
